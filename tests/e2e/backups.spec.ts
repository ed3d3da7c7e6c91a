// Backups: the app backs up on quit; restoring one brings the collection back to that moment.
import { expect, type Page } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

const DECK = 'Capitals';
const decksDir = 'tests/e2e/fixtures/small-decks';

async function studyEasy(page: Page, times: number) {
  await new HomePage(page).study(DECK);
  const review = new ReviewPage(page);
  for (let i = 0; i < times; i++) {
    await expect(review.showAnswer).toBeFocused();
    await page.keyboard.press('Space');
    await expect(review.rating('Good')).toBeFocused();
    await page.keyboard.press('4');
  }
  await page.keyboard.press('Escape');
}

test('restores the backup taken on quit, undoing what was studied since', async () => {
  const dataDir = tempDataDir();
  const first = await launchPreview({ dataDir, decksDir, now: '2026-03-02T09:00:00' });
  await studyEasy(first.page, 1);
  await expect(new HomePage(first.page).counts(DECK)).toHaveText(['2', '0', '0']);
  await first.close();

  const second = await launchPreview({ dataDir, decksDir, now: '2026-03-02T11:00:00' });
  const { page } = second;
  await studyEasy(page, 2);
  const home = new HomePage(page);
  await expect(home.counts(DECK)).toHaveText(['0', '0', '0']);

  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  const restoreButtons = page.getByRole('button', { name: /^Restore the backup of/ });
  await expect(restoreButtons).toHaveCount(1);
  await restoreButtons.first().click();
  await expect(page.getByRole('group', { name: 'Confirm restore' })).toContainText('Replace the collection with this backup?');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Restored the collection as it was on');
  await expect(page.getByText('taken before a restore')).toBeVisible();

  await page.getByRole('link', { name: 'Decks' }).click();
  await expect(home.counts(DECK)).toHaveText(['2', '0', '0']);
  await second.close();

  // The restore lasts: a relaunch opens the restored collection.
  const third = await launchPreview({ dataDir, decksDir, now: '2026-03-02T12:00:00' });
  await expect(new HomePage(third.page).counts(DECK)).toHaveText(['2', '0', '0']);
  await third.close();
});
