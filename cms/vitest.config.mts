import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cms',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/compile-once.mts'],
    // strapi.destroy() calls process.removeAllListeners(), which kills forked workers.
    pool: 'threads',
    // Each integration file boots its own Strapi; one at a time keeps memory and the database calm.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
