// Vitest global setup: compile the CMS's TypeScript once for all integration test files.
import { createRequire } from 'node:module';
import { CMS_DIR } from '@praxis/tooling/build-hash';

export default async function compileOnce(): Promise<void> {
  const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
}
