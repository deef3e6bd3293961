import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { testEnvironment } from '../helpers/strapi.mts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.mts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const run = promisify(execFile);
let database: TestDatabase;
let env: NodeJS.ProcessEnv;
const dir = mkdtempSync(join(tmpdir(), 'praxis-import-cli-'));

beforeAll(async () => {
  // The CLI boots the CMS on a copy of the seeded template, as every other test file does.
  const { seeded, secrets } = inject('cmsTemplates');
  database = await createTestDatabase(seeded);
  env = { ...process.env, ...testEnvironment(database.env, { secrets }) };
});
afterAll(async () => {
  await database?.drop();
});

async function importCli(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'import', '--', ...args], { cwd: ROOT, env, timeout: 180_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run import', () => {
  it('reports each invalid record and exits 1 without writing, then imports a valid file and exits 0', async () => {
    writeFileSync(join(dir, 'invalid.json'), JSON.stringify([caseStudyRecord({ slug: 'cli-a' }), caseStudyRecord({ slug: 'cli-b', status: 'pausiert' })]));
    writeFileSync(join(dir, 'valid.json'), JSON.stringify([caseStudyRecord({ slug: 'cli-a' })]));

    const invalid = await importCli(join(dir, 'invalid.json'));
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('error: Datensatz 2, Projektstatus: „pausiert“ ist kein Projektstatus; erlaubt: Laufend, Abgeschlossen, Verstetigt');
    expect(invalid.stderr).toContain('Nothing was written');
    expect(invalid.stdout).toContain('2 records (de): 1 would be created, 0 would be updated, 0 unchanged, 1 invalid.');

    const valid = await importCli(join(dir, 'valid.json'), '--locale', 'de');
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toContain('1 records (de): 1 created, 0 updated, 0 unchanged, 0 invalid.');
    expect(valid.stdout).toContain('Created: „Stadtteilmütter im Quartier Nordstadt“');
    // Without --user, the editorial record names the command line.
    expect(valid.stdout).toContain('Recorded in the editorial history as "Import (Kommandozeile)".');
  });

  it('explains its usage and refuses a missing file', async () => {
    expect((await importCli()).stderr).toContain('Usage: npm run import --');
    const missing = await importCli('nope.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('File not found');
  });
});
