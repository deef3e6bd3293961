import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The usual report, then each project's time (scripts/project-times-reporter.ts).
    reporters: ['default', './scripts/project-times-reporter.ts'],
    projects: [
      'search/vitest.config.ts',
      'cms/vitest.config.mts',
      'cms/vitest.unit.config.mts',
      'web/vitest.config.mts',
      'e2e/vitest.config.mts',
      'tests/vitest.config.mts',
    ],
  },
});
