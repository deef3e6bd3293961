// Loads the CMS as a library (no HTTP server) for CLIs and tests.
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import { CMS_DIR, DIST_DIR, isBuildFresh } from '@praxis/tooling/build-hash';

// Strapi's ESM entry cannot be loaded by Node's ESM resolver (it imports `lodash/fp`), so require the CJS build.
const require = createRequire(import.meta.url);
const { compileStrapi, createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');

/**
 * Boots Strapi without listening: compiles the server code first unless the
 * admin build is fresh. The caller must `await strapi.destroy()`.
 */
export async function loadStrapi(options: { compile?: boolean; logLevel?: string } = {}): Promise<Core.Strapi> {
  const compile = options.compile ?? !isBuildFresh();
  const context = compile ? await compileStrapi({ appDir: CMS_DIR, ignoreDiagnostics: false }) : { appDir: CMS_DIR, distDir: DIST_DIR };
  const app = createStrapi({ ...context, autoReload: false, serveAdminPanel: false });
  if (options.logLevel) app.log.level = options.logLevel;
  return app.load();
}

interface KnexPool {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * Destroys Strapi once its database pool is idle. Work Strapi starts in the
 * background after a write (event hub listeners such as webhooks) would
 * otherwise be aborted by the shutdown and crash the process.
 */
export async function stopStrapi(strapi: Core.Strapi, timeoutMs = 5_000): Promise<void> {
  const pool = (strapi.db.connection as unknown as { client: { pool?: KnexPool } }).client.pool;
  const deadline = Date.now() + timeoutMs;
  while (pool && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await strapi.destroy();
}
