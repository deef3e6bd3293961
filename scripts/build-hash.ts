// Tells whether cms/dist (and, through hashSources, the site's build) was built from the current
// sources; shared by the launcher, the production start, the CLIs and the CMS tests.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CMS_DIR = fileURLToPath(new URL('../cms', import.meta.url)).replace(/\/$/, '');
export const DIST_DIR = join(CMS_DIR, 'dist');
const BUILD_HASH_FILE = join(DIST_DIR, '.build-hash');
// The Strapi patches change what the admin build is made of (the postinstall applies them to node_modules).
const SOURCES = ['src', 'config', 'database', 'package.json', 'tsconfig.json', 'scripts/patch-strapi.mts'];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

/** Hash of the names and contents of every file below `sources` (relative to `baseDir`), test files excluded. */
export function hashSources(baseDir: string, sources: string[]): string {
  const hash = createHash('sha256');
  for (const file of sources.flatMap((source) => listFiles(join(baseDir, source)))) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(relative(baseDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Hash of everything `strapi build` compiles; a different hash means `dist/` is stale. */
export function sourceHash(): string {
  return hashSources(CMS_DIR, SOURCES);
}

/** True when `dist/` (server code and admin panel) was built from the current sources. */
export function isBuildFresh(): boolean {
  return existsSync(BUILD_HASH_FILE) && readFileSync(BUILD_HASH_FILE, 'utf8').trim() === sourceHash();
}

/** Records that `strapi build` just finished for the current sources. */
export function markBuildFresh(): void {
  writeFileSync(BUILD_HASH_FILE, `${sourceHash()}\n`);
}
