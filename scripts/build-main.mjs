// Bundles the Node-side entries into out/main as CommonJS. Dependencies stay external (they ship in
// node_modules); the sandboxed preload is bundled whole because it may only require 'electron'.
import { build } from 'esbuild';

// import.meta.url is only read when running from source (the reading worker's TypeScript path).
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  define: { 'import.meta.url': 'undefined' },
};

await Promise.all([
  build({
    ...common,
    entryPoints: {
      main: 'src/main/electron/main.ts',
      cli: 'src/main/cli.ts',
      serve: 'src/main/serve.ts',
      // Spreadsheets are parsed in a worker thread (src/main/spreadsheet/read-worker-client.ts).
      'read-worker': 'src/main/spreadsheet/read-worker.ts',
    },
    outdir: 'out/main',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'src/main/electron/preload.ts' },
    outdir: 'out/main',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
