// Fitting the scheduler to a learner's own history, as a person does it: import an Anki collection
// with years... here weeks... of reviews, open Settings, optimise the preset, read the health check,
// and see the intervals the answer buttons offer change.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { hasShared, REALDATA, sharedSkipReason } from '../unit/shared-data.ts';
import { launchPreview, tempDataDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

const DECK = 'Genki 1 & 2, Incl Genki 1 Supplementary Vocab';

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByRole('link', { name: 'Import/Export' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('4,110 cards added', { timeout: 20_000 });
}

/** The first card of the deck's session, its answer shown: what each button offers. */
async function offeredIntervals(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: 'Decks' }).first().click();
  const home = new HomePage(page);
  await home.heading.waitFor();
  await home.study(DECK);
  const review = new ReviewPage(page);
  await review.showAnswer.click();
  const group = page.getByRole('group', { name: 'How well did you remember?' });
  await expect(group).toBeVisible();
  return group.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
}

test.skip(!hasShared, sharedSkipReason);

test('optimises the preset from imported Anki history, explains the result in words, and the next intervals change', async () => {
  test.setTimeout(90_000);
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2020-06-15T09:00:00', fuzz: false });
  const { page } = app;
  await new HomePage(page).heading.waitFor();
  await importFile(page, path.join(REALDATA, 'yourchocobro-collection/collection.anki2'));

  const before = await offeredIntervals(page);
  expect(before).toHaveLength(4);
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Settings' }).click();
  const preset = page.getByRole('group', { name: 'Preset: Default' });
  const params = preset.getByLabel('Parameters of Default');
  const defaults = await params.textContent();
  await preset.getByRole('button', { name: 'Optimise this preset' }).click();

  const health = preset.getByRole('region', { name: 'Health check' });
  await expect(health).toContainText(/The scheduler now predicts your recall about \d+% closer than before/, { timeout: 60_000 });
  await expect(health).toContainText(/Learned from [\d,]+ reviews of [\d,]+ cards/);
  await expect(params).not.toHaveText(defaults!);
  await expect(preset.getByRole('button', { name: 'Reset to defaults' })).toBeEnabled();

  // Help me decide: the year ahead at the chosen retention, and the table of every retention.
  await preset.getByRole('button', { name: 'Simulate the workload' }).click();
  const workload = preset.getByRole('region', { name: 'Help me decide' });
  await expect(workload.getByRole('status')).toHaveText(/^At your 0\.90: about [\d,]+ reviews and \d+ minutes a day, and [\d,]+ cards remembered after a year/, { timeout: 30_000 });
  await workload.getByText('Show the numbers').click();
  await expect(workload.getByRole('table')).toContainText('0.90 (yours)');
  await expect(workload.getByRole('row')).toHaveCount(29);

  const after = await offeredIntervals(page);
  expect(after).toHaveLength(4);
  expect(after).not.toEqual(before);

  // Reset to defaults brings the default intervals back.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('group', { name: 'Preset: Default' }).getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByRole('group', { name: 'Preset: Default' }).getByLabel('Parameters of Default')).toHaveText(defaults!);
  expect(await offeredIntervals(page)).toEqual(before);
  await app.close();
});

test('cancels an optimisation from its progress bar and keeps the parameters', async () => {
  test.setTimeout(90_000);
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2020-06-15T09:00:00', fuzz: false });
  const { page } = app;
  await new HomePage(page).heading.waitFor();
  await importFile(page, path.join(REALDATA, 'yourchocobro-collection/collection.anki2'));
  await page.getByRole('link', { name: 'Decks' }).first().click();
  await page.getByRole('link', { name: 'Settings' }).click();
  const preset = page.getByRole('group', { name: 'Preset: Default' });
  const params = preset.getByLabel('Parameters of Default');
  const defaults = await params.textContent();
  await preset.getByRole('button', { name: 'Optimise this preset' }).click();
  await expect(preset.getByRole('progressbar', { name: /^Optimising Default/ })).toBeVisible();
  await preset.getByRole('button', { name: 'Cancel' }).click();
  await expect(preset.getByRole('alert')).toHaveText('Optimisation cancelled. Your parameters did not change.');
  await expect(preset.getByRole('progressbar')).toHaveCount(0);
  await expect(params).toHaveText(defaults!);
  await expect(preset.getByRole('button', { name: 'Optimise this preset' })).toBeEnabled();
  await app.close();
});
