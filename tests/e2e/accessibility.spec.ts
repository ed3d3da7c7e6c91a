// Every screen, in the light and the dark theme, checked by axe-core (WCAG 2.2 A and AA rules and
// axe's best practices): a screen passes with no violation at all. Then the same screens at 200%
// zoom and in forced colours (Windows' high-contrast mode): nothing runs off the side of the window.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { launchPreview, tempDataDir, test, type LaunchOptions } from './harness.ts';

const DECK_ID = 'china-north-korea';
const ARTICLE = readFileSync(path.resolve(import.meta.dirname, '../../decks/china-north-korea/article.txt'), 'utf8').split('\n').slice(2, 7).join('\n\n');

/** Opens every screen in turn, calling `visit` on each once it is ready. */
async function tour(options: Omit<LaunchOptions, 'dataDir' | 'now'>, visit: (page: Page, screen: string) => Promise<void>): Promise<void> {
  const app = await launchPreview({ ...options, dataDir: tempDataDir(), now: '2026-03-02T09:00:00' });
  const { page, url } = app;
  page.setDefaultTimeout(10_000);
  const at = async (screen: string, hash: string, ready: () => Promise<unknown>) => {
    if (hash) await page.goto(`${url}${hash}`);
    await ready();
    await visit(page, screen);
  };
  await at('home', '#/', () => page.getByRole('button', { name: /^Study / }).first().waitFor());
  await at('study-question', `#/study/${DECK_ID}`, () => page.getByRole('button', { name: /^Show answer/ }).waitFor());
  await page.keyboard.press('Space');
  await at('study-answer', '', () => page.getByRole('region', { name: 'Answer' }).waitFor());
  // Two answers, so Statistics has a day to show.
  await page.keyboard.press('3');
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '2');
  await at('browse', '#/browse', async () => {
    await page.getByRole('listbox', { name: 'Cards' }).getByRole('option').first().waitFor();
    // Two rows selected, as a person selects them.
    await page.getByRole('listbox', { name: 'Cards' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
  });
  await at('editor', `#/add/${DECK_ID}`, () => page.getByRole('button', { name: /^Add/ }).waitFor());
  await at('decks', '#/decks', () => page.getByRole('button', { name: 'New deck…' }).waitFor());
  await at('settings', '#/settings', () => page.getByRole('button', { name: 'Save settings' }).waitFor());
  await at('import-export', '#/import', () => page.getByRole('button', { name: 'Choose a file to import…' }).waitFor());
  await at('backups', '#/backups', () => page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor());
  await at('statistics', '#/stats', () => page.getByRole('grid', { name: 'Reviews per day in the past year' }).waitFor());
  await at('shortcuts', '#/help', () => page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor());
  await at('articles', '#/articles', () => page.getByRole('list', { name: 'Articles' }).waitFor());
  await at('reader', `#/article/${DECK_ID}`, () => page.getByRole('application', { name: 'Article text' }).waitFor());
  await page.goto(`${url}#/articles`);
  await page.getByRole('textbox', { name: 'Title' }).fill('Why China works with its neighbours');
  await page.getByRole('textbox', { name: 'Text' }).fill(ARTICLE);
  await page.getByRole('button', { name: 'Add the text' }).click();
  await page.getByRole('button', { name: 'Draft cards' }).click();
  await at('reader-drafted', '', () => page.getByText(/^Drafted \d+ cards?/).waitFor());
  await page.getByRole('link', { name: /^Inbox \(/ }).click();
  await at('inbox', '', () => page.getByRole('button', { name: /^Accept/ }).first().waitFor());
  await app.close();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen has no accessibility violation in the ${scheme} theme`, async () => {
    test.setTimeout(120_000);
    const found: string[] = [];
    await tour({ colorScheme: scheme }, async (page, screen) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      found.push(...result.violations.flatMap((v) => v.nodes.map((n) => `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`)));
    });
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('every screen fits its window at 200% zoom in forced colours', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const overflowing: string[] = [];
  await tour({ zoom: 2, forcedColors: true }, async (page, screen) => {
    // Kept with the test's results, to look at.
    await page.screenshot({ path: testInfo.outputPath(`${screen}.png`) });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (wide > 0) overflowing.push(`${screen}: ${wide} px wider than the window`);
  });
  expect(overflowing, overflowing.join('\n')).toEqual([]);
});
