// The Electron shell's guards in the real app: what the unit tests prove of the pure decisions,
// checked here as wired into main.ts (session, window handlers, IPC). Runs wherever an Electron
// binary is present (see electron-binary.ts); skipped with the reason otherwise.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainScript = path.join(root, 'dist', 'main.cjs');
const binary = findElectronBinary();

test.skip(binary.path === null, binary.reason ?? '');

let dataDir: string;
let app: ElectronApplication;
let page: Page;

test.beforeEach(async () => {
  expect(existsSync(mainScript), `${mainScript} is missing: run \`npm run build\` first`).toBe(true);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-electron-sec-'));
  app = await electron.launch({ executablePath: binary.path!, args: [mainScript, '--data-dir', dataDir], cwd: root });
  page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'Decks', exact: true })).toBeVisible();
});
test.afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// main/ is type-checked without the DOM library; the page's globals are reached through globalThis.
type PageGlobals = { open(url: string): unknown; fetch(url: string): Promise<unknown>; location: { href: string }; Notification: { requestPermission(): Promise<string> } };

test('the page has no Node, no Electron and no raw IPC', async () => {
  expect(await page.evaluate(() => ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron'].filter((name) => name in globalThis))).toEqual([]);
});

test('window.open opens nothing, and a permission request is denied', async () => {
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/'))).toBeNull();
  expect(app.windows()).toHaveLength(1);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).Notification.requestPermission())).toBe('denied');
});

test('no request leaves the app, whatever the page asks for', async () => {
  const outcome = await page.evaluate(async () => {
    try {
      await (globalThis as unknown as PageGlobals).fetch('https://example.com/');
      return 'loaded';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
});

test('the window never navigates away from app://deckhand/', async () => {
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await expect(page.getByRole('heading', { name: 'Decks', exact: true })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/deckhand\//);
});

test('an http(s) link goes to the browser only after the learner confirms; other schemes never', async () => {
  // Stand-ins for the native dialog and the system browser, recording what the shell asks of them.
  await app.evaluate(({ dialog, shell }) => {
    const record = globalThis as unknown as { asked: string[]; opened: string[]; answer: number };
    record.asked = [];
    record.opened = [];
    record.answer = 1;
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args[args.length - 1] as { detail?: string };
      record.asked.push(options.detail ?? '');
      return { response: record.answer, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
    shell.openExternal = async (url: string) => {
      record.opened.push(url);
    };
  });
  const state = () =>
    app.evaluate(() => {
      const record = globalThis as unknown as { asked: string[]; opened: string[] };
      return { asked: record.asked, opened: record.opened };
    });

  await page.evaluate(() => (globalThis as unknown as PageGlobals).open('file:///etc/passwd'));
  await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/cancelled'));
  await expect.poll(state).toEqual({ asked: ['https://example.com/cancelled'], opened: [] });

  await app.evaluate(() => {
    (globalThis as unknown as { answer: number }).answer = 0;
  });
  await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/confirmed'));
  await expect.poll(state).toEqual({ asked: ['https://example.com/cancelled', 'https://example.com/confirmed'], opened: ['https://example.com/confirmed'] });
});
