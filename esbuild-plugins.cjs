// dictionary-en reads index.aff/index.dic next to itself at import time, which breaks once bundled:
// load its module as one that imports both files through the text loader instead.
const path = require('node:path');

module.exports = [
  {
    name: 'dictionary-en-as-text',
    setup(build) {
      build.onLoad({ filter: /[\\/]dictionary-en[\\/]index\.js$/ }, (args) => ({
        contents: "import aff from './index.aff'; import dic from './index.dic'; export default { aff, dic };",
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
    },
  },
];
