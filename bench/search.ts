// `npm run bench:search`: latency and throughput of the site's /api/search next to
// the same multi-search sent straight to Meilisearch, SSR throughput of the search
// page and the JavaScript it ships. Prints figures; asserts nothing. All requests use
// a node:http keep-alive client (see http-client.ts) so the figures are the servers'.
// BENCH_CASE_STUDIES sets the corpus size (default 10,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMultiSearch, createMeiliClient, indexQuery, parseSearchParams } from '@praxis/search';
import { startBenchStack } from './bench-stack.ts';
import { request } from './http-client.ts';
import { assetWeight, cpuLine, measure, tableRow, TABLE_HEAD, withCpuPerRequest, type Run } from './measure.ts';
import { generateSearchDocuments, searchQueryMix } from './search-corpus.ts';

const CORPUS = Number(process.env.BENCH_CASE_STUDIES ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'praxis-bench-search-'));
const stack = await startBenchStack(dir, {
  SEED_DEMO_CONTENT: 'false',
  // The corpus goes straight into the index; a reconciliation would remove it as orphaned.
  SYNC_RECONCILE_INTERVAL_MS: String(24 * 3_600_000),
});
const masterKey = stack.masterKey;

try {
  // 1. The corpus, written straight into the live index (the CMS holds no case studies).
  const master = createMeiliClient(stack.meiliUrl, masterKey, 120_000);
  const documents = generateSearchDocuments(CORPUS);
  const started = Date.now();
  for (let offset = 0; offset < documents.length; offset += 2_000) {
    await master
      .index('case-studies-de')
      .addDocuments(documents.slice(offset, offset + 2_000))
      .waitTask({ timeout: 300_000 });
  }
  console.error(`[bench] indexed ${CORPUS} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Disjoint sets of distinct queries: a page asked once more comes from the site's page cache,
  // so each rendering row asks pages no earlier row asked.
  const all = searchQueryMix(620, documents);
  const [warm, once, queries] = [all.slice(0, 20), all.slice(20, 220), all.slice(220)];
  const searchKey = stack.searchKey;
  const site = (query: string) => () => request(`${stack.siteUrl}/api/search?${query}`);
  const multiSearchBody = (query: string) => {
    const parsed = parseSearchParams(new URLSearchParams(query));
    return parsed.state
      ? JSON.stringify({ queries: buildMultiSearch(parsed.state, { q: indexQuery(parsed.state) ?? '', matchingStrategy: 'last' }) })
      : undefined;
  };
  const raw = (query: string) => {
    const body = multiSearchBody(query);
    return async () => {
      if (!body) return 400;
      return request(`${stack.meiliUrl}/multi-search`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${searchKey}` },
      });
    };
  };
  const page = (query: string) => () => request(`${stack.siteUrl}/praxisbeispiele?${query}`);
  const mapPage = (query: string) => () => request(`${stack.siteUrl}/praxisbeispiele/karte?${query}`);

  // Warm-up: caches, JIT, connection pools.
  await measure(queries.slice(0, 100).map(site), 4);
  await measure(queries.slice(0, 100).map(raw), 4);
  await measure(warm.map(page), 2);
  await measure(warm.map(mapPage), 2);

  const rows: string[] = [];
  const report = (label: string, run: Run) => rows.push(tableRow(label, run));
  const results: Record<string, Run> = {};
  for (const concurrency of [1, 16]) {
    const repeat = concurrency === 1 ? 1 : 4;
    const mix = Array.from({ length: repeat }, () => queries).flat();
    results[`raw${concurrency}`] = await measure(mix.map(raw), concurrency);
    report(`Meilisearch /multi-search, concurrency ${concurrency}`, results[`raw${concurrency}`]!);
    results[`site${concurrency}`] = await measure(mix.map(site), concurrency);
    report(`site /api/search, concurrency ${concurrency}`, results[`site${concurrency}`]!);
  }
  const ssr: Record<string, Run> = {};
  report('SSR /praxisbeispiele?…, 200 distinct, conc. 1', (ssr.list1 = await measure(once.map(page), 1)));
  // Where the machine's two cores go per request: the site, Meilisearch and this client.
  const processes = { site: stack.pids.site, meilisearch: stack.pids.meilisearch };
  const list8 = await withCpuPerRequest(processes, queries.length, () => measure(queries.map(page), 8));
  report('SSR /praxisbeispiele?…, 400 distinct, conc. 8', (ssr.list8 = list8.result));
  // The limits the search page is measured against (issue 17): the API with the same queries and
  // concurrency, and a static file of the same server; and pages asked again (the page cache).
  const api8 = await withCpuPerRequest(processes, queries.length, () => measure(queries.map(site), 8));
  report('site /api/search, same 400, concurrency 8', (ssr.api8 = api8.result));
  report(
    'static /favicon.svg, concurrency 8',
    (ssr.static8 = await measure(
      Array.from({ length: 400 }, () => () => request(`${stack.siteUrl}/favicon.svg`)),
      8,
    )),
  );
  const repeated = queries.slice(0, 20);
  await measure(repeated.map(page), 1);
  report(
    'SSR repeat queries (20 × 20), concurrency 8',
    (ssr.repeat8 = await measure(
      Array.from({ length: 20 }, () => repeated)
        .flat()
        .map(page),
      8,
    )),
  );
  // The map view of the same searches (issue: ≤ 1.5× the list's time): one faceted query, no per-Kreis queries.
  report('SSR /praxisbeispiele/karte?…, 200, conc. 1', (ssr.map1 = await measure(once.map(mapPage), 1)));
  report('SSR /praxisbeispiele/karte?…, 200, conc. 8', (ssr.map8 = await measure(queries.slice(0, 200).map(mapPage), 8)));
  // The whole corpus, map and list in turns (5 rounds of 40 each), so that the machine's drift
  // during the run weighs on both alike; each row is the round with the median p50. Each request
  // asks another result page: the same work as the first, but not a copy from the page cache.
  const rounds: Record<'map' | 'list', Run[]> = { map: [], list: [] };
  const resultPage = (round: number) => Array.from({ length: 40 }, (_, index) => `page=${round * 40 + index + 1}`);
  for (let round = 0; round < 5; round++) {
    rounds.map.push(await measure(resultPage(round).map(mapPage), 1));
    rounds.list.push(await measure(resultPage(round).map(page), 1));
  }
  const median = (runs: Run[]) => [...runs].sort((a, b) => a.p50 - b.p50)[Math.floor(runs.length / 2)]!;
  report('SSR /praxisbeispiele/karte, all, conc. 1', (ssr.mapAll = median(rounds.map)));
  report('SSR /praxisbeispiele, all, concurrency 1', (ssr.listAll = median(rounds.list)));

  // JavaScript the search page loads: every script and modulepreload of its HTML, and those its
  // paint-first loader adds (web/server/plugins/paint-first.ts), gzipped.
  const html = await (await fetch(`${stack.siteUrl}/praxisbeispiele`)).text();
  const js = await assetWeight(html, /(?:<script[^>]+src=|<link[^>]+rel="modulepreload"[^>]+href=|"(?:href|src)":)"([^"]+\.js)"/g, stack.siteUrl);

  console.log(`\nbench:search — ${CORPUS} case studies, ${queries.length} distinct queries (text, 0–3 facets, years, sort, page 2)\n`);
  console.log(TABLE_HEAD);
  for (const row of rows) console.log(row);
  console.log(
    `\noverhead of /api/search over raw Meilisearch (p50): concurrency 1 ×${(results.site1!.p50 / results.raw1!.p50).toFixed(2)}, concurrency 16 ×${(results.site16!.p50 / results.raw16!.p50).toFixed(2)}`,
  );
  console.log(
    `map view over list view (p50): 200 searches ×${(ssr.map1!.p50 / ssr.list1!.p50).toFixed(2)} at concurrency 1, ×${(ssr.map8!.p50 / ssr.list8!.p50).toFixed(2)} at 8; whole corpus ×${(ssr.mapAll!.p50 / ssr.listAll!.p50).toFixed(2)} (target ≤ 1.5)`,
  );
  console.log(
    `search page at concurrency 8: ${ssr.list8!.perSecond.toFixed(0)} pages/s (target ≥ 200), p95 ×${(ssr.list8!.p95 / ssr.api8!.p95).toFixed(2)} of /api/search's (target ≤ 2); repeat queries ×${(ssr.repeat8!.perSecond / ssr.static8!.perSecond).toFixed(2)} of a static file's req/s (target ≥ 0.5)`,
  );
  const pageCpu = Object.values(list8.cpu).reduce((sum, ms) => sum + ms, 0);
  console.log(`CPU per request at concurrency 8: search page ${cpuLine(list8.cpu)}; /api/search ${cpuLine(api8.cpu)}`);
  console.log(
    `  at that cost ${cpus().length} cores serve at most ${Math.round((cpus().length * 1000) / pageCpu)} search pages/s; 200 pages/s needs ≤ ${((cpus().length * 1000) / 200).toFixed(0)} ms per page in all`,
  );
  console.log(`JavaScript of the search page: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KB, ${(js.gzip / 1024).toFixed(1)} KB gzip`);
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
