// Every payload of the hostile corpus, in every field of every note type, through the two ways a
// person brings content in here: a shipped deck and the editor. Nothing may run, load, navigate or
// change the page; the text must stay readable.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { FITTING_PAYLOADS, OVERSIZED_PAYLOADS, BATCH_LIMIT, clozeOf, joinPayloads, payloadBatches, writeHostileDecks } from '../fixtures/hostile-payloads.ts';
import { expectNoLiveMarkup, guardPage, studyAll } from './guards.ts';
import { launchPreview, tempDataDir, tempDir, test } from './harness.ts';
import { BrowserPage, EditorPage } from './manage-pages.ts';
import { HomePage } from './pages.ts';

// Payloads that Markdown with raw HTML off shows exactly as written, so a reader can see them.
const READABLE = ['<script>window.__pwned="script-tag";alert("xss-script")</script>', '<img src=x onerror="window.__pwned=\'img-onerror\';alert(1)">', '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>'];

test('a hostile corpus in every field, shipped and typed in, runs nothing and stays readable', async () => {
  test.setTimeout(120_000);
  const decksDir = tempDir('deckhand-hostile-decks-');
  writeHostileDecks(decksDir);
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const guard = await guardPage(page, app.url);
  const home = new HomePage(page);

  // Home: a deck per payload as its title and description; the oversized deck refused by name.
  await home.heading.waitFor();
  await expect(page.getByRole('region', { name: 'Problems found' })).toContainText('hostile-oversized/deck.json: card "huge-1mb": "front" is longer than 4000 characters');
  for (const text of READABLE) await expect(page.getByRole('heading', { name: text, exact: true })).toBeVisible();
  await expectNoLiveMarkup(page, 'Home');

  // The editor: each batch of payloads typed into every field of a basic and a cloze note.
  const editor = new EditorPage(page);
  const editorDeck = 'title-0';
  await page.goto(`${app.url}#/add/${editorDeck}`);
  await expect(page.getByRole('heading', { name: 'Add note' })).toBeVisible();
  for (const batch of payloadBatches(FITTING_PAYLOADS, BATCH_LIMIT)) {
    const text = joinPayloads(batch);
    await editor.choice('Type').selectOption('basic');
    await editor.field('Front').fill(text);
    await editor.field('Back').fill(text);
    await editor.field('Extra').fill(text);
    const tags = batch.flatMap((p) => p.text.split(/[\s,]+/)).filter((t) => t.length > 0 && t.length <= 64).slice(0, 32);
    await editor.field('Tags').fill(tags.join(' '));
    await editor.field('Tags').press('Control+Enter');
    // A saved note empties the form for the next one.
    await expect(editor.field('Front')).toHaveValue('');
    await expectNoLiveMarkup(page, 'editor after a basic note');
    await editor.choice('Type').selectOption('cloze');
    await editor.field('Text').fill(clozeOf(batch));
    await editor.field('Extra').fill(text);
    await editor.field('Extra').press('Control+Enter');
    await expect(editor.field('Text')).toHaveValue('');
  }
  // Too large for any field: the field keeps the first 4000 characters, as many as the service
  // accepts, and the page stays responsive.
  await editor.choice('Type').selectOption('basic');
  for (const payload of OVERSIZED_PAYLOADS) {
    await editor.field('Front').fill(payload.text);
    await expect(editor.field('Front')).toHaveValue(payload.text.slice(0, 4000));
  }
  await editor.field('Front').fill('');

  // Study: every card's question and answer, rendered as Markdown.
  const shipped = await studyAll(page, 'Hostile corpus');
  // A basic, a reversed and a cloze card a batch; a reversed note's other side waits for tomorrow
  // (siblings never share a day) and shows the same fields the other way round.
  expect(shipped.length).toBe(payloadBatches(FITTING_PAYLOADS, BATCH_LIMIT).length * 3);
  const typed = await studyAll(page, READABLE[0]!);
  expect(typed.length).toBe(1 + payloadBatches(FITTING_PAYLOADS, BATCH_LIMIT).length * 2);
  for (const text of READABLE) {
    expect(shipped.join('\n')).toContain(text);
    expect(typed.join('\n')).toContain(text);
  }

  // The article: the quoted passages, and the cards of one.
  await page.goto(`${app.url}#/article/hostile-corpus`);
  await expect(page.getByRole('heading', { name: 'Hostile corpus', level: 1 })).toBeVisible();
  const passage = page.getByRole('button', { name: /^<script>window\.__pwned="script-tag"/ }).first();
  await expect(passage).toBeVisible();
  await passage.click();
  await expect(page.getByRole('complementary', { name: 'Cards from the selected passage' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Cards from the selected passage' })).toContainText(READABLE[0]!);
  await expectNoLiveMarkup(page, 'Article');

  // Browse: the rows, and a hostile note opened in the editor.
  const browser = new BrowserPage(page);
  await browser.open(app.url);
  await browser.find('xss-script');
  // The row is the question cut to one line of plain text, Markdown marks left out.
  await expect(browser.rows.first()).toContainText('alert("xss-script")');
  await expectNoLiveMarkup(page, 'Browse');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit note' })).toBeVisible();
  await expect(editor.field('Extra')).toHaveValue(/xss-script/);
  await expectNoLiveMarkup(page, 'Edit note');

  for (const route of ['#/settings', '#/backups', '#/help', '#/']) {
    await page.goto(`${app.url}${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoLiveMarkup(page, route);
  }

  await guard.assertUntouched();
  await app.close();
});
