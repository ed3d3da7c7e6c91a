// The daily reminder is off until the learner turns it on in Settings, and keeps its hour.
import { expect } from '@playwright/test';
import { launchPreview, tempDataDir, test } from './harness.ts';

test('the daily reminder is off at first, and once turned on at 7 it stays on at 7 after a relaunch', async () => {
  const dataDir = tempDataDir();
  const first = await launchPreview({ dataDir, now: '2026-03-02T09:00:00' });
  let page = first.page;
  await page.getByRole('link', { name: 'Settings' }).click();
  const remind = page.getByRole('checkbox', { name: 'Remind me to study each day' });
  await expect(remind).not.toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'At (hour, 0–23)', exact: true })).toHaveCount(0);
  await remind.focus();
  await page.keyboard.press('Space');
  const hour = page.getByRole('spinbutton', { name: 'At (hour, 0–23)', exact: true });
  await expect(hour).toHaveValue('9');
  await hour.fill('7');
  await page.getByRole('button', { name: 'Save settings' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved.');
  await first.close();

  const second = await launchPreview({ dataDir, now: '2026-03-03T09:00:00' });
  page = second.page;
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Remind me to study each day' })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'At (hour, 0–23)', exact: true })).toHaveValue('7');
  await second.close();
});
