// The layout stays readable (issue 33): no source folder grows past 15 files, and no code reaches
// into another workspace by relative path — it imports the workspace's package instead.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** The parts of the repository: the npm workspaces and the root's own folders. */
const PARTS = ['cms', 'web', 'search', 'scripts', 'e2e', 'tests', 'bench'];
const SOURCE = /\.(ts|mts|tsx|vue)$/;
/** This file: its examples of crossing imports are strings, not imports. */
const THIS_FILE = 'tests/layout.test.ts';
/** Framework folders whose files are routes or migrations, named by what they serve, not grouped by us. */
const FRAMEWORK_FOLDERS = [/^web\/server\/(api|routes)\//, /^web\/app\/pages\//, /^cms\/src\/api\//, /^cms\/database\/migrations$/];

const trackedFiles = () => execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
const partOf = (path: string) => PARTS.find((part) => path === part || path.startsWith(`${part}/`));

/** Relative import specifiers in a source file (`from '../x'`, `import('../x')`, `require('../x')`). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.\.?\/[^'"]+)['"]/g)].map((match) => match[1]!);
}

/** The imports of `file` that leave its part of the repository by a relative path. */
export function crossingImports(file: string, source: string): string[] {
  return relativeImports(source).filter((specifier) => partOf(normalize(join(dirname(file), specifier))) !== partOf(file));
}

describe('the layout', () => {
  it('keeps every source folder at 15 files or fewer (tests not counted)', () => {
    const counts = new Map<string, number>();
    for (const file of trackedFiles()) {
      if (!SOURCE.test(file) || /\.test\.|\.d\.ts$/.test(file) || !partOf(file)) continue;
      const folder = dirname(file);
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
    const crowded = [...counts].filter(
      ([folder, count]) => count > 15 && !FRAMEWORK_FOLDERS.some((pattern) => pattern.test(`${folder}/`) || pattern.test(folder)),
    );
    expect(crowded).toEqual([]);
  });

  it('imports another workspace by its package name, never by a relative path', () => {
    const crossing = trackedFiles()
      .filter((file) => SOURCE.test(file) && partOf(file) && file !== THIS_FILE)
      .flatMap((file) => crossingImports(file, readFileSync(join(ROOT, file), 'utf8')).map((specifier) => `${file}: ${specifier}`));
    expect(crossing).toEqual([]);
  });

  it('tells a crossing import from one inside the same part', () => {
    expect(crossingImports('bench/import.ts', "import { x } from '../cms/scripts/strapi-app.mts';")).toEqual(['../cms/scripts/strapi-app.mts']);
    expect(crossingImports('web/server/search/answer.ts', "import { x } from '../cms/strapi.ts';")).toEqual([]);
    expect(crossingImports('e2e/support/cms.ts', "const m = await import('../../web/shared/hooks.ts');")).toEqual(['../../web/shared/hooks.ts']);
  });
});
