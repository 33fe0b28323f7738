// Jest counterpart of the esbuild plugin's YAML loader: a YAML document becomes a module exporting it as data.
const { parse } = require('yaml');

module.exports = {
  process(source) {
    return { code: `export default ${JSON.stringify(parse(source))};` };
  },
};
