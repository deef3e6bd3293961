// `npm test` on a machine without Chromium, redis-server and docker-compose stops at once and says what to install.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMissingPrerequisites, PROJECTS, selectedProjects } from '@praxis/tooling/test-prerequisites';

const ROOT = join(import.meta.dirname, '..');
const onlyNode = mkdtempSync(join(tmpdir(), 'praxis-only-node-'));
symlinkSync(process.execPath, join(onlyNode, 'node'));
afterAll(() => rmSync(onlyNode, { recursive: true, force: true }));

describe("npm test's prerequisite check", () => {
  it('stops within seconds, before vitest starts, with one message and the install commands per missing tool', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ['scripts/test.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 10_000,
      // No Chromium where it is looked for, and nothing on PATH but node: no redis-server, no docker-compose.
      env: { PATH: onlyNode, HOME: process.env.HOME, CHROMIUM_PATH: join(onlyNode, 'chromium') },
    });
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stderr).toContain('npm test cannot run: 3 prerequisites are missing.');
    expect(result.stderr).toMatch(/✗ Chromium[^\n]*\n {2}needed by: e2e\n {2}Debian\/Ubuntu: sudo apt-get install chromium/);
    expect(result.stderr).toMatch(
      /✗ docker-compose[^\n]*\n {2}needed by: repo\n {2}Debian\/Ubuntu: sudo apt-get install docker-compose\n {2}macOS: +brew install docker-compose/,
    );
    expect(result.stderr).toMatch(/✗ redis-server[^\n]*\n {2}needed by: web\n {2}Debian\/Ubuntu: sudo apt-get install redis-server/);
    expect(result.stderr).toContain('npm test -- --project search --project cms --project cms-unit\n');
    expect(result.stdout).not.toContain('RUN');
  });

  it('checks only what the chosen projects need', async () => {
    const env = { PATH: onlyNode, CHROMIUM_PATH: join(onlyNode, 'chromium') };
    expect(await findMissingPrerequisites(['cms-unit'], env)).toEqual([]);
    expect((await findMissingPrerequisites(['web'], env)).map((item) => item.neededBy)).toEqual([['web']]);
    expect((await findMissingPrerequisites(['e2e'], env)).map((item) => item.neededBy)).toEqual([['e2e']]);
  });

  it("reads the projects from vitest's arguments", () => {
    expect(selectedProjects([])).toEqual([...PROJECTS]);
    expect(selectedProjects(['--project', 'cms', '--project=web', 'some/file.test.ts'])).toEqual(['cms', 'web']);
  });

  it('finds everything on this machine (CI installs it)', async () => {
    expect(await findMissingPrerequisites(PROJECTS)).toEqual([]);
  });
});
