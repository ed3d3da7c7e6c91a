import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Crash and persistence tests spawn processes and fsync; give them room on two cores.
    testTimeout: 30_000,
  },
});
