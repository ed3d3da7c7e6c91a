// A collection on a folder that cannot be written (a read-only disk, a folder shared without write
// permission): the learner sees their decks, a banner says why nothing can change and what to do,
// and an answer is refused with that message instead of being lost. The folder is a read-only bind
// mount of a real collection, so it needs root (CI runs as root).
import { execFileSync } from 'node:child_process';
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, tempDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

const DECK = 'Capitals';
const decksDir = 'tests/e2e/fixtures/small-decks';

test('a read-only collection shows its decks, a banner saying why, and refuses an answer with it', async () => {
  test.skip(process.getuid?.() !== 0, 'needs root to mount a folder read-only');
  const dataDir = tempDataDir();
  const first = await launchPreview({ dataDir, decksDir, now: '2026-03-02T09:00:00' });
  await expect(new HomePage(first.page).counts(DECK)).toHaveText(['3', '0', '0']);
  await first.close();

  const readOnly = tempDir('deckhand-e2e-ro-');
  execFileSync('mount', ['--bind', dataDir, readOnly]);
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', readOnly]);
    const { page, close } = await launchPreview({ dataDir: readOnly, decksDir, now: '2026-03-02T10:00:00' });
    const banner = page.getByRole('alert').filter({ hasText: 'Read-only collection' });
    await expect(banner).toContainText(`Deckhand cannot write to your collection’s folder (${readOnly})`);
    await expect(new HomePage(page).counts(DECK)).toHaveText(['3', '0', '0']);

    await new HomePage(page).study(DECK);
    const review = new ReviewPage(page);
    await expect(review.showAnswer).toBeFocused();
    await page.keyboard.press('Space');
    await expect(review.rating('Good')).toBeFocused();
    await page.keyboard.press('3');
    await expect(page.getByRole('alert').filter({ hasText: /^Nothing was changed\./ })).toBeVisible();
    await expect(banner).toBeVisible();
    await close();
  } finally {
    execFileSync('umount', [readOnly]);
  }

  const back = await launchPreview({ dataDir, decksDir, now: '2026-03-02T11:00:00' });
  await expect(new HomePage(back.page).counts(DECK)).toHaveText(['3', '0', '0']);
  await expect(back.page.getByRole('alert')).toHaveCount(0);
  await back.close();
});
