import { defineConfig } from 'vitest/config';

// Unit tests of the site's plain TypeScript (utils, server utils); the pages are tested end to end in e2e/.
export default defineConfig({
  // Nuxt's alias for the web workspace's root, as server code imports shared/ (`~~/shared/…`).
  resolve: { alias: { '~~': import.meta.dirname } },
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['app/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts'],
    // A guard against a hang, not a speed target: the 10,000-row spreadsheet and the Redis tests
    // took over vitest's default 5 s beside the browser tests on a busy CI machine.
    testTimeout: 30_000,
  },
});
