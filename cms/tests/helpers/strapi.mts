// Boots a real Strapi on a throwaway database for integration tests: a copy of the template that
// global-setup.mts seeded once for the run, or an empty one for the tests of seeding itself.
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { inject } from 'vitest';
import { freshSecrets } from '@praxis/tooling/env-file';
import { loadStrapi, stopStrapi } from '../../scripts/strapi-app.mts';
import type {} from './global-setup.mts';
import { createTestDatabase, type TestDatabase } from './test-database.mts';

export interface TestStrapi {
  strapi: Core.Strapi;
  /** Base URL of the running HTTP server, e.g. http://127.0.0.1:41234 */
  url: string;
  siteToken: string;
  database: TestDatabase;
  env: Record<string, string>;
  /** Shuts Strapi down and drops the database. */
  stop(): Promise<void>;
  /** Shuts Strapi down and keeps the database, to boot it again. */
  shutdown(): Promise<void>;
}

/** Environment of a test CMS: its database, the secrets it was seeded with (fresh ones for an empty one), demo content off unless asked for. */
export function testEnvironment(
  database: Record<string, string>,
  options: { demoContent?: boolean; secrets?: Record<string, string> } = {},
): Record<string, string> {
  return {
    ...database,
    ...(options.secrets ?? freshSecrets()),
    SEED_DEMO_CONTENT: options.demoContent ? 'true' : 'false',
    MEILI_URL: '',
    MEILI_REPLICA_URLS: '',
  };
}

export interface StartOptions {
  /** A copy of the template with the demo content (42 German and 12 English case studies). */
  demoContent?: boolean;
  /**
   * `empty`: a database nothing was seeded into, for the tests of seeding itself. Default `seeded`.
   * Or a database the test prepared (e.g. a copy of the seeded template changed by hand); it boots
   * with the template's secrets.
   */
  database?: 'seeded' | 'empty' | TestDatabase;
  /** Extra variables, e.g. MEILI_URL and MEILI_MASTER_KEY to switch the search sync on. */
  env?: Record<string, string>;
  /** Boot again on the database (and with the secrets) of an earlier test Strapi. */
  restartOf?: TestStrapi;
}

export async function startTestStrapi(options: StartOptions = {}): Promise<TestStrapi> {
  const templates = options.database === 'empty' ? undefined : inject('cmsTemplates');
  const database =
    options.restartOf?.database ??
    (typeof options.database === 'object'
      ? options.database
      : await createTestDatabase(templates && (options.demoContent ? templates.demo : templates.seeded)));
  const env = { ...(options.restartOf?.env ?? testEnvironment(database.env, { ...options, secrets: templates?.secrets })), ...options.env };
  Object.assign(process.env, env);
  const strapi = await loadStrapi({ compile: false, logLevel: 'warn' });
  strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const shutdown = () => stopStrapi(strapi);
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    siteToken: env.STRAPI_SITE_TOKEN!,
    database,
    env,
    shutdown,
    async stop() {
      await shutdown();
      await database.drop();
    },
  };
}
