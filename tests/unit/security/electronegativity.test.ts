// Electron's own static checks for insecure Electron code, over the source of the main process and
// the renderer (TypeScript as written, so every finding names a file and line of ours; the bundle
// in dist/ would also report on the libraries inside it). Every finding must be explained in the
// reviewed allow-list, and every entry of the list must still match a finding.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const here = path.join(root, 'tests/unit/security');

interface Finding {
  id: string;
  file: string;
  line: number;
  sample?: string;
  description: string;
}
interface Scan {
  checks: number;
  issues: Finding[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
interface Accepted {
  id: string;
  file: string;
  reason: string;
}

const allowList = (JSON.parse(readFileSync(path.join(here, 'electronegativity-allow.json'), 'utf8')) as { accepted: Accepted[] }).accepted;
const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

let scan: Scan;
let staged: string;

beforeAll(async () => {
  // Only our code, laid out as in the repository, so file names in findings read main/electron/main.ts.
  staged = tempDir('deckhand-electronegativity-');
  for (const dir of ['main', 'renderer']) cpSync(path.join(root, dir), path.join(staged, dir), { recursive: true });
  const { stdout } = await promisify(execFile)(process.execPath, ['--require', './offline-typescript4.cjs', 'scan.cjs', staged, electronVersion], {
    cwd: path.join(here, 'electronegativity'),
    maxBuffer: 16 * 1024 * 1024,
  });
  scan = JSON.parse(stdout) as Scan;
}, 60_000);

const key = (f: { id: string; file: string }) => `${f.id} ${f.file}`;

describe('electronegativity over main/ and renderer/', () => {
  it('ran its checks and parsed every file', () => {
    expect(scan.checks).toBeGreaterThan(30);
    expect(scan.errors.filter((e) => !e.tolerable)).toEqual([]);
  });

  it('finds nothing that the reviewed allow-list does not explain', () => {
    const accepted = new Set(allowList.map(key));
    const unexplained = scan.issues.filter((f) => !accepted.has(key(f))).map((f) => `${f.id} at ${f.file}:${f.line}: ${f.description}${f.sample ? ` (${f.sample.trim()})` : ''}`);
    expect(unexplained).toEqual([]);
  });

  it('has no stale allow-list entry: each still matches a finding, and says why it is accepted', () => {
    const found = new Set(scan.issues.map(key));
    expect(allowList.filter((a) => !found.has(key(a))).map(key)).toEqual([]);
    for (const entry of allowList) expect(entry.reason.length, key(entry)).toBeGreaterThan(40);
  });
});
