// A learner opens the app, studies five cards with the keyboard only, and finds their progress
// after a reload and after quitting and reopening on the same collection.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

const DECK = "China's priorities on North Korea";

test('studies five cards by keyboard, then finds them scheduled after a reload and a relaunch', async () => {
  const dataDir = tempDataDir();
  const first = await launchPreview({ dataDir, now: '2026-03-02T09:00:00' });
  const home = new HomePage(first.page);
  await expect(home.counts(DECK)).toHaveText(['20', '0', '0']);

  await home.focusStudy(DECK);
  await first.page.keyboard.press('Enter');
  const review = new ReviewPage(first.page);
  const fronts: string[] = [];
  for (let i = 0; i < 5; i++) {
    await expect(review.showAnswer).toBeFocused();
    fronts.push((await review.question.textContent()) ?? '');
    await first.page.keyboard.press('Space');
    await expect(review.answerSection).toBeVisible();
    await expect(review.rating('Easy')).toBeVisible();
    await first.page.keyboard.press('4');
    await expect(review.question).not.toHaveText(fronts[i]!);
  }
  expect(new Set(fronts).size).toBe(5);
  await expect(review.progress).toHaveAttribute('value', '5');

  await first.page.reload();
  await expect(review.showAnswer).toBeVisible();
  await expect(review.question).not.toHaveText(fronts[0]!);
  await first.page.keyboard.press('Escape');
  await expect(home.counts(DECK)).toHaveText(['15', '0', '0']);
  await first.close();

  // The next morning: the same collection, reopened by a new process. A new day brings 20 new
  // cards again, and none of them is one already studied.
  const second = await launchPreview({ dataDir, now: '2026-03-03T09:00:00' });
  const nextDay = new HomePage(second.page);
  await expect(nextDay.counts(DECK)).toHaveText(['20', '0', '0']);
  await nextDay.study(DECK);
  const nextReview = new ReviewPage(second.page);
  await expect(nextReview.showAnswer).toBeFocused();
  expect(fronts).not.toContain(await nextReview.question.textContent());
  await second.close();

  // A fortnight later, the five Easy cards are due for review.
  const third = await launchPreview({ dataDir, now: '2026-03-20T09:00:00' });
  await expect(new HomePage(third.page).counts(DECK)).toHaveText(['20', '0', '5']);
  await third.close();
});

test('shows the answer, the quote it comes from, and the next interval on each button', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  await new HomePage(app.page).study(DECK);
  const review = new ReviewPage(app.page);
  // A screen reader hears the question as the card appears, then the answer when it is shown.
  const question = (await review.question.textContent())!;
  await expect(app.page.getByRole('status').filter({ hasText: /^Question: / })).toHaveText(`Question: ${question}`);
  await review.showAnswer.click();
  await expect(app.page.getByRole('status').filter({ hasText: /^Answer: / })).toHaveText(`Answer: ${(await review.answerSection.textContent())!}`);
  await expect(review.rating('Good')).toBeFocused();
  await expect(app.page.getByText('From the article by Taisuke Mibae')).toBeVisible();
  await expect(review.rating('Again')).toHaveAccessibleName(/^Again, next in 1m/);
  await expect(review.rating('Hard')).toHaveAccessibleName(/^Hard, next in 6m/);
  await expect(review.rating('Good')).toHaveAccessibleName(/^Good, next in 10m/);
  await expect(review.rating('Easy')).toHaveAccessibleName(/^Easy, next in 8d/);
  await app.close();
});

test('ends a session with a summary of what was studied', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', decksDir: 'tests/e2e/fixtures/small-decks' });
  await new HomePage(app.page).study('Capitals');
  const review = new ReviewPage(app.page);
  for (const key of ['1', '4', '4']) {
    await expect(review.showAnswer).toBeFocused();
    await app.page.keyboard.press('Space');
    await expect(review.rating('Good')).toBeVisible();
    await app.page.keyboard.press(key);
  }
  // The card rated Again comes back within the learn-ahead window; Easy graduates it.
  await expect(review.showAnswer).toBeFocused();
  await expect(review.question).toHaveText('Capital of France?');
  await app.page.keyboard.press('Space');
  await expect(review.rating('Good')).toBeFocused();
  await app.page.keyboard.press('4');
  const summary = app.page.getByRole('region', { name: 'Session summary' });
  await expect(summary).toContainText('Session complete');
  await expect(summary.getByRole('definition')).toHaveText(['4', '1', /\d+ s/]);
  await app.close();
});

test('keys pressed faster than answers are saved all apply, in order, each rating to an answer that was on screen', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00' });
  const { page } = app;
  const home = new HomePage(page);
  await expect(home.counts(DECK)).toHaveText(['20', '0', '0']);
  await home.study(DECK);
  const review = new ReviewPage(page);
  await expect(review.showAnswer).toBeFocused();
  // Frame by frame, the question on screen and whether its answer is shown with it.
  await page.evaluate(() => {
    const frames: [string, boolean][] = [];
    (window as unknown as { frames_: typeof frames }).frames_ = frames;
    const tick = () => {
      frames.push([document.querySelector('section[aria-label="Question"]')?.textContent ?? '', document.querySelector('section[aria-label="Answer"]') !== null]);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // A fast reviewer: Space and 3, ten times, each key sent as soon as the last was delivered.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await expect(review.progress).toHaveAttribute('value', '10');
  await expect(review.showAnswer).toBeFocused();
  const frames = await page.evaluate(() => (window as unknown as { frames_: [string, boolean][] }).frames_);
  const questions = [...new Set(frames.map(([q]) => q))].filter((q) => q !== '');
  // Ten cards answered and the eleventh on screen; each of the ten had its answer painted first.
  expect(questions).toHaveLength(11);
  for (const q of questions.slice(0, 10)) expect(frames.some(([shown, answer]) => shown === q && answer), `the answer to "${q}" was shown before it was rated`).toBe(true);
  await page.keyboard.press('Escape');
  // Ten new cards rated Good: ten new left today (the ten learning are due again in ten minutes).
  await expect(home.counts(DECK)).toHaveText(['10', '0', '0']);
  await app.close();
});
