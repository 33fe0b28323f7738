// Data files bundled as text: esbuild's `text` loader in serverless.yml, test/text-transform.cjs under jest.
declare module '*.aff' { const text: string; export default text; }
declare module '*.dic' { const text: string; export default text; }
declare module '*.txt' { const text: string; export default text; }
