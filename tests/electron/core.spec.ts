// The core scenario through the real Electron app: the shell, the preload, the app:// protocol and
// the IPC handlers that the preview harness in tests/e2e/ replaces with its web bridge.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_METHODS, type DeckhandApi } from '../../main/contract.ts';
import { findElectronBinary } from './electron-binary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainScript = path.join(root, 'dist', 'main.cjs');
const binary = findElectronBinary();

test.skip(binary.path === null, binary.reason ?? '');

let dataDir: string;
test.beforeEach(() => {
  expect(existsSync(mainScript), `${mainScript} is missing: run \`npm run build\` first`).toBe(true);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-electron-'));
});
test.afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function launch(...files: string[]): Promise<{ app: ElectronApplication; page: Page }> {
  // The executable is always given: without it Playwright requires the electron package, which
  // would try to download the binary.
  const app = await electron.launch({ executablePath: binary.path!, args: [mainScript, '--data-dir', dataDir, ...files], cwd: root });
  const page = await app.firstWindow();
  return { app, page };
}

// main/ is type-checked without the DOM library, so the page's global is reached through globalThis.
const exposedMethods = (page: Page) => page.evaluate(() => Object.keys((globalThis as unknown as { deckhand: object }).deckhand).sort());

/** Answers given today across every deck, asked through the same window.deckhand the UI uses. */
const studiedToday = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { deckhand: DeckhandApi }).deckhand;
    const decks = await api.listDecks({});
    if (!decks.ok) throw new Error(decks.error.message);
    let total = 0;
    for (const deck of decks.value) {
      const state = await api.nextCard({ deckId: deck.id });
      if (!state.ok) throw new Error(state.error.message);
      total += state.value.studiedToday;
    }
    return total;
  });

test('studies a card by keyboard, quits, and finds the answer kept on reopening', async () => {
  let { app, page } = await launch();
  try {
    await expect(page.getByRole('heading', { name: 'Decks', exact: true })).toBeVisible();
    await expect(page).toHaveURL(/^app:\/\/deckhand\/index\.html(#.*)?$/);

    // The page sees the contract's methods and nothing of Node or Electron.
    expect(await exposedMethods(page)).toEqual([...API_METHODS].sort());
    expect(await page.evaluate(() => ['require', 'process', 'ipcRenderer', 'electron'].filter((name) => name in globalThis))).toEqual([]);
    expect(await studiedToday(page)).toBe(0);

    await page.getByRole('button', { name: /^Study / }).first().click();
    await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
    await page.keyboard.press('Space');
    for (const rating of ['Again', 'Hard', 'Good', 'Easy']) await expect(page.getByRole('button', { name: new RegExp(`^${rating}`) })).toBeVisible();
    await page.keyboard.press('3');
    await expect(page.getByRole('button', { name: /^Good/ })).toBeHidden();
    await expect.poll(() => studiedToday(page)).toBe(1);
  } finally {
    await app.close();
  }

  ({ app, page } = await launch());
  try {
    await expect(page.getByRole('heading', { name: 'Decks', exact: true })).toBeVisible();
    expect(await studiedToday(page)).toBe(1);
  } finally {
    await app.close();
  }
});

test('a text file on the command line ("Open with Deckhand") opens as an article in the reader', async () => {
  const file = path.join(dataDir, 'north-korea.txt');
  writeFileSync(file, readFileSync(path.join(root, 'decks/china-north-korea/article.txt'), 'utf8').split('\n').slice(0, 4).join('\n\n'));
  const { app, page } = await launch(file);
  try {
    await expect(page.getByRole('meter', { name: /sentences? (has|have) cards/ })).toHaveAttribute('aria-valuetext', /^0 of \d+ sentences have cards$/);
    await expect(page).toHaveURL(/#\/article\//);
  } finally {
    await app.close();
  }
});
