// Offline by construction: a whole session through every screen, with every request the page makes
// recorded. Each must go to the preview itself, under its token path; no websocket, no service
// worker, no popup.
import { expect } from '@playwright/test';
import { guardPage } from './guards.ts';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { BrowserPage, EditorPage } from './manage-pages.ts';
import { HomePage, ReviewPage } from './pages.ts';

const DECK = "China's priorities on North Korea";

test('a full session makes no request outside the app', async () => {
  test.setTimeout(60_000);
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00' });
  const { page } = app;
  const guard = await guardPage(page, app.url);
  const origin = new URL(app.url).origin;
  const home = new HomePage(page);

  // Study a few cards, and undo the last answer.
  await home.study(DECK);
  const review = new ReviewPage(page);
  for (let i = 0; i < 4; i++) {
    await expect(review.showAnswer).toBeFocused();
    await page.keyboard.press('Space');
    await expect(review.rating('Good')).toBeVisible();
    await page.keyboard.press(i % 2 ? '3' : '4');
    await expect(review.progress).toHaveAttribute('value', String(i + 1));
  }
  await page.keyboard.press('Control+z');
  await expect(review.progress).toHaveAttribute('value', '3');
  await page.keyboard.press('Escape');

  // The article, and a passage's cards.
  await page.getByRole('link', { name: `Read ${DECK}` }).click();
  await expect(page.getByRole('heading', { name: DECK, level: 1 })).toBeVisible();
  await page.locator('.highlight').first().click();
  await expect(page.getByRole('complementary', { name: 'Cards from the selected passage' }).getByRole('listitem').first()).toBeVisible();

  // Browse, search, and edit a card.
  const browser = new BrowserPage(page);
  await browser.open(app.url);
  await browser.find('Xi Jinping');
  await expect(browser.rows.first()).toBeVisible();
  await browser.rows.first().dblclick();
  const editor = new EditorPage(page);
  await expect(page.getByRole('heading', { name: 'Edit note' })).toBeVisible();
  await editor.field('Extra').fill('Checked while offline.');
  await editor.field('Extra').press('Control+Enter');
  await expect(browser.heading).toBeVisible();

  for (const [route, heading] of [
    ['#/settings', 'Settings'],
    ['#/backups', 'Backups'],
    ['#/help', 'Keyboard shortcuts'],
    ['#/stats', 'Statistics'],
    ['#/import', 'Import and export'],
    ['#/', 'Decks'],
  ] as const) {
    await page.goto(`${app.url}${route}`);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }

  // Every request went to the preview itself: its origin and its token path.
  expect(guard.requests.length).toBeGreaterThan(10);
  for (const url of guard.requests) {
    expect(new URL(url).origin, url).toBe(origin);
    expect(url.startsWith(app.url), url).toBe(true);
  }
  await guard.assertUntouched();
  await app.close();
});
