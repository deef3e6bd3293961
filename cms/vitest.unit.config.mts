import { defineConfig } from 'vitest/config';

// The CMS's rules without Strapi: plain functions, fakes of the ports, no database and no boot.
// The `cms` project (vitest.config.mts) seeds template databases and boots a real Strapi per file;
// these files need neither and run in seconds, next to what they test (`src/**/*.test.ts`), plus
// the checks of the CMS's files (`tests/*.test.ts`: schemas, environment, demo content).
export default defineConfig({
  test: {
    name: 'cms-unit',
    include: ['src/**/*.test.ts', 'tests/*.test.ts'],
    // A guard against a hang, not a speed target (vitest's default 5 s is short for a busy CI machine).
    testTimeout: 30_000,
  },
});
