import { defineConfig } from 'vitest/config';

// Checks of the repository as a whole: the production compose file.
export default defineConfig({
  test: {
    name: 'repo',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 60_000,
  },
});
