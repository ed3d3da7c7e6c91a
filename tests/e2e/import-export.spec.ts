// Bringing cards in and taking them out, as a person does it: choose a file (or drop one on the
// window), read the report, study what came in with its picture, and export a deck to a file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { BASIC, buildCollection, buildPackage, CLOZE } from '../unit/formats/fixtures/anki-fixtures.ts';
import { launchPreview, tempDataDir, tempDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

// A real 1×1 PNG, so the browser can decode and show it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function spanishPackage(dir: string): Promise<string> {
  const collection = await buildCollection({
    schema: 11,
    crt: Date.UTC(2026, 0, 1) / 1000,
    notetypes: [BASIC, CLOZE],
    decks: [
      { id: 1, name: 'Default' },
      { id: 10, name: 'Languages::Spanish' },
    ],
    notes: [
      { id: 1_700_000_001_000, guid: 'hola', mid: BASIC.id, tags: 'greeting', fields: ['<b>hola</b> <img src="wave.png">', 'hello'] },
      { id: 1_700_000_002_000, guid: 'madrid', mid: CLOZE.id, tags: '', fields: ['{{c1::Madrid}} is the capital of Spain', ''] },
    ],
    cards: [
      { id: 1_700_000_001_100, nid: 1_700_000_001_000, did: 10, ord: 0 },
      { id: 1_700_000_002_100, nid: 1_700_000_002_000, did: 10, ord: 0 },
    ],
  });
  const file = path.join(dir, 'spanish.apkg');
  writeFileSync(file, await buildPackage({ layout: 'collection.anki21', collection, media: [{ name: 'wave.png', bytes: PNG }] }));
  return file;
}

class TransferPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'Import and export', level: 1 });
  }

  get report() {
    return this.page.getByRole('region', { name: 'Import report' });
  }

  async choose(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose a file to import…' }).click();
    await (await chooser).setFiles(file);
  }

  /** Drops a file on the window, as dragging it from the desktop does. */
  async drop(name: string, bytes: Buffer): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ({ name, data }) => {
        const t = new DataTransfer();
        t.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
        return t;
      },
      { name, data: bytes.toString('base64') },
    );
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  }
}

test('imports an Anki package from the file dialog, reports it, and studies its cards with their picture', async () => {
  const dir = tempDir('deckhand-import-');
  const apkg = await spanishPackage(dir);
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await home.heading.waitFor();
  await page.getByRole('link', { name: 'Import/Export' }).click();
  const transfer = new TransferPage(page);
  await expect(transfer.heading).toBeVisible();

  await transfer.choose(apkg);
  await expect(transfer.report).toContainText('Imported spanish.apkg: 2 cards added, 0 cards updated, 0 items skipped.');
  await expect(transfer.report.getByRole('definition').first()).toHaveText('2 added, 0 updated, 0 unchanged');
  await expect(transfer.report).toContainText('New decksLanguages, Languages::Spanish');
  await expect(transfer.report).toContainText('Media1 file');

  // The same file again changes nothing and duplicates nothing.
  await transfer.choose(apkg);
  await expect(transfer.report).toContainText('Imported spanish.apkg: 0 cards added, 0 cards updated, 0 items skipped.');
  await expect(transfer.report.getByRole('definition').first()).toHaveText('0 added, 0 updated, 2 unchanged');

  await page.getByRole('link', { name: /Decks/ }).click();
  await expect(page.getByRole('button', { name: 'Study Languages::Spanish' })).toBeVisible();
  await home.study('Languages::Spanish');
  const review = new ReviewPage(page);
  await expect(review.question).toContainText('hola');
  const picture = review.question.getByRole('img', { name: 'wave.png' });
  await expect(picture).toBeVisible();
  // Served from the collection's media folder and decoded: a broken image has no natural width.
  expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await page.keyboard.press('Space');
  await expect(review.answerSection).toContainText('hello');
  await page.keyboard.press('3');
  await expect(review.question).toContainText('[…] is the capital of Spain');
  await app.close();
});

