// Boots a real Strapi on a throwaway database for integration tests.
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { freshSecrets } from '@praxis/tooling/env-file';
import { loadStrapi, stopStrapi } from '../../scripts/strapi-app.mts';
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

/** Environment of a test CMS: fresh secrets, a throwaway database, demo content off unless asked for. */
export function testEnvironment(database: Record<string, string>, options: { demoContent?: boolean } = {}) {
  return {
    ...database,
    ...freshSecrets(),
    SEED_DEMO_CONTENT: options.demoContent ? 'true' : 'false',
    MEILI_URL: '',
  };
}

export interface StartOptions {
  demoContent?: boolean;
  /** Extra variables, e.g. MEILI_URL and MEILI_MASTER_KEY to switch the search sync on. */
  env?: Record<string, string>;
  /** Boot again on the database (and with the secrets) of an earlier test Strapi. */
  restartOf?: TestStrapi;
}

export async function startTestStrapi(options: StartOptions = {}): Promise<TestStrapi> {
  const database = options.restartOf?.database ?? (await createTestDatabase());
  const env = { ...(options.restartOf?.env ?? testEnvironment(database.env, options)), ...options.env };
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
