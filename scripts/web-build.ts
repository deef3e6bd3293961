// Tells whether web/.output was built from the current sources (shared by the launcher and the end-to-end tests).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT_DIR } from './env-file.ts';

export const WEB_DIR = join(ROOT_DIR, 'web');
export const WEB_SERVER_ENTRY = join(WEB_DIR, '.output', 'server', 'index.mjs');
const HASH_FILE = join(WEB_DIR, '.output', '.build-hash');
const SOURCES = ['web/app', 'web/server', 'web/shared', 'web/i18n', 'web/content', 'web/public', 'web/nuxt.config.ts', 'web/package.json', 'search/src'];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => listFiles(join(path, name)));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => listFiles(join(ROOT_DIR, source)))) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(relative(ROOT_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** True when `web/.output` was built from the current sources. */
export function isWebBuildFresh(): boolean {
  return existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === sourceHash();
}

/** Records that `nuxt build` just finished for the current sources. */
export function markWebBuildFresh(): void {
  writeFileSync(HASH_FILE, `${sourceHash()}\n`);
}
