// A file the system opens with the desktop app (a double-click on an .apkg, "Open with Deckhand" on
// an article) reaches the page as the preload posts it: this posts the same message from the page,
// so the screens' side runs here; which file opens which flow is unit-tested in
// tests/unit/electron/open-files.test.ts, and the preload's side in opened-file-mailbox.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { OPENED_FILE_MESSAGE } from '../../main/contract.ts';
import { BASIC, buildCollection, buildPackage } from '../unit/formats/fixtures/anki-fixtures.ts';
import { ReaderPage } from './article-pages.ts';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage } from './pages.ts';

const PROSE = readFileSync(path.resolve(import.meta.dirname, '../../decks/china-north-korea/article.txt'), 'utf8').split('\n').slice(0, 4).join('\n\n');

async function smallPackage(): Promise<Buffer> {
  const collection = await buildCollection({
    schema: 11,
    crt: Date.UTC(2026, 0, 1) / 1000,
    notetypes: [BASIC],
    decks: [
      { id: 1, name: 'Default' },
      { id: 10, name: 'Opened' },
    ],
    notes: [{ id: 1_700_000_001_000, guid: 'uno', mid: BASIC.id, tags: '', fields: ['uno', 'one'] }],
    cards: [{ id: 1_700_000_001_100, nid: 1_700_000_001_000, did: 10, ord: 0 }],
  });
  return Buffer.from(await buildPackage({ layout: 'collection.anki21', collection, media: [] }));
}

/** What the desktop preload posts when the system opens a file with Deckhand. */
async function systemOpens(page: Page, flow: 'import' | 'article', name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ type, flow, name, data }) => window.postMessage({ type, flow, name, bytes: new Uint8Array(data) }, location.origin),
    { type: OPENED_FILE_MESSAGE, flow, name, data: [...bytes] },
  );
}

test('an Anki package the system opens is imported on the import screen; an article opens in the reader', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  await new HomePage(page).heading.waitFor();

  await systemOpens(page, 'import', 'opened.apkg', await smallPackage());
  await expect(page.getByRole('heading', { name: 'Import and export', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('Imported opened.apkg: 1 card added');

  // Already on the import screen, a second file is imported there too.
  await systemOpens(page, 'import', 'again.apkg', await smallPackage());
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('Imported again.apkg: 0 cards added');

  await systemOpens(page, 'article', 'north-korea.txt', Buffer.from(PROSE));
  const reader = new ReaderPage(page);
  await expect(reader.text).toBeVisible();
  await expect(reader.coverage).toHaveAttribute('aria-valuetext', /^0 of \d+ sentences have cards$/);
  await app.close();
});
