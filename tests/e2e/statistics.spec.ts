// After studying, the Statistics screen shows the day's reviews in the calendar, and what its
// forecast promises is what the decks screen says on those days.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage, ReviewPage, StatsPage } from './pages.ts';

const DECK = "China's priorities on North Korea";

test("shows today's reviews in the calendar, and forecasts the due counts of the days ahead", async () => {
  const dataDir = tempDataDir();
  const app = await launchPreview({ dataDir, now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await home.study(DECK);
  const review = new ReviewPage(page);
  // Easy graduates a new card for days; Good and Hard keep it in learning.
  const keys = ['4', '4', '3', '4', '2', '4'];
  for (const key of keys) {
    await expect(review.showAnswer).toBeFocused();
    const front = await review.question.textContent();
    await page.keyboard.press('Space');
    await expect(review.rating('Good')).toBeFocused();
    await page.keyboard.press(key);
    await expect(review.question).not.toHaveText(front!);
  }
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: `Stats for ${DECK}` }).click();

  const stats = new StatsPage(page);
  await expect(page.getByRole('heading', { name: `Statistics: ${DECK}`, level: 1 })).toBeVisible();
  await expect(stats.day(`${keys.length} reviews on 2 March 2026`)).toBeVisible();
  // From today's day, the arrow keys move to the day before.
  await stats.day(`${keys.length} reviews on 2 March 2026`).focus();
  await page.keyboard.press('ArrowUp');
  await expect(stats.day('0 reviews on 1 March 2026')).toBeFocused();

  const next7 = await stats.forecast('Next 7 days');
  const next30 = await stats.forecast('Next 30 days');
  expect(next30).toBeGreaterThan(next7);
  await app.close();

  // Nothing is studied in between, so everything the forecast puts in the next 7 (30) days is due
  // on the 7th (30th) day, in learning or for review.
  for (const [day, expected] of [['2026-03-08T09:00:00', next7], ['2026-03-31T09:00:00', next30]] as const) {
    const later = await launchPreview({ dataDir, now: day, fuzz: false });
    const counts = new HomePage(later.page).counts(DECK);
    await expect(counts).toHaveText([/^\d+$/, /^\d+$/, /^\d+$/]);
    const [, learning, due] = (await counts.allTextContents()).map(Number);
    expect({ day, due: learning! + due! }).toEqual({ day, due: expected });
    await later.close();
  }
});

test('a fresh collection shows an empty year and no memory yet', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  await page.getByRole('link', { name: 'Statistics', exact: true }).click();
  const stats = new StatsPage(page);
  await expect(stats.day('0 reviews on 2 March 2026')).toBeVisible();
  await expect(page.getByText('No card has been answered yet')).toBeVisible();
  expect(await stats.forecast('Next 90 days')).toBe(0);
  await app.close();
});
