// Tells whether web/.output was built from the current sources (shared by the launcher and the end-to-end tests).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSources } from './build-hash.ts';
import { ROOT_DIR } from './env-file.ts';

export const WEB_DIR = join(ROOT_DIR, 'web');
export const WEB_SERVER_ENTRY = join(WEB_DIR, '.output', 'server', 'index.mjs');
const HASH_FILE = join(WEB_DIR, '.output', '.build-hash');
const SOURCES = ['web/app', 'web/browser', 'web/modules', 'web/server', 'web/shared', 'web/i18n', 'web/content', 'web/public', 'web/nuxt.config.ts', 'web/content.config.ts', 'web/package.json', 'search/src'];

/** True when `web/.output` was built from the current sources. */
export function isWebBuildFresh(): boolean {
  return existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === hashSources(ROOT_DIR, SOURCES);
}

/** Records that `nuxt build` just finished for the current sources. */
export function markWebBuildFresh(): void {
  writeFileSync(HASH_FILE, `${hashSources(ROOT_DIR, SOURCES)}\n`);
}
