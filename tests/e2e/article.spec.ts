// The Article view: a reader sees which sentences the cards come from, and how well they know them.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

const DECK = "China's priorities on North Korea";
const SENTENCE = 'Many experts are cynical about Chinese cooperation on North Korea.';

test('opens the article, selects a highlighted sentence by keyboard and sees its card and state', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00' });
  const { page } = app;
  await page.getByRole('link', { name: `Read ${DECK}` }).click();
  await expect(page.getByRole('heading', { name: DECK, level: 1 })).toBeVisible();
  await expect(page.getByText('By Taisuke Mibae')).toBeVisible();

  const highlight = page.getByRole('button', { name: SENTENCE });
  await highlight.focus();
  await page.keyboard.press('Enter');
  await expect(highlight).toHaveAttribute('aria-pressed', 'true');
  const panel = page.getByRole('complementary', { name: 'Cards from the selected passage' });
  await expect(panel.getByRole('heading')).toHaveText('1 card from this passage');
  await expect(panel.getByRole('listitem')).toHaveText([/What attitude do many experts take toward Chinese cooperation on North Korea[\s\S]*New$/]);
  await app.close();
});

test('a card studied from the deck shows as learned in the article', async () => {
  const dataDir = tempDataDir();
  const app = await launchPreview({ dataDir, now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  await new HomePage(page).study(DECK);
  const review = new ReviewPage(page);
  // The first card asks for the date of the Abe–Xi meeting, quoting the article's first sentence.
  await expect(review.question).toContainText('On what date did Japanese Prime Minister Shinzo Abe meet');
  await page.keyboard.press('Space');
  await expect(review.rating('Easy')).toBeVisible();
  await page.keyboard.press('4');
  await expect(review.question).not.toContainText('On what date');

  await page.goto(`${app.url}#/article/china-north-korea`);
  await page.getByRole('button', { name: /^Japanese Prime Minister Shinzo Abe’s meeting with Chinese President Xi Jinping/ }).click();
  const panel = page.getByRole('complementary', { name: 'Cards from the selected passage' });
  await expect(panel.getByRole('listitem').filter({ hasText: 'On what date did' })).toContainText('Learned');
  await app.close();
});