test('refuses a damaged file with a message naming it, imports nothing, and keeps working; a dropped file imports', async () => {
  const dir = tempDir('deckhand-import-');
  const apkg = await spanishPackage(dir);
  const broken = path.join(dir, 'broken.apkg');
  writeFileSync(broken, readFileSync(apkg).subarray(0, 700));
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await expect(page.getByRole('button', { name: /^Study / }).first()).toBeVisible();
  const decksBefore = await page.getByRole('button', { name: /^Study / }).count();
  await page.keyboard.press('Control+i');
  const transfer = new TransferPage(page);
  await expect(transfer.heading).toBeVisible();

  await transfer.choose(broken);
  await expect(page.getByRole('alert')).toHaveText(/^broken\.apkg: .+\. Nothing was imported\.$/);
  await page.getByRole('link', { name: /Decks/ }).click();
  await home.heading.waitFor();
  await expect(page.getByRole('button', { name: /^Study / })).toHaveCount(decksBefore);

  // Dropping a file anywhere opens the import screen and imports it.
  await new TransferPage(page).drop('words.csv', Buffer.from('#separator:tab\nperro\tdog\ngato\tcat\n'));
  await expect(transfer.heading).toBeVisible();
  await expect(transfer.report).toContainText('Imported words.csv: 2 cards added');
  await app.close();
});

test('exports a deck as CSV and as an Anki package that imports back', async () => {
  const dir = tempDir('deckhand-export-');
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  await new HomePage(page).heading.waitFor();
  await page.keyboard.press('Control+i');
  const transfer = new TransferPage(page);
  await expect(transfer.heading).toBeVisible();

  await page.getByRole('radio', { name: "CSV (Anki's text format)" }).check();
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: "China's priorities on North Korea" });
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toMatch(/^Chinas priorities on North Korea 2026-03-02\.csv$/);
  const csvPath = path.join(dir, csv.suggestedFilename());
  await csv.saveAs(csvPath);
  const text = readFileSync(csvPath, 'utf8');
  expect(text.startsWith('#separator:tab\n')).toBe(true);
  expect(text).toContain('THAAD');
  await expect(page.getByRole('status')).toContainText('Exported Chinas priorities on North Korea 2026-03-02.csv: 60 notes, 77 cards.');

  await page.getByRole('radio', { name: 'Anki package (.apkg)' }).check();
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  const apkgPath = path.join(dir, 'export.apkg');
  await (await download).saveAs(apkgPath);
  expect(readFileSync(apkgPath).subarray(0, 2).toString('latin1')).toBe('PK');

  // Into another collection, through the same screen.
  const other = await launchPreview({ dataDir: tempDataDir(), decksDir: tempDir('deckhand-nodecks-'), now: '2026-03-02T09:00:00', fuzz: false });
  await expect(other.page.getByText(/No decks yet/)).toBeVisible();
  await other.page.keyboard.press('Control+i');
  const otherTransfer = new TransferPage(other.page);
  await expect(otherTransfer.heading).toBeVisible();
  await otherTransfer.choose(apkgPath);
  await expect(otherTransfer.report).toContainText('77 cards added');
  await other.close();
  await app.close();
});

test('imports an Obsidian vault folder with its own plugin settings, and again without copies', async () => {
  const vault = path.join(tempDir('deckhand-vault-'), 'Biology vault');
  mkdirSync(path.join(vault, '.obsidian/plugins/obsidian-spaced-repetition'), { recursive: true });
  mkdirSync(path.join(vault, 'cells'), { recursive: true });
  // This vault marks its flashcards with #cards and writes single-line cards with ";;".
  writeFileSync(path.join(vault, '.obsidian/plugins/obsidian-spaced-repetition/data.json'), JSON.stringify({ settings: { flashcardTags: ['#cards'], singleLineCardSeparator: ';;' } }));
  writeFileSync(path.join(vault, 'cells/mitochondria.md'), '#cards/biology\n\nPowerhouse of the cell;;The mitochondrion\nThe ==nucleus== holds the DNA\n');
  writeFileSync(path.join(vault, 'diary.md'), '#flashcards\n\nNot a card here;;because this vault uses #cards\n');
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  await new HomePage(page).heading.waitFor();
  await page.keyboard.press('Control+i');
  const transfer = new TransferPage(page);
  await expect(transfer.heading).toBeVisible();
  for (const expected of ['2 added, 0 updated, 0 unchanged', '0 added, 0 updated, 2 unchanged']) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a folder of notes…' }).click();
    await (await chooser).setFiles(vault);
    await expect(transfer.report).toContainText('Imported Biology vault');
    await expect(transfer.report.getByRole('definition').first()).toHaveText(expected);
  }
  await page.getByRole('link', { name: /Decks/ }).click();
  await page.getByRole('button', { name: 'Study biology', exact: true }).click();
  const review = new ReviewPage(page);
  await expect(review.question).toContainText(/Powerhouse of the cell|The \[…\] holds the DNA/);
  await app.close();
});
