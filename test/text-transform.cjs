// Jest counterpart of esbuild's `text` loader: a data file becomes a module exporting its contents.
module.exports = {
  process(source) {
    return { code: `export default ${JSON.stringify(source)};` };
  },
};
