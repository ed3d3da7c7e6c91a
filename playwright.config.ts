import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser: this project must run where only the npm
// registry and Debian's packages are reachable.
export const CHROMIUM = process.env.DECKHAND_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  reporter: process.env.CI ? 'list' : 'line',
  // A temp folder of the run's own (the previews' data, Chromium's profiles), checked to be empty at the end.
  globalSetup: './tests/temp-root.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Two cores: each preview and browser pair is a few processes; two workers keep runs stable.
  workers: 2,
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', testMatch: /.*\.spec\.ts/ },
    { name: 'electron', testDir: 'tests/electron', testMatch: /.*\.spec\.ts/ },
  ],
});
