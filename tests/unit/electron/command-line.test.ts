import { describe, expect, it } from 'vitest';
import { dataDirFromArgv } from '../../../main/electron/command-line.ts';

describe('dataDirFromArgv', () => {
  it('reads --data-dir DIR and --data-dir=DIR', () => {
    expect(dataDirFromArgv(['/opt/electron', 'dist/main.cjs', '--data-dir', '/tmp/d'])).toBe('/tmp/d');
    expect(dataDirFromArgv(['/opt/Deckhand', '--data-dir=/tmp/e'])).toBe('/tmp/e');
  });

  it('finds it among the switches Electron, Chromium and Playwright add', () => {
    expect(dataDirFromArgv(['/opt/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/main.cjs', '--no-sandbox', '--data-dir', 'rel/dir'])).toBe('rel/dir');
  });

  it('is null without the switch, so the app uses its user data folder', () => {
    expect(dataDirFromArgv(['/opt/Deckhand'])).toBeNull();
  });

  it('refuses the switch without a folder, saying what it wants', () => {
    expect(() => dataDirFromArgv(['/opt/Deckhand', '--data-dir'])).toThrow(/--data-dir needs a folder/);
    expect(() => dataDirFromArgv(['/opt/Deckhand', '--data-dir', '--other'])).toThrow(/--data-dir needs a folder/);
    expect(() => dataDirFromArgv(['/opt/Deckhand', '--data-dir='])).toThrow(/--data-dir needs a folder/);
  });
});
