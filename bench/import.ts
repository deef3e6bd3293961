// `npm run bench:import`: the spreadsheet import as editors run it from the admin (the importer
// in cms/src/import, same code path), against a real Strapi on a throwaway database: a 2,000-row
// Excel file (rate), then 10,000 rows (rate and memory). Prints case studies per second and the
// process's RSS before, while and after; asserts nothing. "settled" is when the database is idle
// again (work the import leaves for after its commit, such as the document service's entry
// events, would show here; the bulk writer for new case studies leaves none).
// Then the first UPDATES rows of the first file again, each changed (BENCH_IMPORT_UPDATES, default 1000).
// BENCH_IMPORT_ROWS=2000,10000 sets the file sizes; BENCH_DATABASE=postgres runs on PostgreSQL
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), else SQLite.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CMS_DIR, isBuildFresh, markBuildFresh } from '@praxis/tooling/build-hash';
import type { Core } from '@strapi/strapi';
import { loadStrapi, stopStrapi } from '@praxis/cms/strapi-app';
import { testEnvironment } from '@praxis/cms/testing/strapi';
import { createTestDatabase } from '@praxis/cms/testing/database';
import { generateCaseStudies } from './generate-case-studies.ts';

const require = createRequire(import.meta.url);
const ROWS = (process.env.BENCH_IMPORT_ROWS ?? '2000,10000').split(',').map(Number);
const UPDATES = Number(process.env.BENCH_IMPORT_UPDATES ?? 1000);
if (process.env.BENCH_DATABASE === 'postgres') process.env.TEST_DATABASE_CLIENT = 'postgres';
const database = await createTestDatabase();
Object.assign(process.env, testEnvironment(database.env), { SEARCH_SYNC_WORKER: 'false' });

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
// The CMS as it runs in production, from its build: compiling in-process would keep the
// TypeScript compiler's ~400 MB in the RSS measured here.
if (!isBuildFresh()) {
  console.log('building the CMS (strapi build) …');
  const build = spawnSync(join(CMS_DIR, '..', 'node_modules', '.bin', 'strapi'), ['build'], { cwd: CMS_DIR, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('strapi build failed');
  markBuildFresh();
}
const strapi = await loadStrapi({ compile: false, logLevel: 'error' });
global.gc?.();
const idle = process.memoryUsage().rss;
// The CMS's compiled modules (dist), as the running CMS uses them.
const { buildWorkbook, valueLists, recordToRow } = require('@praxis/cms/import-format') as typeof import('@praxis/cms/import-format');
const importer = strapi.service('api::case-study.importer') as unknown as {
  importContent(name: string, content: Uint8Array, options: object): Promise<{ created: number; updated: number; issues: unknown[]; written: boolean }>;
};

/** Resolves once the database pool has had nothing to do for half a second. */
async function settled(instance: Core.Strapi): Promise<void> {
  const pool = (instance.db.connection as unknown as { client: { pool: { numUsed(): number; numPendingAcquires(): number } } }).client.pool;
  let idleSince = performance.now();
  while (performance.now() - idleSince < 500) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (pool.numUsed() > 0 || pool.numPendingAcquires() > 0) idleSince = performance.now();
  }
}

console.log(
  `\nbench:import — Excel files through the admin's importer (new case studies: bulk writer), ${database.env.DATABASE_CLIENT}, Node ${process.version}`,
);
console.log(`CMS idle after start: RSS ${mb(idle)} MB; "before" adds the bench's own generated records and Excel file\n`);
console.log('| file                 | rows/s |      s | settled s | RSS before MB | RSS peak MB | RSS after MB |');
console.log('|:---------------------|-------:|-------:|----------:|--------------:|------------:|-------------:|');

/** Imports `records` as one Excel file and prints its row of the table. */
async function importRow(label: string, records: Record<string, unknown>[], outcome: 'created' | 'updated'): Promise<void> {
  const file = await buildWorkbook([{ locale: 'de', rows: records.map(recordToRow) }], await valueLists(strapi));
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const started = performance.now();
  const report = await importer.importContent(`${label}.xlsx`, file, {
    locale: 'de',
    // The import keeps the event loop busy: the peak is sampled at each progress step.
    onProgress: (done: number, total: number) => {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      if (done % 100 === 0 || done === total) process.stderr.write(`\r${label}: ${done}/${total}, RSS ${mb(rss)} MB   `);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  await settled(strapi);
  const settledSeconds = (performance.now() - started) / 1000 - 0.5;
  if (!report.written || report[outcome] !== records.length) throw new Error(`the import did not write every row: ${JSON.stringify(report).slice(0, 500)}`);
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = process.memoryUsage().rss;
  console.log(
    `| ${label.padEnd(20)} | ${(records.length / seconds).toFixed(0).padStart(6)} | ${seconds.toFixed(1).padStart(6)} | ${settledSeconds.toFixed(1).padStart(9)} | ${String(mb(before)).padStart(13)} | ${String(mb(peak)).padStart(11)} | ${String(mb(after)).padStart(12)} |`,
  );
}

try {
  let offset = 0;
  let first: Record<string, unknown>[] = [];
  for (const count of ROWS) {
    const records = generateCaseStudies(count, offset, 11).map((record) => ({ ...record, slug: `bench-${offset}-${record.slug as string}` }));
    if (offset === 0) first = records;
    offset += count;
    await importRow(`${count} new`, records, 'created');
  }
  // Edited rows of a re-imported export: updates, which go through the document service.
  const changed = first.slice(0, UPDATES).map((record) => ({ ...record, teaser: `${record.teaser as string} Überarbeitet.` }));
  if (changed.length > 0) await importRow(`${changed.length} changed`, changed, 'updated');
} finally {
  await stopStrapi(strapi, 600_000);
  await database.drop();
}
