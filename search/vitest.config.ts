import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The relevance harness imports the package by its name (so that the bench can run it on the
  // build); the tests run it on the sources.
  resolve: { alias: { '@praxis/search': new URL('./src/index.ts', import.meta.url).pathname } },
  test: {
    name: 'search',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'relevance/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
