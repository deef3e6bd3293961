// Loads the CMS as a library (no HTTP server) for CLIs and tests.
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import { CMS_DIR, DIST_DIR, isBuildFresh } from './build-hash.mts';

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
