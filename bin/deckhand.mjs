#!/usr/bin/env node
// `npx deckhand …`: runs the bundled CLI, building it first on a fresh checkout.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('deckhand: the CLI could not be built (npm run build)');
    process.exit(2);
  }
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
