// Studying what you read, as a person does it: add an article from a text file, read it, make a cloze
// from words selected in a sentence, have cards drafted, sort the inbox by keyboard, and meet an
// accepted card in study with the sentence it came from.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { InboxPage, LibraryPage, ReaderPage } from './article-pages.ts';
import { launchPreview, tempDataDir, tempDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

// The first four paragraphs of the article the project ships with (about 400 words of real English prose).
const PROSE = readFileSync(path.resolve(import.meta.dirname, '../../decks/china-north-korea/article.txt'), 'utf8').split('\n').slice(0, 4).join('\n\n');
const SENTENCE = 'Many experts are cynical about Chinese cooperation on North Korea.';

test('adds an article from a file, makes a cloze while reading, sorts drafts in the inbox, and studies an accepted card with its sentence', async () => {
  const file = path.join(tempDir('deckhand-article-'), 'china-and-north-korea.txt');
  writeFileSync(file, PROSE);
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await home.heading.waitFor();
  await page.getByRole('link', { name: 'Articles', exact: true }).focus();
  await page.keyboard.press('Enter');
  const library = new LibraryPage(page);
  await expect(library.heading).toBeVisible();

  // Adding opens the article.
  await library.choose(file);
  // The library shows the new article's meter too, for the moment before the article opens.
  await expect(library.heading).toBeHidden();
  const reader = new ReaderPage(page);
  // The library's own articles have coverage meters too: the reader's text says the article opened.
  await expect(reader.text).toBeVisible();
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
  expect(title).not.toBe('Articles');
  await expect(reader.coverage).toHaveAttribute('aria-valuetext', /^0 of \d+ sentences have cards$/);
  const sentences = Number(await reader.coverage.getAttribute('aria-valuemax'));
  expect(sentences).toBeGreaterThanOrEqual(8);

  // Select a word in a sentence and press C: the editor opens on a cloze of it, quoting the sentence.
  await reader.selectWords('cynical');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { name: 'Add note', level: 1 })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'From the article' })).toContainText(SENTENCE);
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('cloze');
  const text = page.getByRole('textbox', { name: 'Text' });
  await expect(text).toHaveValue('Many experts are {{c1::cynical}} about Chinese cooperation on North Korea.');
  await expect(text).toBeFocused();
  await page.keyboard.press('Control+Enter');

  // Back in the article, the sentence is highlighted and the coverage went up.
  await expect(reader.coverage).toHaveAttribute('aria-valuetext', `1 of ${sentences} sentences has cards`);
  await expect(reader.highlight(SENTENCE)).toBeVisible();

  // Draft cards for the whole article, then sort them in the inbox.
  await page.getByRole('button', { name: 'Draft cards' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Drafted \d+ cards? from/ })).toBeVisible();
  await page.getByRole('link', { name: /^Inbox \(\d+\)$/ }).focus();
  await page.keyboard.press('Enter');
  const inbox = new InboxPage(page);
  await expect(inbox.drafts).toBeVisible();
  const waiting = await inbox.drafts.getByRole('article').count();
  expect(waiting).toBeGreaterThanOrEqual(3);
  await inbox.focusFirst();

  const accepted: string[] = [];
  accepted.push(await inbox.focusedQuote());
  await page.keyboard.press('a');
  await expect(inbox.status).toHaveText('Accepted 1 draft: 1 note, 1 card.');
  await expect(inbox.drafts.getByRole('article')).toHaveCount(waiting - 1);
  await expect(inbox.focused).toHaveCount(1);
  accepted.push(await inbox.focusedQuote());
  await page.keyboard.press('A');
  await expect(inbox.drafts.getByRole('article')).toHaveCount(waiting - 2);
  await expect(inbox.focused).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('x');
  await expect(inbox.status).toHaveText('Rejected 1 draft.');
  await expect(inbox.drafts.getByRole('article')).toHaveCount(waiting - 3);

  // The article counts the accepted cards' sentences too.
  await page.getByRole('link', { name: 'Back to the article' }).click();
  expect(await reader.quoted()).toBeGreaterThanOrEqual(2);

  // Study the deck: the cloze made by hand comes first, then the accepted drafts, each with its sentence.
  await page.getByRole('button', { name: 'Study this deck' }).click();
  const review = new ReviewPage(page);
  const quote = page.getByRole('figure', { name: /^From the article/ });
  await review.showAnswer.waitFor();
  await page.keyboard.press('Space');
  await expect(quote).toContainText(SENTENCE);
  let met = false;
  for (let i = 0; i < 3 && !met; i++) {
    await page.keyboard.press('3');
    await review.showAnswer.waitFor();
    await page.keyboard.press('Space');
    await expect(quote).toBeVisible();
    const shown = (await quote.locator('blockquote').textContent())!;
    met = accepted.includes(shown);
  }
  expect(met).toBe(true);
  await app.close();
});

