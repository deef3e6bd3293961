// The stack for a benchmark: fresh secrets, free ports, a throwaway SQLite database and Meilisearch in `dir`.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@praxis/tooling/processes';
import { freshSecrets } from '@praxis/tooling/env-file';
import { startStack, type Stack } from '@praxis/tooling/stack';

/** Starts Meilisearch, the CMS and the site (building them when stale); `env` adds or overrides variables. */
export async function startBenchStack(dir: string, env: Record<string, string>): Promise<Stack & { masterKey: string }> {
  const masterKey = `bench-${randomBytes(24).toString('base64url')}`;
  const [strapiPort, webPort, meiliPort] = [await freePort(), await freePort(), await freePort()];
  const stack = await startStack({
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      // The production build on loopback (docs/configuration.md, ALLOW_LOCAL_SITE_URL).
      ALLOW_LOCAL_SITE_URL: '1',
      HOST: '127.0.0.1',
      STRAPI_PORT: String(strapiPort),
      WEB_PORT: String(webPort),
      MEILI_PORT: String(meiliPort),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: join(dir, 'cms.db'),
      MEILI_MASTER_KEY: masterKey,
      ...freshSecrets(),
      // A benchmark is one client sending thousands of requests: the API rate limit would only measure itself.
      RATE_LIMIT: '0',
      ...env,
    },
    meiliDataDir: join(dir, 'meili'),
    buildIfStale: true,
    logDir: dir,
    log: (message) => console.error(`[bench] ${message}`),
  });
  return { ...stack, masterKey };
}
