// `npm run bench:import`: the spreadsheet import as editors run it from the admin (the importer
// in cms/src/import, same code path), against a real Strapi on a throwaway database: a 2,000-row
// Excel file (rate), then 10,000 rows (rate and memory). Prints case studies per second and the
// process's RSS before, while and after; asserts nothing. "settled" is when the database is idle
// again: Strapi's document service emits its entry events (each a deep-populated read) only after
// the import's transaction commits.
// BENCH_IMPORT_ROWS=2000,10000 sets the file sizes; BENCH_DATABASE=postgres runs on PostgreSQL
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), else SQLite.
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import { loadStrapi, stopStrapi } from '../cms/scripts/strapi-app.mts';
import { testEnvironment } from '../cms/tests/helpers/strapi.mts';
import { createTestDatabase } from '../cms/tests/helpers/test-database.mts';
import { generateCaseStudies } from './generate-case-studies.ts';

const require = createRequire(import.meta.url);
const ROWS = (process.env.BENCH_IMPORT_ROWS ?? '2000,10000').split(',').map(Number);
if (process.env.BENCH_DATABASE === 'postgres') process.env.TEST_DATABASE_CLIENT = 'postgres';
const database = await createTestDatabase();
Object.assign(process.env, testEnvironment(database.env), { SEARCH_SYNC_WORKER: 'false' });

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const strapi = await loadStrapi({ logLevel: 'error' });
// The CMS's compiled modules (dist), as the running CMS uses them.
const { buildWorkbook } = require('../cms/dist/src/import/workbook.js') as typeof import('../cms/src/import/workbook.ts');
const { valueLists } = require('../cms/dist/src/import/export-records.js') as typeof import('../cms/src/import/export-records.ts');
const { recordToRow } = require('../cms/dist/src/import/table-rows.js') as typeof import('../cms/src/import/table-rows.ts');
const importer = strapi.service('api::case-study.importer') as unknown as {
  importContent(name: string, content: Uint8Array, options: object): Promise<{ created: number; issues: unknown[]; written: boolean }>;
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

console.log(`\nbench:import — Excel files through the admin's importer (document service), ${database.env.DATABASE_CLIENT}, Node ${process.version}\n`);
console.log('|   rows | rows/s |      s | settled s | RSS before MB | RSS peak MB | RSS after MB |');
console.log('|-------:|-------:|-------:|----------:|--------------:|------------:|-------------:|');
try {
  let offset = 0;
  for (const count of ROWS) {
    const records = generateCaseStudies(count, offset, 11).map((record) => ({ ...record, slug: `bench-${offset}-${record.slug as string}` }));
    offset += count;
    const file = await buildWorkbook([{ locale: 'de', rows: records.map(recordToRow) }], await valueLists(strapi));
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const started = performance.now();
    const report = await importer.importContent(`bench-${count}.xlsx`, file, {
      locale: 'de',
      // The import keeps the event loop busy: the peak is sampled after each written row.
      onProgress: (done: number, total: number) => {
        const rss = process.memoryUsage().rss;
        peak = Math.max(peak, rss);
        if (done % 500 === 0 || done === total) process.stderr.write(`\r${count} rows: ${done}/${total}, RSS ${mb(rss)} MB   `);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    await settled(strapi);
    const settledSeconds = (performance.now() - started) / 1000 - 0.5;
    if (!report.written || report.created !== count) throw new Error(`the import did not write every row: ${JSON.stringify(report).slice(0, 500)}`);
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = process.memoryUsage().rss;
    console.log(`| ${String(count).padStart(6)} | ${(count / seconds).toFixed(0).padStart(6)} | ${seconds.toFixed(1).padStart(6)} | ${settledSeconds.toFixed(1).padStart(9)} | ${String(mb(before)).padStart(13)} | ${String(mb(peak)).padStart(11)} | ${String(mb(after)).padStart(12)} |`);
  }
} finally {
  await stopStrapi(strapi, 600_000);
  await database.drop();
}
