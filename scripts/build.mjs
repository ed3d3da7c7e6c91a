// Builds everything the app and the preview run from into dist/, with esbuild (about a second).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildRenderer, FIRST_SCREEN_BUDGET_BYTES } from './renderer-build.mjs';

const watchless = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'es2023' };
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/renderer', { recursive: true });

const node = { ...watchless, platform: 'node', target: 'node20', external: ['electron'] };
const [renderer] = await Promise.all([
  buildRenderer('dist/renderer'),
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
// The first screen's chunks are named in the page, so they are fetched with app.js, not after it.
const preloads = renderer.firstScreen.files.filter((f) => f.file !== 'app.js').map((f) => `<link rel="modulepreload" href="./${f.file}" />`);
writeFileSync('dist/renderer/index.html', readFileSync('renderer/index.html', 'utf8').replace('<link rel="stylesheet"', `${preloads.join('\n    ')}\n    <link rel="stylesheet"`));

// The first screen's JavaScript within its budget, or the build fails.
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const first = renderer.firstScreen;
console.log(`First screen: ${kb(first.gzipBytes)} of JavaScript gzipped (budget ${kb(FIRST_SCREEN_BUDGET_BYTES)}): ${first.files.map((f) => f.file).join(', ')}`);
if (first.gzipBytes > FIRST_SCREEN_BUDGET_BYTES) {
  console.error(`The first screen's JavaScript is ${kb(first.gzipBytes)} gzipped, over its budget of ${kb(FIRST_SCREEN_BUDGET_BYTES)}. Load what it does not need with import().`);
  process.exit(1);
}
