// The restore drill of docs/operations.md, automated: dump the CMS database, wipe
// the database and the search index, restore the dump, reindex — and the search
// answers exactly as before. On PostgreSQL with pg_dump/pg_restore; on SQLite the
// dump is a copy of the database file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCaseStudies } from '@praxis/search';
import { startTestMeilisearch, waitFor, type TestMeilisearch } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const QUERIES = [
  '',
  'q=Kita',
  'topic=bewegung&region=Arnsberg',
  'buildingBlock=gesundes-aufwachsen&sort=title&pageSize=50',
  'locale=en&q=parents',
  'fundingFrom=2023&sort=newest',
];
const dumpDir = mkdtempSync(join(tmpdir(), 'praxis-restore-'));
let meili: TestMeilisearch;
let cms: TestStrapi;

async function answers(): Promise<unknown[]> {
  return Promise.all(QUERIES.map(async (query) => (await searchCaseStudies(meili.client, new URLSearchParams(query))).body));
}

async function indexedCounts(): Promise<number[]> {
  return Promise.all(
    ['de', 'en'].map(
      async (locale) =>
        (
          await meili.client
            .index(`case-studies-${locale}`)
            .getStats()
            .catch(() => ({ numberOfDocuments: 0 }))
        ).numberOfDocuments,
    ),
  );
}

async function withPostgresAdmin(work: (client: import('pg').Client, name: string) => Promise<unknown>): Promise<void> {
  const { Client } = createRequire(import.meta.url)('pg') as typeof import('pg');
  const url = new URL(cms.env.DATABASE_URL!);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work(client, name);
  } finally {
    await client.end();
  }
}

const postgres = () => cms.env.DATABASE_CLIENT === 'postgres';
const dumpFile = join(dumpDir, 'cms.dump');

beforeAll(async () => {
  meili = await startTestMeilisearch();
  cms = await startTestStrapi({ demoContent: true, env: meili.syncEnv });
  await waitFor(async () => (await indexedCounts()).join() === '42,12', 60_000);
});
afterAll(async () => {
  await cms?.stop();
  await meili?.destroy();
  rmSync(dumpDir, { recursive: true, force: true });
});

describe('restore drill', () => {
  it('dump, wipe database and index, restore, reindex: the search answers exactly as before', async () => {
    const before = await answers();

    // 1. Backup (docs/operations.md "Backups").
    if (postgres()) execFileSync('pg_dump', ['--format=custom', `--file=${dumpFile}`, cms.env.DATABASE_URL!]);
    else copyFileSync(cms.env.DATABASE_FILENAME!, dumpFile);

    // 2. Disaster: the CMS stops, its database and the whole search index are gone.
    await cms.shutdown();
    if (postgres())
      await withPostgresAdmin((client, name) => client.query(`DROP DATABASE ${name} WITH (FORCE)`).then(() => client.query(`CREATE DATABASE ${name}`)));
    else rmSync(cms.env.DATABASE_FILENAME!);
    for (const locale of ['de', 'en']) await meili.client.deleteIndex(`case-studies-${locale}`).waitTask();
    expect(await indexedCounts()).toEqual([0, 0]);

    // 3. Restore the dump into the empty database, start the CMS, rebuild the index.
    if (postgres()) execFileSync('pg_restore', ['--no-owner', `--dbname=${cms.env.DATABASE_URL!}`, dumpFile]);
    else copyFileSync(dumpFile, cms.env.DATABASE_FILENAME!);
    cms = await startTestStrapi({ restartOf: cms });
    await (cms.strapi.service('api::sync.sync') as unknown as { reindex(): Promise<Record<string, number>> }).reindex();

    expect(await indexedCounts()).toEqual([42, 12]);
    const after = await answers();
    for (const [index, query] of QUERIES.entries()) expect(after[index], query).toEqual(before[index]);
  });
});