test('edits an article\'s title, author and date after adding it; a bad date or a taken title is shown under its field', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  await page.goto(`${app.url}#/articles`);
  const library = new LibraryPage(page);
  await expect(library.heading).toBeVisible();
  await page.getByRole('textbox', { name: 'Text' }).fill(PROSE);
  await page.getByRole('button', { name: 'Add the text' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.text).toBeVisible();

  let form = await reader.openDetails();
  const field = (name: string) => form.getByRole('textbox', { name });
  await field('Title').fill('China and North Korea');
  await field('Author').fill('Taisuke Mibae');
  await field('Date').fill('2018-02-30');
  await page.keyboard.press('Enter');
  await expect(field('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(field('Date')).toHaveAccessibleDescription(/"date": 2018-02-30 is not a day of the calendar/);
  await field('Date').fill('2018-10-30');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'China and North Korea', level: 1 })).toBeVisible();
  await expect(reader.byline).toHaveText(/^By Taisuke Mibae · .*30.*2018$/);
  await expect(page.getByRole('button', { name: /^Edit details/ })).toBeFocused();

  // A title another deck has is refused under the field, and nothing changes.
  form = await reader.openDetails();
  await field('Title').fill("China's priorities on North Korea");
  await page.keyboard.press('Enter');
  await expect(field('Title')).toHaveAccessibleDescription(`"title": a deck called "China's priorities on North Korea" already exists.`);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await page.getByRole('link', { name: 'All articles' }).click();
  await expect(library.article('China and North Korea')).toContainText(/By Taisuke Mibae · .*30.*2018/);
  await app.close();
});

test('makes a cloze without a mouse: Tab to the text, arrow keys to a sentence and its words, C, save, and the coverage rises', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  await page.goto(`${app.url}#/articles`);
  await expect(new LibraryPage(page).heading).toBeVisible();
  await page.getByRole('textbox', { name: 'Title' }).fill('China and North Korea');
  await page.getByRole('textbox', { name: 'Text' }).fill(PROSE);
  await page.getByRole('button', { name: 'Add the text' }).focus();
  await page.keyboard.press('Enter');
  const reader = new ReaderPage(page);
  await expect(reader.text).toBeVisible();
  await expect(reader.coverage).toHaveAttribute('aria-valuetext', /^0 of \d+ sentences have cards$/);
  const sentences = Number(await reader.coverage.getAttribute('aria-valuemax'));
  await expect(reader.text).toHaveAccessibleDescription(/Up and Down move between sentences/);

  // Tab reaches the text; Down walks the sentences, each announced, to the one wanted.
  await reader.tabToText();
  await expect(reader.announced).toHaveText(/^Sentence 1 of \d+: /);
  for (let i = 0; i < 40 && !(await reader.announced.textContent())!.endsWith(SENTENCE); i++) await page.keyboard.press('ArrowDown');
  await expect(reader.announced).toHaveText(new RegExp(`^Sentence \\d+ of \\d+: ${SENTENCE}$`));

  // Right selects a word at a time; Shift+Right adds one, Shift+Left drops it; Escape clears.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(reader.selectionBar).toContainText('“cynical”');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(reader.selectionBar).toContainText('“cynical about Chinese”');
  await expect(reader.announced).toHaveText(/^Selected “cynical about Chinese” in sentence \d+ of \d+\.$/);
  expect(await page.evaluate(() => document.getSelection()!.toString())).toBe('cynical about Chinese');
  await page.keyboard.press('Escape');
  await expect(reader.selectionBar.getByRole('button')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(reader.announced).toHaveText(/^Selected “cynical” in/);

  // C opens the editor on a cloze of the words, quoting the sentence; saving returns to the article.
  await page.keyboard.press('c');
  await expect(page.getByRole('figure', { name: 'From the article' })).toContainText(SENTENCE);
  await expect(page.getByRole('textbox', { name: 'Text' })).toHaveValue('Many experts are {{c1::cynical}} about Chinese cooperation on North Korea.');
  await page.keyboard.press('Control+Enter');
  await expect(reader.coverage).toHaveAttribute('aria-valuetext', `1 of ${sentences} sentences has cards`);
  await expect(reader.highlight(SENTENCE)).toBeVisible();
  await app.close();
});
