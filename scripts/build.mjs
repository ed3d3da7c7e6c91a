// Builds everything the app and the preview run from into dist/, with esbuild (about a second).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const watchless = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'es2023' };
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/renderer', { recursive: true });

const node = { ...watchless, platform: 'node', target: 'node20', external: ['electron'] };
await Promise.all([
  build({ ...watchless, entryPoints: { app: 'renderer/main.tsx' }, outdir: 'dist/renderer', platform: 'browser', format: 'iife', jsx: 'automatic', jsxImportSource: 'preact', loader: { '.woff2': 'file', '.woff': 'empty', '.ttf': 'empty' } }),
  build({ ...watchless, entryPoints: ['main/preview/web-bridge.ts'], outfile: 'dist/web-bridge.js', platform: 'browser', format: 'iife' }),
  build({
    ...node,
    entryPoints: ['main/preview/cli.ts'],
    outfile: 'dist/preview.mjs',
    format: 'esm',
    // Some bundled CommonJS dependencies call require(); give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...node,
    entryPoints: ['main/cli/main.ts'],
    outfile: 'dist/cli.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  // The optimiser's child process. The binding is a native module: it stays in node_modules.
  build({ ...node, entryPoints: ['main/optimiser/child.ts'], outfile: 'dist/optimiser.mjs', format: 'esm', external: ['electron', '@open-spaced-repetition/binding'] }),
  // The app hands the service Electron's utilityProcess for the optimiser, so the fork launcher's
  // `import.meta.url` (which CommonJS lacks) is never read there.
  existsSync('main/electron/main.ts') && build({ ...node, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main.cjs', format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } }),
  existsSync('main/electron/preload.ts') && build({ ...node, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/preload.cjs', format: 'cjs', platform: 'browser', external: ['electron'] }),
]);
cpSync('renderer/index.html', 'dist/renderer/index.html');
