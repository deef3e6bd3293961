// `npm test`: checks what the chosen vitest projects need (scripts/test-prerequisites.ts), stops
// at once with one message per missing tool, else runs vitest with the given arguments.
//
// The end-to-end project and the others run as two vitest processes side by side. Vitest runs
// projects that take one file at a time (e2e, cms) one after the other, never together; the browser
// tests leave a core idle much of the time, which the CMS's and the unit tests fill. The e2e run
// prints as it goes; the others' report follows it (printed when both have ended, so the two never
// interleave). The exit code is the worse of the two.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeMissing, findMissingPrerequisites, selectedProjects, type Project } from './test-prerequisites.ts';

const args = process.argv.slice(2);
const projects = selectedProjects(args);
const missing = await findMissingPrerequisites(projects);
if (missing.length > 0) {
  console.error(describeMissing(missing));
  process.exit(1);
}
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const exited = (child: ChildProcess) => new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));

const BROWSER: Project = 'e2e';
const others = projects.filter((project) => project !== BROWSER);
if (!projects.includes(BROWSER) || others.length === 0) {
  process.exit(await exited(spawn(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit' })));
}

// Both: the same arguments, each run with its own projects.
const withoutProjects = args.filter((arg, index) => arg !== '--project' && args[index - 1] !== '--project' && !arg.startsWith('--project='));
// A file filter may match files of one run only: the other then finds none, which is no failure.
const projectArgs = (names: string[]) => [...names.flatMap((name) => ['--project', name]), '--passWithNoTests'];
const logDir = mkdtempSync(join(tmpdir(), 'praxis-test-'));
const othersLog = join(logDir, 'others.log');
const othersRun = spawn(process.execPath, [vitest, 'run', ...projectArgs(others), ...withoutProjects], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : (process.env.FORCE_COLOR ?? '0') },
});
const output = createWriteStream(othersLog);
othersRun.stdout!.pipe(output);
othersRun.stderr!.pipe(output);
console.log(`[npm test] ${BROWSER} runs here; ${others.join(', ')} run beside it, their report follows.\n`);
const browserRun = spawn(process.execPath, [vitest, 'run', ...projectArgs([BROWSER]), ...withoutProjects], { stdio: 'inherit' });
const [browserCode, othersCode] = await Promise.all([exited(browserRun), exited(othersRun)]);
console.log(`\n[npm test] the report of ${others.join(', ')}:\n`);
process.stdout.write(readFileSync(othersLog));
rmSync(logDir, { recursive: true, force: true });
console.log(`\n[npm test] ${BROWSER}: ${browserCode === 0 ? 'passed' : 'FAILED'}; ${others.join(', ')}: ${othersCode === 0 ? 'passed' : 'FAILED'}`);
process.exit(browserCode || othersCode);
