// Vitest global setup of the CMS project: compiles the CMS's TypeScript once (when stale), then seeds two
// template databases once per run (taxonomies, the 396 municipalities, roles, the first editor;
// the second also the demo content). Every test file's Strapi boots on a copy of one (strapi.mts):
// about 2 s in a fresh worker, 0.5 s in a warm one, instead of 6 s of seeding per file.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';
import { freshSecrets, ROOT_DIR } from '@praxis/tooling/env-file';
import { CMS_DIR, isBuildFresh } from '@praxis/tooling/build-hash';
import { createTemplateDatabase, type DatabaseTemplate, type TestDatabase } from './test-database.mts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded templates and the secrets they were seeded with (a copy keeps working only with them). */
    cmsTemplates: { seeded: DatabaseTemplate; demo: DatabaseTemplate; secrets: Record<string, string> };
  }
}

/** Boots the CMS once on `database` in a child process (Strapi's shutdown removes every process listener). */
function seed(database: TestDatabase, secrets: Record<string, string>, demoContent: boolean): void {
  const result = spawnSync(process.execPath, ['cms/tests/helpers/seed-template.mts'], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...database.env, ...secrets, SEED_DEMO_CONTENT: String(demoContent), MEILI_URL: '', STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.status !== 0) throw new Error(`seeding the CMS test template failed with exit code ${result.status}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Compiled unless `npm run build` (or the e2e setup) built these sources already: two test runs
  // side by side (CI runs the SQLite and PostgreSQL suites together) never write dist/ at once.
  if (!isBuildFresh()) {
    const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
    await compileStrapi({ appDir: CMS_DIR });
  }
  const secrets = freshSecrets();
  const seeded = await createTemplateDatabase('seeded');
  seed(seeded.database, secrets, false);
  // The demo template starts as a copy of the seeded one: only the demo content is added.
  const demo = await createTemplateDatabase('demo', seeded.template);
  seed(demo.database, secrets, true);
  project.provide('cmsTemplates', { seeded: seeded.template, demo: demo.template, secrets });
  return async () => {
    await seeded.database.drop();
    await demo.database.drop();
  };
}
