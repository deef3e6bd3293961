// The stack for a benchmark: fresh secrets, free ports, a throwaway SQLite database and Meilisearch in `dir`.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@praxis/search';
import { startStack, type Stack } from '../scripts/stack.ts';

const secret = () => randomBytes(24).toString('base64url');

/** Starts Meilisearch, the CMS and the site (building them when stale); `env` adds or overrides variables. */
export async function startBenchStack(dir: string, env: Record<string, string>): Promise<Stack & { masterKey: string }> {
  const masterKey = `bench-${secret()}`;
  const [strapiPort, webPort, meiliPort] = [await freePort(), await freePort(), await freePort()];
  const stack = await startStack({
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST: '127.0.0.1',
      STRAPI_PORT: String(strapiPort), WEB_PORT: String(webPort), MEILI_PORT: String(meiliPort),
      DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(dir, 'cms.db'), MEILI_MASTER_KEY: masterKey,
      APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(),
      JWT_SECRET: secret(), ENCRYPTION_KEY: secret(), STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_SITE_TOKEN: secret(),
      ADMIN_EMAIL: 'redaktion@example.org', ADMIN_PASSWORD: `Qz-${secret()}-7a`, PREVIEW_SECRET: secret(),
      ...env,
    },
    meiliDataDir: join(dir, 'meili'),
    buildIfStale: true,
    logDir: dir,
    log: (message) => console.error(`[bench] ${message}`),
  });
  return { ...stack, masterKey };
}
