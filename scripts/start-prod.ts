// `npm run start:prod`: the built CMS and the built site against the services in
// `.env` (or the environment). Never builds, never generates secrets: a missing
// setting is an error that names it. `--no-env-file` ignores `.env` (the environment alone counts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localSiteUrlRefusal } from '@praxis/search';
import { DIST_DIR, isBuildFresh } from './build-hash.ts';
import { ENV_FILE, loadEnv, ROOT_DIR } from './env-file.ts';
import { startStack, type Stack } from './stack.ts';
import { isWebBuildFresh, WEB_SERVER_ENTRY } from './web-build.ts';

const REQUIRED = [
  'MEILI_URL',
  'STRAPI_SITE_TOKEN',
  'PREVIEW_SECRET',
  'PURGE_SECRET',
  'SITE_URL',
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

function fail(message: string): never {
  console.error(`[start:prod] ${message}`);
  process.exit(1);
}

if (!process.argv.includes('--no-env-file') && existsSync(ENV_FILE)) loadEnv();
const missing = REQUIRED.filter((name) => !process.env[name]);
if (!process.env.MEILI_SEARCH_KEY || !process.env.MEILI_SYNC_KEY) {
  if (!process.env.MEILI_MASTER_KEY) missing.push('MEILI_SYNC_KEY and MEILI_SEARCH_KEY (or MEILI_MASTER_KEY to create them)');
}
if (process.env.DATABASE_CLIENT === 'postgres' && !process.env.DATABASE_URL) missing.push('DATABASE_URL');
if (missing.length > 0) fail(`missing settings (see .env.example and docs/operations.md): ${missing.join(', ')}`);
const siteUrlRefusal = localSiteUrlRefusal(process.env.SITE_URL, process.env);
if (siteUrlRefusal) fail(siteUrlRefusal);
if (!existsSync(join(DIST_DIR, 'build')) || !existsSync(WEB_SERVER_ENTRY)) fail('the CMS or the site is not built: run `npm run build` first');
if (!isBuildFresh() || !isWebBuildFresh()) console.warn('[start:prod] warning: the sources changed since the last `npm run build`; starting the older build');

let stack: Stack | undefined;
async function stop(code: number): Promise<never> {
  await stack?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  stack = await startStack({
    env: { ...process.env, NODE_ENV: 'production' },
    meiliDataDir: join(ROOT_DIR, '.data', 'meilisearch'),
    buildIfStale: false,
    log: (message) => console.log(`[start:prod] ${message}`),
    // During startup startStack notices a crash itself, stops the rest and throws.
    onCrash: (name, code) => {
      if (!stack) return;
      console.error(`[start:prod] ${name} exited (${code}); stopping everything.`);
      void stop(1);
    },
  });
  console.log(`[start:prod] site ${stack.siteUrl}, CMS ${stack.cmsUrl}, Meilisearch ${stack.meiliUrl}; health: ${stack.siteUrl}/api/health`);
} catch (error) {
  console.error(`[start:prod] ${(error as Error).message}`);
  await stop(1);
}
