// `npm test`: checks what the chosen vitest projects need (scripts/test-prerequisites.ts),
// stops at once with one message per missing tool, else runs vitest with the given arguments.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describeMissing, findMissingPrerequisites, selectedProjects } from './test-prerequisites.ts';

const args = process.argv.slice(2);
const missing = await findMissingPrerequisites(selectedProjects(args));
if (missing.length > 0) {
  console.error(describeMissing(missing));
  process.exit(1);
}
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
