// Tells whether web/.output was built from the current sources (shared by the launcher and the end-to-end tests).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSources } from './build-hash.ts';
import { ROOT_DIR } from './env-file.ts';

export const WEB_DIR = join(ROOT_DIR, 'web');
export const WEB_SERVER_ENTRY = join(WEB_DIR, '.output', 'server', 'index.mjs');
/**
 * Node's flags for the site (web/Dockerfile says the same). A page's rendering leaves many
 * short-lived objects, and under load V8 grew its young generation to a size it takes from the
 * machine's memory: 8 MB semi-spaces kept the site's RSS under a minute of mixed load at
 * idle + ~107 MB instead of + ~168 MB, for ~5 % of the search page's throughput (issue 17).
 * `--expose-gc` lets web/server/plugins/idle-memory.ts give that memory back once the site is quiet.
 */
export const WEB_NODE_FLAGS = ['--max-semi-space-size=8', '--expose-gc'];
const HASH_FILE = join(WEB_DIR, '.output', '.build-hash');
const SOURCES = [
  'web/app',
  'web/browser',
  'web/modules',
  'web/server',
  'web/shared',
  'web/i18n',
  'web/content',
  'web/public',
  'web/nuxt.config.ts',
  'web/content.config.ts',
  'web/package.json',
  'search/src',
];

/** True when `web/.output` was built from the current sources. */
export function isWebBuildFresh(): boolean {
  return existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === hashSources(ROOT_DIR, SOURCES);
}

/** Records that `nuxt build` just finished for the current sources. */
export function markWebBuildFresh(): void {
  writeFileSync(HASH_FILE, `${hashSources(ROOT_DIR, SOURCES)}\n`);
}
