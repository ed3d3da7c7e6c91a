// Managing cards by keyboard through the preview: edit a card found in the browser and study it,
// add a card to a new deck and study it, delete a card and bring it back.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { BrowserPage, EditorPage } from './manage-pages.ts';
import { HomePage, ReviewPage } from './pages.ts';

const decksDir = 'tests/e2e/fixtures/small-decks';
const now = '2026-03-02T09:00:00';

test('an edit in the browser shows in the next review', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now });
  const { page } = app;
  const browser = new BrowserPage(page);
  await new HomePage(page).heading.waitFor();
  await page.keyboard.press('Control+b');
  await browser.heading.waitFor();
  await browser.find('France');
  await expect(browser.rows).toHaveCount(1);
  await expect(browser.list).toBeFocused();
  await page.keyboard.press('Enter');

  const editor = new EditorPage(page);
  await expect(page.getByRole('heading', { name: 'Edit note' })).toBeVisible();
  await expect(editor.field('Front')).toHaveValue('Capital of France?');
  await editor.field('Front').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Which city is the capital of France?');
  await page.keyboard.press('Control+Enter');
  await expect(browser.heading).toBeVisible();
  await expect(browser.rows.first()).toContainText('Which city is the capital of France?');

  await page.goto(`${app.url}#/`);
  await new HomePage(page).study('Capitals');
  const review = new ReviewPage(page);
  await expect(review.showAnswer).toBeFocused();
  await expect(review.question).toHaveText('Which city is the capital of France?');
  await app.close();
});

test('shows an error next to the field it concerns and keeps the text', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now });
  const { page } = app;
  await page.goto(`${app.url}#/add/capitals`);
  const editor = new EditorPage(page);
  await editor.field('Front').fill('Capital of Peru?');
  await page.keyboard.press('Control+Enter');
  await expect(editor.field('Back')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.field('Back')).toHaveAccessibleDescription('Back is empty.');
  await expect(editor.field('Front')).toHaveValue('Capital of Peru?');
  await page.keyboard.press('Escape');
  await app.close();
});

test('adds a card to a new deck and studies it', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now });
  const { page } = app;
  const browser = new BrowserPage(page);
  await browser.open(app.url);
  await page.getByRole('button', { name: 'New deck…' }).click();
  await expect(page.getByLabel(/^Deck title/)).toBeFocused();
  await page.keyboard.type('Spanish words');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Created the deck "Spanish words".' })).toBeVisible();
  await page.getByRole('link', { name: 'Add note' }).click();

  const editor = new EditorPage(page);
  await expect(page.getByRole('heading', { name: 'Add note' })).toBeVisible();
  await expect(editor.choice('Deck').locator('option:checked')).toHaveText('Spanish words');
  await editor.field('Front').fill('el perro');
  await editor.field('Back').fill('the dog');
  await editor.field('Tags').fill('animals');
  await editor.field('Tags').press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Added a card to Spanish words.' })).toBeVisible();
  await expect(editor.field('Front')).toBeFocused();
  await expect(editor.field('Front')).toHaveValue('');

  await page.goto(`${app.url}#/`);
  const home = new HomePage(page);
  await expect(home.counts('Spanish words')).toHaveText(['1', '0', '0']);
  await home.study('Spanish words');
  const review = new ReviewPage(page);
  await expect(review.question).toHaveText('el perro');
  await page.keyboard.press('Space');
  await expect(review.answerSection).toHaveText('the dog');
  await app.close();
});

test('deletes a card after asking, and Undo brings it back', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now });
  const { page } = app;
  const browser = new BrowserPage(page);
  await browser.open(app.url);
  await expect(browser.rows).toHaveCount(3);
  await browser.list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(browser.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(browser.rows.nth(1)).toContainText('Capital of Japan?');
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Confirm delete' });
  await expect(confirm).toContainText('Delete the notes of 1 card');
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 1 note, 1 card.' })).toBeVisible();
  await expect(browser.rows).toHaveCount(2);
  await expect(browser.list).not.toContainText('Capital of Japan?');

  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored 1 note, 1 card.' })).toBeVisible();
  await expect(browser.rows).toHaveCount(3);
  await expect(browser.list).toContainText('Capital of Japan?');
  await app.close();
});

test('selects many with Shift and Ctrl+A and suspends them, by keyboard', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now });
  const { page } = app;
  const browser = new BrowserPage(page);
  await browser.open(app.url);
  await expect(browser.rows).toHaveCount(3);
  await browser.list.focus();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: '2 selected' })).toBeVisible();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('status').filter({ hasText: '3 selected' })).toBeVisible();
  await browser.action(/^Suspend$/).click();
  await expect(page.getByRole('status').filter({ hasText: 'Suspended 3 cards.' })).toBeVisible();
  await page.getByLabel('State').selectOption('suspended');
  await expect(browser.rows).toHaveCount(3);
  await page.goto(`${app.url}#/`);
  await expect(new HomePage(page).counts('Capitals')).toHaveText(['0', '0', '0']);
  await app.close();
});
