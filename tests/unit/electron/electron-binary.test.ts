import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executableInDist, findElectronBinary } from '../../electron/electron-binary.ts';
import { tempDir } from '../temp-dir.ts';

// A fake repository with node_modules/electron laid out as the electron package leaves it.
function fakeRepo(options: { pathTxt?: string; binary?: string; version?: string }): string {
  const root = tempDir('deckhand-electron-binary-');
  const pkg = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: options.version ?? '45.5.0' }));
  if (options.pathTxt !== undefined) writeFileSync(path.join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) executable(path.join(pkg, 'dist', options.binary));
  return root;
}

function executable(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
}

describe('findElectronBinary', () => {
  it('finds the binary the electron package downloaded', () => {
    const root = fakeRepo({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary({ repoRoot: root, env: {}, platform: 'linux' })).toEqual({ path: path.join(root, 'node_modules', 'electron', 'dist', 'electron'), reason: null });
  });

  it('explains a download that never ran, naming the version to fetch', () => {
    const root = fakeRepo({});
    const found = findElectronBinary({ repoRoot: root, env: {}, platform: 'linux' });
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/path\.txt is missing/);
    expect(found.reason).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(found.reason).toMatch(/Electron 45\.5\.0/);
  });

  it('explains a path.txt whose binary is gone', () => {
    const root = fakeRepo({ pathTxt: 'electron' });
    expect(findElectronBinary({ repoRoot: root, env: {}, platform: 'linux' }).reason).toMatch(/does not exist or is not executable/);
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, as the electron package does', () => {
    const root = fakeRepo({ pathTxt: 'electron', binary: 'electron' });
    const dist = path.join(root, 'elsewhere');
    executable(path.join(dist, 'electron'));
    expect(findElectronBinary({ repoRoot: root, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' }).path).toBe(path.join(dist, 'electron'));
  });

  it("names the platform's executable in an override folder when path.txt is missing", () => {
    const root = fakeRepo({});
    const dist = path.join(root, 'elsewhere');
    executable(path.join(dist, executableInDist('linux')));
    expect(findElectronBinary({ repoRoot: root, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' }).path).toBe(path.join(dist, 'electron'));
    expect(executableInDist('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(executableInDist('win32')).toBe('electron.exe');
  });

  it('says so when the override folder holds no executable', () => {
    const root = fakeRepo({});
    const found = findElectronBinary({ repoRoot: root, env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'nothing-here') }, platform: 'linux' });
    expect(found).toEqual({ path: null, reason: expect.stringMatching(/ELECTRON_OVERRIDE_DIST_PATH is set, but .* is not an executable file/) });
  });

  it('never throws, whatever this checkout holds', () => {
    // Guards the promise the Electron spec's skip rests on: detection never throws.
    expect(() => findElectronBinary()).not.toThrow();
  });
});
