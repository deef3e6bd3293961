// `npm run bench:pages`: server response time of the case-study detail page at
// concurrency 8, with the one-minute detail cache and without it, and the page
// weight of a detail page. Runs the stack with the demo content. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, waitForHttp } from '@praxis/tooling/processes';
import { WEB_DIR, WEB_SERVER_ENTRY } from '../scripts/web-build.ts';
import { startBenchStack } from './bench-stack.ts';
import { request } from './http-client.ts';
import { assetWeight, measure, tableRow, TABLE_HEAD } from './measure.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 800);
const dir = mkdtempSync(join(tmpdir(), 'praxis-bench-pages-'));
const uncachedPort = await freePort();
const stack = await startBenchStack(dir, { SEED_DEMO_CONTENT: 'true' });
// A second site process against the same CMS and index, with the detail cache off.
const uncached = spawn(process.execPath, [WEB_SERVER_ENTRY], {
  cwd: WEB_DIR, stdio: 'ignore', env: { ...stack.siteEnv, PORT: String(uncachedPort), NUXT_CASE_STUDY_CACHE: 'false' },
});
const uncachedUrl = `http://127.0.0.1:${uncachedPort}`;

try {
  await waitForHttp(`${uncachedUrl}/api/health`, 30_000, uncached);
  const list = await (await fetch(`${stack.cmsUrl}/api/case-studies?locale=de&fields[0]=slug&pagination[pageSize]=100`)).json() as { data: { slug: string }[] };
  const paths = list.data.map((entry) => `/praxisbeispiele/${entry.slug}`);
  const work = (base: string) => Array.from({ length: REQUESTS }, (_, index) => () => request(`${base}${paths[index % paths.length]}`));

  await measure(work(stack.siteUrl).slice(0, 100), 4);
  await measure(work(uncachedUrl).slice(0, 100), 4);
  const rows = [
    tableRow('detail page, cached (1 min), concurrency 8', await measure(work(stack.siteUrl), 8)),
    tableRow('detail page, no cache, concurrency 8', await measure(work(uncachedUrl), 8)),
  ];

  // Page weight: the HTML plus every script, stylesheet and preload it references, gzipped.
  const html = await (await fetch(`${stack.siteUrl}${paths[0]}`)).text();
  const assets = await assetWeight(html, /<(?:script[^>]+src|link[^>]+href)="(\/_nuxt\/[^"]+)"/g, stack.siteUrl);
  const raw = Buffer.byteLength(html) + assets.raw;
  const gzip = gzipSync(html, { level: 9 }).length + assets.gzip;

  console.log(`\nbench:pages — ${paths.length} German demo case studies, ${REQUESTS} requests per row\n`);
  console.log(TABLE_HEAD);
  for (const row of rows) console.log(row);
  console.log(`\ndetail page weight: HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB + ${assets.files} assets = ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
} finally {
  uncached.kill();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
