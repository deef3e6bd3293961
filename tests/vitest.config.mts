import { defineConfig } from 'vitest/config';

// Checks of the repository as a whole and its tooling: the production compose file, the local
// Meilisearch launcher, npm test's prerequisite check, the README and the links in docs/.
export default defineConfig({
  test: {
    name: 'repo',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 60_000,
  },
});
