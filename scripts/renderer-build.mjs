// The renderer's build: minified ES modules, split so the screens loaded on first use
// (Statistics, Import and export, the editor, the reader) are chunks of their own, and the budget
// of the first screen's JavaScript, checked on every build.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The most JavaScript, gzipped, the first screen may load before it shows. */
export const FIRST_SCREEN_BUDGET_BYTES = 100 * 1024;

export async function buildRenderer(outdir, { sourcemap = true } = {}) {
  const result = await build({
    entryPoints: { app: 'renderer/main.tsx' },
    outdir,
    bundle: true,
    sourcemap,
    minify: true,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    target: 'es2023',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // KaTeX's fonts: only woff2 ships (every engine Deckhand runs in reads it).
    loader: { '.woff2': 'file', '.woff': 'empty', '.ttf': 'empty' },
  });
  return { metafile: result.metafile, firstScreen: firstScreenScripts(result.metafile, outdir) };
}

/**
 * The scripts the first screen loads: the entry and every chunk it imports statically, with their
 * gzipped sizes. Chunks reached only by `import()` wait until their screen opens.
 */
export function firstScreenScripts(metafile, outdir) {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'renderer/main.tsx' && file.endsWith('.js'));
  if (!entry) throw new Error('The renderer build has no app.js.');
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  const files = [...seen].map((file) => ({ file: path.relative(outdir, file), gzipBytes: gzipSync(readFileSync(file), { level: 9 }).length, inputs: Object.entries(outputs[file].inputs).filter(([, i]) => i.bytesInOutput > 0).map(([name]) => name) }));
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
