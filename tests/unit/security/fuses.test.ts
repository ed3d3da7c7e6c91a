// The Electron fuses of the packaged app, as electron-builder.yml sets them. Read with a targeted
// parse of the one flat block rather than a YAML library: the project has none as a dependency, and
// the block is a list of `key: true|false` lines whose shape this test also pins down.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function electronFuses(yaml: string): Record<string, boolean> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*(#.*)?$/.test(l));
  if (start < 0) throw new Error('electron-builder.yml: no top-level "electronFuses:" block');
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const m = /^\s+(\w+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!m) throw new Error(`electron-builder.yml: cannot read the fuse line "${line.trim()}"`);
    fuses[m[1]!] = m[2] === 'true';
  }
  return fuses;
}

describe('the packaged app’s Electron fuses', () => {
  const yaml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const fuses = electronFuses(yaml);

  it.each([
    ['runAsNode', false, 'ELECTRON_RUN_AS_NODE cannot turn the app into a Node interpreter'],
    ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS cannot inject code'],
    ['enableNodeCliInspectArguments', false, '--inspect cannot attach a debugger'],
    ['enableCookieEncryption', true, 'cookies are encrypted at rest'],
    ['enableEmbeddedAsarIntegrityValidation', true, 'a modified app.asar is refused'],
    ['onlyLoadAppFromAsar', true, 'code outside app.asar is never loaded'],
    ['grantFileProtocolExtraPrivileges', false, 'file:// gets no extra privileges (we serve from app://)'],
  ])('%s is %s: %s', (name, value) => {
    expect(fuses[name]).toBe(value);
  });

  it('packs the app into an asar archive, which the integrity and asar-only fuses rely on', () => {
    expect(yaml).toMatch(/^asar:\s*true\s*$/m);
  });

  it('reads the block it claims to (a fuse line it cannot parse is an error, not a skip)', () => {
    expect(() => electronFuses('electronFuses:\n  runAsNode: maybe\n')).toThrow('cannot read the fuse line "runAsNode: maybe"');
    expect(electronFuses('a: 1\nelectronFuses:\n  # note\n  runAsNode: false\nlinux:\n  x: true\n')).toEqual({ runAsNode: false });
  });
});
