import { defineConfig } from 'vitest/config';

// The long-use soak (`npm run test:soak`): too slow for `npm test`, run by CI after it.
export default defineConfig({
  test: {
    include: ['tests/soak/**/*.test.ts'],
    globalSetup: ['tests/temp-root.ts'],
    testTimeout: 20 * 60_000,
    // Memory is compared after a full collection, which needs --expose-gc.
    pool: 'forks',
    execArgv: ['--expose-gc'],
  },
});
