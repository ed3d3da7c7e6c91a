import { defineConfig } from 'vitest/config';

// The slow durability suites: power cuts on LazyFS (root and /dev/fuse), run by `npm run test:power`.
export default defineConfig({
  test: {
    include: ['tests/power/**/*.test.ts'],
    // A temp folder of the run's own, checked to be empty at the end.
    globalSetup: ['tests/temp-root.ts'],
    // One file at a time: each mounts file systems and runs a child that fsyncs.
    fileParallelism: false,
    testTimeout: 30 * 60_000,
  },
});
