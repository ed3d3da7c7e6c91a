import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // A temp folder of the run's own, checked to be empty at the end.
    globalSetup: ['tests/temp-root.ts'],
    // Crash and persistence tests spawn processes and fsync; give them room on two cores.
    testTimeout: 30_000,
  },
});
