// The hostile corpus through the ways an article comes in: each payload pasted inside an otherwise
// ordinary English article, given as its title and as its author (Edit details), then read, drafted
// and sorted in the inbox. Nothing may run, load, navigate or change the page; the payload must show
// as the text it is. The oversized payloads come too: a megabyte pasted must be read, and drafted
// around, without stalling the app.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { HOSTILE_PAYLOADS } from '../fixtures/hostile-payloads.ts';
import { ReaderPage } from './article-pages.ts';
import { expectNoLiveMarkup, guardPage } from './guards.ts';
import { launchPreview, tempDataDir, tempDir, test } from './harness.ts';

const PARAGRAPHS = readFileSync(path.resolve(import.meta.dirname, '../../decks/china-north-korea/article.txt'), 'utf8').split('\n').filter((p) => p.trim());
/** As the article readers keep a paragraph: control characters dropped, whitespace one space. */
const asShown = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();

test('each hostile payload pasted into an article, titled and credited with it, read, drafted and in the inbox, runs nothing and shows as text', async () => {
  test.setTimeout(300_000);
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir: tempDir('deckhand-nodecks-'), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const guard = await guardPage(page, app.url);
  const reader = new ReaderPage(page);

  for (const [i, payload] of HOSTILE_PAYLOADS.entries()) {
    const where = `${payload.name}:`;
    await page.goto(`${app.url}#/articles`);
    await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
    const text = [PARAGRAPHS[i % PARAGRAPHS.length], payload.text, PARAGRAPHS[(i + 1) % PARAGRAPHS.length]].join('\n\n');
    await page.getByRole('textbox', { name: 'Title' }).fill(payload.text);
    await page.getByRole('textbox', { name: 'Text' }).fill(text);
    await page.getByRole('button', { name: 'Add the text' }).click();

    // Read: the title (the field keeps 300 characters; a deck title 200, with "::" that would nest made ":") and the text.
    await expect(reader.text, where).toBeVisible();
    const title = asShown(payload.text.slice(0, 300)).replace(/::/g, ':').slice(0, 200).trim();
    await expect(page.getByRole('heading', { level: 1 }), where).toHaveText(title);
    const shown = asShown((await reader.text.textContent()) ?? '');
    for (const part of payload.text.split(/\n\s*\n/)) expect(shown, `${where} the article shows the payload as text`).toContain(asShown(part));
    await expectNoLiveMarkup(page, `${where} reader`);

    // Edit details: the payload as the author, shown in the byline.
    const form = await reader.openDetails();
    await form.getByRole('textbox', { name: 'Author' }).fill(payload.text);
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(reader.byline, where).toHaveText(`By ${asShown(payload.text.slice(0, 300))}`);
    await expectNoLiveMarkup(page, `${where} byline`);

    // Draft, then the inbox: every draft and its paragraph in context.
    await page.getByRole('button', { name: 'Draft cards' }).click();
    await expect(page.locator('.draft-status .notice'), where).toBeVisible();
    await expectNoLiveMarkup(page, `${where} drafted`);
    await page.getByRole('link', { name: /^Inbox \(\d+\)$/ }).click();
    await expect(page.getByRole('heading', { level: 1 }), where).toHaveText(`Inbox: ${title}`);
    await expect(page.getByRole('feed', { name: 'Drafts, best first' }).or(page.getByText('No drafts waiting.'))).toBeVisible();
    await expectNoLiveMarkup(page, `${where} inbox`);
  }

  // The library lists every article, each titled and credited with its payload.
  await page.goto(`${app.url}#/articles`);
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(HOSTILE_PAYLOADS.length);
  await expectNoLiveMarkup(page, 'library');
  await guard.assertUntouched();
  await app.close();
});
