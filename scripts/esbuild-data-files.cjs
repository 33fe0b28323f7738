/**
 * esbuild plugin for the Lambda bundles (serverless.yml, custom.esbuild.plugins): the built data
 * files (.txt, .aff, .dic in the generated folders) ship beside the bundle as <bundle>.<file> and are read
 * at start-up, instead of being inlined as string literals: Node then compiles the code without
 * megabytes of literals, a share of the spell function's cold start (docs/engines.md).
 * A YAML document (docs/openapi.yaml) is converted to JSON at build time, so no YAML parser ships.
 * eld's n-gram databases, large object literals, ship the same way as JSON: JSON.parse builds one
 * far faster than compiling and running the literal (docs/engines.md has the figures).
 * The <bundle>. prefix keeps each file in its own function's zip (serverless-esbuild leaves files
 * named after another function's bundle out of a zip). Sources, jest and tsx import them as text, and
 * eld as published.
 */
const { copyFileSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { basename, join, parse } = require('node:path');
const { pathToFileURL } = require('node:url');

const readBeside = (name, body) =>
  `import { readFileSync } from 'node:fs';\nconst text = readFileSync(new URL(${JSON.stringify(`./${name}`)}, import.meta.url), 'utf8');\n${body}`;

module.exports = [
  {
    name: 'data-files',
    setup(build) {
      const { outdir, entryPoints } = build.initialOptions;
      const entry = Array.isArray(entryPoints) && entryPoints.length === 1 ? entryPoints[0] : undefined;
      if (!outdir || typeof entry !== 'string') throw new Error('data-files: expects one entry point and an outdir, as serverless-esbuild builds each function');
      const bundle = parse(entry).name;
      const sources = new Map();
      build.onLoad({ filter: /\.(txt|aff|dic)$/ }, (args) => {
        const name = `${bundle}.${basename(args.path)}`;
        if (sources.has(name) && sources.get(name) !== args.path) throw new Error(`data-files: ${args.path} and ${sources.get(name)} would both ship as ${name}`);
        sources.set(name, args.path);
        mkdirSync(outdir, { recursive: true });
        copyFileSync(args.path, join(outdir, name));
        return { loader: 'js', contents: readBeside(name, 'export default text;\n') };
      });
      build.onLoad({ filter: /\.yaml$/ }, (args) => ({ loader: 'json', contents: JSON.stringify(require('yaml').parse(readFileSync(args.path, 'utf8'))) }));
      build.onLoad({ filter: /[\\/]eld[\\/]src[\\/]ngrams[\\/][a-z]+\.js$/ }, async (args) => {
        const { ngramsData } = await import(pathToFileURL(args.path).href);
        const name = `${bundle}.eld-${parse(args.path).name}.json`;
        mkdirSync(outdir, { recursive: true });
        writeFileSync(join(outdir, name), JSON.stringify(ngramsData));
        return { loader: 'js', contents: readBeside(name, 'export const ngramsData = JSON.parse(text);\n') };
      });
    },
  },
];
