// Data files bundled as text: esbuild's `text` loader in serverless.yml, test/text-transform.cjs under jest.
declare module '*.aff' { const text: string; export default text; }
declare module '*.dic' { const text: string; export default text; }
declare module '*.txt' { const text: string; export default text; }
// YAML documents (docs/openapi.yaml) as data: converted to JSON when bundled (scripts/esbuild-data-files.cjs), test/yaml-transform.cjs under jest.
declare module '*.yaml' { const document: Record<string, unknown>; export default document; }
