import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cms',
    // The tests that need a running Strapi; the rules without it are the `cms-unit` project (vitest.unit.config.mts).
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.mts'],
    // strapi.destroy() calls process.removeAllListeners(), which kills forked workers.
    pool: 'threads',
    // Each integration file boots its own Strapi on a copy of the seeded template; one at a time
    // keeps memory and the database calm. The worker stays (isolate: false): Strapi's modules are
    // loaded once, so a file's boot takes about 0.5 s instead of 2.
    fileParallelism: false,
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
