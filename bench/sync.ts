// `npm run bench:sync`: publish → searchable latency, outbox drain rate and full
// reindex time against a real Strapi (throwaway SQLite database) and a real
// Meilisearch, each next to its limit: the same documents sent straight to Meilisearch, and
// Meilisearch's own task time; then the CMS's memory over many publishes. Prints figures; asserts
// nothing. BENCH_CASE_STUDIES sets the corpus size, BENCH_PUBLISHES the publishes timed one by one,
// BENCH_MEMORY_PUBLISHES those for the memory figure (default 10,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMeiliClient, indexSettings, type SearchDocument } from '@praxis/search';
import { startMeilisearch } from '@praxis/tooling/meilisearch';
import { loadStrapi, stopStrapi } from '@praxis/cms/strapi-app';
import { testEnvironment } from '@praxis/cms/testing/strapi';
import { generateCaseStudies } from './generate-case-studies.ts';

const CORPUS = Number(process.env.BENCH_CASE_STUDIES ?? 10_000);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 200);
const MEMORY_PUBLISHES = Number(process.env.BENCH_MEMORY_PUBLISHES ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'praxis-bench-sync-'));
const masterKey = 'bench-master-key-0123456789abcdef';
const meili = await startMeilisearch({ dataDir: join(dir, 'meili'), masterKey });
Object.assign(process.env, testEnvironment({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(dir, 'cms.db') }), {
  MEILI_URL: meili.url,
  MEILI_MASTER_KEY: masterKey,
  SEARCH_SYNC_WORKER: 'false',
  SYNC_POLL_INTERVAL_MS: '1000',
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const strapi = await loadStrapi({ logLevel: 'error' });
const master = createMeiliClient(meili.url, masterKey);
const importer = strapi.service('api::case-study.importer') as {
  importContent(name: string, content: string): Promise<{ created: number; issues: unknown[] }>;
};
const sync = strapi.service('api::sync.sync') as {
  startWorker(): Promise<void>;
  reindex(): Promise<Record<string, number>>;
  backlog(): Promise<{ pending: number }>;
};
/** Meilisearch reports task durations as ISO 8601, e.g. "PT0.123456S". */
const isoDurationMs = (duration: string | null | undefined) => Number(/PT([\d.]+)S/.exec(duration ?? '')?.[1] ?? 0) * 1000;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** RSS after a full garbage collection (the script runs with --expose-gc): what is held, not what waits to be collected. */
const heldRss = () => {
  global.gc?.();
  return process.memoryUsage().rss;
};

try {
  // 1. Generate the corpus through the importer (document service) with the worker off: the outbox fills up.
  let started = Date.now();
  for (let offset = 0; offset < CORPUS; offset += 500) {
    const batch = generateCaseStudies(Math.min(500, CORPUS - offset), offset);
    const report = await importer.importContent('bench.json', JSON.stringify(batch));
    if (report.issues.length > 0) throw new Error(`generated records are invalid: ${JSON.stringify(report.issues.slice(0, 3))}`);
    process.stderr.write(`\rimporting ${offset + batch.length}/${CORPUS}`);
  }
  const importMs = Date.now() - started;
  process.stderr.write('\n');

  // 2. Drain the outbox: every imported case study → indexed.
  started = Date.now();
  await sync.startWorker();
  const index = master.index('case-studies-de');
  while ((await index.getStats()).numberOfDocuments < CORPUS) await new Promise((resolve) => setTimeout(resolve, 100));
  const drainMs = Date.now() - started;

  // 3. Full reindex with swap.
  started = Date.now();
  const counts = await sync.reindex();
  const reindexMs = Date.now() - started;

  // 3b. The limit to compare the reindex with: the same documents sent straight to a scratch index
  // with the same settings, in the same batches, queued and then confirmed (no CMS, no mapping).
  const raw: SearchDocument[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const page = await index.getDocuments<SearchDocument>({ limit: 1_000, offset });
    raw.push(...page.results);
    if (page.results.length < 1_000) break;
  }
  await master.createIndex('raw-bench', { primaryKey: 'documentId' }).waitTask();
  await master.index('raw-bench').updateSettings(indexSettings('de')).waitTask();
  started = Date.now();
  const rawTasks = [];
  for (let offset = 0; offset < raw.length; offset += 500) rawTasks.push(await master.index('raw-bench').addDocuments(raw.slice(offset, offset + 500)));
  await master.tasks.waitForTasks(rawTasks, { timeout: 600_000 });
  const rawMs = Date.now() - started;
  await master.deleteIndex('raw-bench').waitTask();

  // 4. Publish → searchable, one at a time: a draft is imported first, then the clock runs from publish().
  const latencies: number[] = [];
  const documents = strapi.documents('api::case-study.case-study');
  for (let i = 0; i < PUBLISHES; i += 1) {
    const [record] = generateCaseStudies(1, CORPUS + i, 7);
    await importer.importContent('draft.json', JSON.stringify([{ ...record, publish: false }]));
    const draft = await documents.findFirst({ locale: 'de', filters: { slug: record!.slug as string } });
    const begin = performance.now();
    await documents.publish({ documentId: draft!.documentId, locale: 'de' });
    const hits = () => index.search('', { filter: `slug = "${record!.slug}"`, limit: 1 });
    while ((await hits()).hits.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    latencies.push(performance.now() - begin);
  }
  latencies.sort((a, b) => a - b);
  // How much of that is Meilisearch's own indexing time (the tasks of those publishes).
  const tasks = await master.tasks.getTasks({ indexUids: ['case-studies-de'], types: ['documentAdditionOrUpdate'], statuses: ['succeeded'], limit: PUBLISHES });
  const taskMs = tasks.results.map((task) => isoDurationMs(task.duration)).sort((a, b) => a - b);

  // 5. The CMS's memory over many publishes, the sync worker on: a hundred case studies, each changed
  // and published in turn. The bench's own data (the corpus, the figures) is the same before and after.
  const cycled = (await documents.findMany({ locale: 'de', status: 'published', fields: ['title'], limit: 100 })).map((entry) => ({
    documentId: entry.documentId,
    title: String(entry.title),
  }));
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idleRss = heldRss();
  let peakRss = idleRss;
  started = Date.now();
  for (let i = 0; i < MEMORY_PUBLISHES; i += 1) {
    const { documentId, title } = cycled[i % cycled.length]!;
    await documents.update({ documentId, locale: 'de', data: { title: `${title.replace(/ \(\d+\)$/, '')} (${i})` } as never });
    await documents.publish({ documentId, locale: 'de' });
    if (i % 250 === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      process.stderr.write(`\rpublishing ${i}/${MEMORY_PUBLISHES}, RSS ${mb(process.memoryUsage().rss)} MB`);
    }
  }
  const memoryPublishMs = Date.now() - started;
  while ((await sync.backlog()).pending > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const afterRss = heldRss();
  process.stderr.write('\n');

  console.log(`
bench:sync — ${CORPUS} generated case studies, SQLite, Meilisearch 1.21, node ${process.versions.node}
  import through the document service   ${seconds(importMs)} s  (${Math.round(CORPUS / (importMs / 1000))} case studies/s)
  outbox drain (${CORPUS} rows → indexed)  ${seconds(drainMs)} s  (${Math.round(CORPUS / (drainMs / 1000))} rows/s)
  full reindex with swap                ${seconds(reindexMs)} s  (de: ${counts.de}, en: ${counts.en})
    limit: raw addDocuments, same docs   ${seconds(rawMs)} s  (${Math.round(CORPUS / (rawMs / 1000))} documents/s)
    reindex over raw                     ×${(reindexMs / rawMs).toFixed(2)} (target ≤ 2)
    outbox drain over raw                ×${(drainMs / rawMs).toFixed(2)} (target: ≥ 1,000 rows/s)
  publish → searchable (${PUBLISHES} publishes)  p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms (target: p95 ≤ 500 ms)
    of which Meilisearch indexing task   p50 ${percentile(taskMs, 50).toFixed(0)} ms, p95 ${percentile(taskMs, 95).toFixed(0)} ms
  CMS RSS over ${MEMORY_PUBLISHES} publishes (${Math.round(MEMORY_PUBLISHES / (memoryPublishMs / 1000))}/s, each synced)  idle ${mb(idleRss)} MB, peak ${mb(peakRss)} MB, after ${mb(afterRss)} MB (+${mb(afterRss - idleRss)}, target ≤ +200)
`);
} finally {
  await stopStrapi(strapi);
  await meili.stop();
  rmSync(dir, { recursive: true, force: true });
}
