import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['search/vitest.config.ts', 'cms/vitest.config.mts', 'web/vitest.config.mts', 'e2e/vitest.config.mts', 'tests/vitest.config.mts'],
  },
});
