// A shared deck is untrusted: HTML and script in any field must show as text and run nothing.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

test('a hostile deck shows its markup as text and runs none of it', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir: 'tests/e2e/fixtures/hostile-decks', now: '2026-03-02T09:00:00' });
  const { page } = app;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  const home = new HomePage(page);
  await expect(home.deck('Hostile deck')).toContainText('<b onmouseover="window.__pwned=11">Untrusted</b>');
  await home.study('Hostile deck');
  const review = new ReviewPage(page);

  const card = page.getByRole('article', { name: 'Card' });
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    await expect(review.showAnswer).toBeFocused();
    await page.keyboard.press('Space');
    await expect(review.answerSection).toBeVisible();
    seen.push((await card.textContent()) ?? '');
    expect(await card.locator('img, script, iframe, svg, style, a[href^="javascript"]').count()).toBe(0);
    await page.keyboard.press('4');
    if (i < 5) await expect(review.progress).toHaveAttribute('value', String(i + 1));
  }
  await expect(page.getByRole('region', { name: 'Session summary' })).toBeVisible();
  const text = seen.join('\n');
  expect(text).toContain('<img src=x onerror="window.__pwned=1;alert(1)">');
  expect(text).toContain('<script>window.__pwned=2</script>Script card');
  expect(text).toContain('<iframe src="javascript:parent.__pwned=8"></iframe>Frame card');
  expect(text).toContain('<style>body{display:none}</style>Style card');

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(page.url()).toBe(app.url + '#/study/hostile');
  expect(requests.filter((u) => !u.startsWith(app.url))).toEqual([]);
  await app.close();
});
