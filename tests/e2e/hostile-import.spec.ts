// The hostile corpus again, brought in through each importer: an Anki package (whose fields are HTML,
// the riskiest way in), CSV, Markdown and a hand-written deck.json. Nothing may run, load, navigate
// or change the page; Markdown text stays readable; oversized notes are left out with a reason.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { BATCH_LIMIT, clozeOf, FITTING_PAYLOADS, HOSTILE_PAYLOADS, joinPayloads, payloadBatches, writeHostileFixtures } from '../fixtures/hostile-payloads.ts';
import { BASIC, buildCollection, buildPackage, CLOZE } from '../unit/formats/fixtures/anki-fixtures.ts';
import { expectNoLiveMarkup, guardPage, studyAll } from './guards.ts';
import { launchPreview, tempDataDir, tempDir, test } from './harness.ts';

const READABLE = ['<script>window.__pwned="script-tag";alert("xss-script")</script>', '<img src=x onerror="window.__pwned=\'img-onerror\';alert(1)">'];
const batches = payloadBatches(FITTING_PAYLOADS, BATCH_LIMIT);
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

async function hostilePackage(dir: string): Promise<string> {
  const notes = batches.flatMap((batch, i) => [
    { id: 1_700_000_000_000 + i * 10, guid: `basic-${i}`, mid: BASIC.id, tags: batch.map((p) => p.name).join(' '), fields: [joinPayloads(batch), joinPayloads(batch)] },
    { id: 1_700_000_000_001 + i * 10, guid: `cloze-${i}`, mid: CLOZE.id, tags: '', fields: [clozeOf(batch), joinPayloads(batch)] },
  ]);
  const collection = await buildCollection({
    schema: 11,
    notetypes: [BASIC, CLOZE],
    decks: [{ id: 1, name: 'Default' }, { id: 2, name: 'Hostile apkg' }, ...FITTING_PAYLOADS.slice(0, 12).map((p, i) => ({ id: 100 + i, name: `Hostile apkg::${oneLine(p.text).slice(0, 150)}`, description: p.text }))],
    notes,
    cards: notes.map((n) => ({ id: n.id * 10, nid: n.id, did: 2, ord: 0 })),
  });
  const file = path.join(dir, 'hostile.apkg');
  const traversal = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  writeFileSync(file, await buildPackage({ layout: 'collection.anki21', collection, media: [{ name: '../../escape.png', bytes: traversal }, { name: 'page.png', bytes: new TextEncoder().encode('<script>window.__pwned=1</script>') }] }));
  return file;
}

function hostileCsv(dir: string): string {
  const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const file = path.join(dir, 'hostile batches.csv');
  writeFileSync(file, ['#separator:comma', '#html:false', '#tags column:4', ...batches.map((b) => [joinPayloads(b), joinPayloads(b), joinPayloads(b), b.map((p) => p.name).join(' ')].map(cell).join(','))].join('\n'));
  return file;
}

function hostileMarkdown(dir: string): string {
  const file = path.join(dir, 'hostile notes.md');
  const cards = batches.map((b, i) => `Batch ${i}: ${oneLine(joinPayloads(b))}\n?\n${joinPayloads(b).replace(/\n\n/g, '\n')}`);
  writeFileSync(file, `#flashcards/hostile-md\n\n${cards.join('\n\n')}\n`);
  return file;
}

async function importThrough(page: Page, appUrl: string, file: string): Promise<void> {
  await page.goto(`${appUrl}#/import`);
  await expect(page.getByRole('heading', { name: 'Import and export', level: 1 })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText(`Imported ${path.basename(file)}`);
  await expectNoLiveMarkup(page, `report of ${path.basename(file)}`);
}

test('the hostile corpus through every importer runs nothing, and oversized notes are left out by name', async () => {
  test.setTimeout(180_000);
  const dir = tempDir('deckhand-hostile-import-');
  const shared = writeHostileFixtures(path.join(dir, 'shared'));
  const files = { apkg: await hostilePackage(dir), csv: hostileCsv(dir), markdown: hostileMarkdown(dir) };
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir: tempDir('deckhand-nodecks-'), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const guard = await guardPage(page, app.url);
  await expect(page.getByRole('heading', { name: 'Decks', level: 1 })).toBeVisible();

  await importThrough(page, app.url, files.apkg);
  const report = page.getByRole('region', { name: 'Import report' });
  await report.getByText(/^Skipped:/).click();
  await expect(report).toContainText("media '../../escape.png': its name contains a folder path");
  await expect(report).toContainText('media "page.png": its content is not an image or audio file of a known type');
  await importThrough(page, app.url, files.csv);
  await importThrough(page, app.url, files.markdown);
  await importThrough(page, app.url, shared.deckJson);
  // One payload a row, the two oversized ones included: those are left out, each by name.
  await importThrough(page, app.url, shared.csv);
  const sharedReport = page.getByRole('region', { name: 'Import report' });
  // Its header line is a note too (Anki's text format has none), and one payload is the whole of a
  // batch row imported before, so that note is updated rather than added.
  await expect(sharedReport.getByRole('definition').first()).toHaveText(`${HOSTILE_PAYLOADS.length - 2} added, 1 updated, 0 unchanged`);
  await sharedReport.getByText(/^Skipped: 2 items/).click();
  await expect(sharedReport.getByRole('listitem').filter({ hasText: 'characters long; notes over 100,000 are not imported' })).toHaveCount(2);

  // Home lists every deck, the ones titled with payloads among them.
  await page.goto(`${app.url}#/`);
  await expect(page.getByRole('button', { name: 'Study Hostile apkg', exact: true })).toBeVisible();
  await expectNoLiveMarkup(page, 'Home after the imports');

  const fromApkg = await studyAll(page, 'Hostile apkg');
  expect(fromApkg.length).toBe(batches.length * 2);
  // HTML fields are sanitised, not escaped: the markup is gone, its visible text stays.
  expect(fromApkg.join('\n')).toContain('hover');
  const fromCsv = await studyAll(page, 'hostile batches');
  const fromMarkdown = await studyAll(page, 'hostile-md');
  const fromDeckJson = await studyAll(page, 'Hostile corpus');
  for (const [name, seen] of [['CSV', fromCsv], ['Markdown', fromMarkdown], ['deck.json', fromDeckJson]] as const) {
    expect(seen.length, name).toBeGreaterThanOrEqual(batches.length);
    for (const text of READABLE) expect(seen.join('\n'), `${name} shows the payload as text`).toContain(text);
  }

  await page.goto(`${app.url}#/browse`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoLiveMarkup(page, 'Browse after the imports');
  await guard.assertUntouched();
  await app.close();
});
