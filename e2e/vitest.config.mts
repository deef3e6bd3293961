import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    setupFiles: ['support/per-file.ts'],
    fileParallelism: false,
    // One worker for every file: its modules and its Chromium are started once, not 22 times.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
