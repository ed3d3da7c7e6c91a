// Nested decks: a parent's counts roll up its children's; deleting a deck asks first and can be undone.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';

const decksDir = 'tests/e2e/fixtures/small-decks';

test('nests decks by title, rolls counts up, and brings a deleted deck back', async () => {
  const app = await launchPreview({ dataDir: tempDataDir(), decksDir, now: '2026-03-02T09:00:00' });
  const { page } = app;
  await page.goto(`${app.url}#/decks`);
  await page.getByRole('heading', { name: 'Manage decks' }).waitFor();
  await page.getByRole('button', { name: 'New deck…' }).click();
  await page.keyboard.type('Geography::Africa');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Created the deck "Geography::Africa".');

  // Geography was made too, as Africa's parent; Africa is a list inside Geography's item.
  const geography = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Geography', exact: true }) });
  const africa = geography.getByRole('list').getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Africa' }) });
  await expect(africa).toBeVisible();

  await africa.getByRole('link', { name: 'Add note to Geography::Africa' }).click();
  await page.getByRole('textbox', { name: /^Front/ }).fill('Capital of Ghana?');
  await page.getByRole('textbox', { name: /^Back/ }).fill('Accra');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText('Added a card to Geography::Africa.');
  await page.goto(`${app.url}#/decks`);
  await expect(geography.getByRole('definition').first()).toHaveText('1');
  await expect(geography.getByText('1 card (0 in this deck)')).toBeVisible();

  await geography.getByRole('button', { name: 'Delete Geography', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Confirm deleting Geography' });
  await expect(confirm).toContainText('and the decks under it with 1 card?');
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/Deleted 2 decks, 1 note, 1 card\./);
  await expect(geography).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect(page.getByRole('status')).toHaveText(/Restored 2 decks, 1 note, 1 card\./);
  await expect(africa).toBeVisible();
  await app.close();
});
