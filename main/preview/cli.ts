// `npm run preview -- [--data-dir DIR] [--port N] [--now ISO-TIME] [--decks-dir DIR] [--no-fuzz]`
import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDeckhand } from '../open-app.ts';
import { startPreview } from './server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function fail(message: string): never {
  console.error(`deckhand preview: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'decks-dir': { type: 'string' },
      port: { type: 'string' },
      now: { type: 'string' },
      'no-fuzz': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }));
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  console.log('Usage: npm run preview -- [--data-dir DIR] [--port N] [--now ISO-TIME] [--decks-dir DIR] [--no-fuzz]');
  process.exit(0);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${values.port}"`);
const startAt = values.now === undefined ? undefined : Date.parse(values.now);
if (startAt !== undefined && Number.isNaN(startAt)) fail(`--now must be an ISO time like 2026-01-31T09:00:00, not "${values.now}"`);
const dataDir = path.resolve(values['data-dir'] ?? path.join(os.homedir(), '.deckhand-preview'));

let service;
try {
  service = await openDeckhand({ dataDir, decksDir: path.resolve(values['decks-dir'] ?? path.join(root, 'decks')), startAt, fuzz: !values['no-fuzz'], version: process.env.npm_package_version });
} catch (e) {
  fail((e as Error).message);
}
const preview = await startPreview({ service, rendererDir: path.join(here, 'renderer'), bridgeFile: path.join(here, 'web-bridge.js'), port });
for (const notice of service.getAppInfo().notices) console.error(`deckhand preview: ${notice}`);
console.log(`Preview: ${preview.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await preview.close();
  service.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
