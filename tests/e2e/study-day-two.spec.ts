// Day-two studying by keyboard: undo, suspend, and a preset's new-card limit set in Settings.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

const decksDir = 'tests/e2e/fixtures/small-decks';

test('Ctrl+Z after an answer brings back the card just answered', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now: '2026-03-02T09:00:00' });
  const { page } = app;
  await new HomePage(page).study('Capitals');
  const review = new ReviewPage(page);
  await expect(review.showAnswer).toBeFocused();
  const first = await review.question.textContent();
  await page.keyboard.press('Space');
  await expect(review.rating('Good')).toBeFocused();
  await page.keyboard.press('4');
  await expect(review.question).not.toHaveText(first!);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /^Undid/ })).toHaveText(/Undid the last answer/);
  await expect(review.question).toHaveText(first!);
  await expect(page.getByRole('banner').getByText('3', { exact: true })).toBeVisible();
  await app.close();
});

test('a suspended card never comes back until unsuspended, not even days later', async () => {
  const dataDir = tempDataDir();
  const app = await launchPreview({ dataDir, decksDir, now: '2026-03-02T09:00:00' });
  const { page } = app;
  await new HomePage(page).study('Capitals');
  const review = new ReviewPage(page);
  await expect(review.question).toHaveText('Capital of France?');
  await page.keyboard.press('@');
  await expect(page.getByRole('status').filter({ hasText: /^Suspended/ })).toHaveText(/Suspended/);
  await expect(review.question).not.toHaveText('Capital of France?');
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    await expect(review.showAnswer).toBeFocused();
    seen.push((await review.question.textContent())!);
    await page.keyboard.press('Space');
    await expect(review.rating('Good')).toBeFocused();
    await page.keyboard.press('4');
  }
  expect(seen).not.toContain('Capital of France?');
  await expect(page.getByRole('region', { name: 'Session summary' })).toBeVisible();
  await app.close();

  const later = await launchPreview({ dataDir, decksDir, now: '2026-03-05T09:00:00' });
  await expect(new HomePage(later.page).counts('Capitals')).toHaveText(['0', '0', '0']);
  await later.close();
});

test('with a limit of 3 new cards a day set in Settings, only 3 new cards appear', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00' });
  const { page } = app;
  const home = new HomePage(page);
  await expect(home.counts("China's priorities on North Korea")).toHaveText(['20', '0', '0']);
  await page.getByRole('link', { name: 'Settings' }).click();
  const field = page.getByRole('spinbutton', { name: 'New cards a day', exact: true });
  await field.fill('3');
  await page.getByRole('button', { name: 'Save settings' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved.');
  await page.getByRole('link', { name: 'Decks' }).click();
  await expect(home.counts("China's priorities on North Korea")).toHaveText(['3', '0', '0']);

  await home.study("China's priorities on North Korea");
  const review = new ReviewPage(page);
  for (let i = 0; i < 3; i++) {
    await expect(review.showAnswer).toBeFocused();
    await page.keyboard.press('Space');
    await expect(review.rating('Good')).toBeFocused();
    await page.keyboard.press('4');
  }
  await expect(page.getByRole('region', { name: 'Session summary' })).toContainText('Cards studied3');
  await app.close();
});
