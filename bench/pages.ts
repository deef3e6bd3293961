// `npm run bench:pages`: server response time of the case-study detail page at
// concurrency 8, with the site's caches (the page cache and the detail cache, dropped by the
// CMS's change notices) and without them; the page weight of a detail page; and freshness with the caches on: publish →
// the new title on the detail page, and a renamed topic → the search page's filter label
// (BENCH_FRESHNESS_ROUNDS each, p50/p95); and the site's memory under a minute of mixed load and a
// minute after it (BENCH_MIXED_SECONDS). Runs the stack with the demo content. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, waitForHttp } from '@praxis/tooling/processes';
import { WEB_DIR, WEB_NODE_FLAGS, WEB_SERVER_ENTRY } from '@praxis/tooling/web-build';
import { startBenchStack } from './bench-stack.ts';
import { request } from './http-client.ts';
import { assetWeight, measure, tableRow, TABLE_HEAD } from './measure.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 800);
/** Seconds of mixed load, then of quiet, for the site's memory (issue 17: ≤ idle + 150 MB, back to idle + 50 MB within 60 s). */
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const signedMb = (bytes: number) => `${bytes < 0 ? '−' : '+'}${Math.abs(mb(bytes))}`;
const FRESHNESS_ROUNDS = Number(process.env.BENCH_FRESHNESS_ROUNDS ?? 40);
const ADMIN_PASSWORD = `Bench-${Date.now()}-pw`;
const dir = mkdtempSync(join(tmpdir(), 'praxis-bench-pages-'));
const uncachedPort = await freePort();
const stack = await startBenchStack(dir, { SEED_DEMO_CONTENT: 'true', ADMIN_PASSWORD });
// A second site process against the same CMS and index, with the detail cache and the page cache off.
const uncached = spawn(process.execPath, [...WEB_NODE_FLAGS, WEB_SERVER_ENTRY], {
  cwd: WEB_DIR,
  stdio: 'ignore',
  env: { ...stack.siteEnv, PORT: String(uncachedPort), NUXT_CASE_STUDY_CACHE: 'false', NUXT_PAGE_CACHE: 'false' },
});
const uncachedUrl = `http://127.0.0.1:${uncachedPort}`;

try {
  await waitForHttp(`${uncachedUrl}/api/health`, 30_000, uncached);
  const list = (await (await fetch(`${stack.cmsUrl}/api/case-studies?locale=de&fields[0]=slug&pagination[pageSize]=100`)).json()) as {
    data: { slug: string }[];
  };
  const paths = list.data.map((entry) => `/praxisbeispiele/${entry.slug}`);
  const work = (base: string) => Array.from({ length: REQUESTS }, (_, index) => () => request(`${base}${paths[index % paths.length]}`));

  await measure(work(stack.siteUrl).slice(0, 100), 4);
  await measure(work(uncachedUrl).slice(0, 100), 4);
  const cached = await measure(work(stack.siteUrl), 8);
  const rows = [
    tableRow('detail page, caches on, concurrency 8', cached),
    tableRow('detail page, caches off, concurrency 8', await measure(work(uncachedUrl), 8)),
  ];

  // Page weight: the HTML plus every script, stylesheet and preload it references, gzipped.
  const html = await (await fetch(`${stack.siteUrl}${paths[0]}`)).text();
  const assets = await assetWeight(html, /<(?:script[^>]+src|link[^>]+href)="(\/_nuxt\/[^"]+)"/g, stack.siteUrl);
  const raw = Buffer.byteLength(html) + assets.raw;
  const gzip = gzipSync(html, { level: 9 }).length + assets.gzip;

  console.log(`\nbench:pages — ${paths.length} German demo case studies, ${REQUESTS} requests per row\n`);
  console.log(TABLE_HEAD);
  for (const row of rows) console.log(row);
  console.log(`\ndetail page with the caches on at concurrency 8: ${cached.perSecond.toFixed(0)} pages/s (target ≥ 300)`);
  const freshness = await measureFreshness(paths);

  console.log(`\nfreshness with the caches on (${FRESHNESS_ROUNDS} rounds each, from the CMS call until the site shows it):`);
  for (const [what, times] of Object.entries(freshness)) {
    const sorted = times.sort((a, b) => a - b);
    console.log(`  ${what.padEnd(52)} p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted.at(-1)} ms`);
  }
  const memory = await measureMixedLoadMemory(paths);
  console.log(
    `\nsite RSS under ${MIXED_SECONDS} s of mixed load at concurrency 8 (home, search pages, detail pages, /api/search; ${memory.requests} requests), a site process of its own:`,
  );
  console.log(
    `  idle ${mb(memory.idle)} MB, peak ${mb(memory.peak)} MB (${signedMb(memory.peak - memory.idle)}, target ≤ +150), ${MIXED_SECONDS} s later ${mb(memory.after)} MB (${signedMb(memory.after - memory.idle)}, target ≤ +50)`,
  );
  console.log(
    `\ndetail page weight: HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB + ${assets.files} assets = ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`,
  );
} finally {
  uncached.kill();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Idle, peak and afterwards resident memory of a fresh site process under a mixed load. */
async function measureMixedLoadMemory(detailPaths: string[]): Promise<{ idle: number; peak: number; after: number; requests: number }> {
  const port = await freePort();
  const site = spawn(process.execPath, [...WEB_NODE_FLAGS, WEB_SERVER_ENTRY], { cwd: WEB_DIR, stdio: 'ignore', env: { ...stack.siteEnv, PORT: String(port) } });
  const base = `http://127.0.0.1:${port}`;
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${site.pid}/status`, 'utf8'))![1]) * 1024;
  try {
    await waitForHttp(`${base}/api/health`, 30_000, site);
    const searches = ['', 'q=Kita', 'topic=bewegung', 'region=Arnsberg&sort=title', 'q=Eltern&targetGroup=eltern', 'status=laufend', 'q=Sprache&page=1'];
    const paths = [
      '/',
      '/en',
      ...searches.map((query) => `/praxisbeispiele?${query}`),
      ...searches.map((query) => `/api/search?${query}`),
      ...detailPaths,
      '/praxisbeispiele/karte',
    ];
    for (const path of paths) await request(`${base}${path}`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idle = rss();
    let peak = idle;
    let requests = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss());
    }, 200);
    const deadline = performance.now() + MIXED_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let next = worker; performance.now() < deadline; next += 8) {
          await request(`${base}${paths[next % paths.length]}`);
          requests++;
        }
      }),
    );
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, MIXED_SECONDS * 1000));
    return { idle, peak, after: rss(), requests };
  } finally {
    site.kill();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Milliseconds from `started` until `check` holds (polled every 10 ms). */
async function visibleAfter(started: number, check: () => Promise<boolean>): Promise<number> {
  while (!(await check())) {
    if (performance.now() - started > 120_000) throw new Error('a change was not visible after two minutes');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Math.round(performance.now() - started);
}

/** Publishes new titles and renames a topic through the admin API, as the admin panel does, and times when the site shows them. */
async function measureFreshness(paths: string[]): Promise<Record<string, number[]>> {
  const login = await fetch(`${stack.cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'redaktion@example.org', password: ADMIN_PASSWORD }),
  });
  const {
    data: { token },
  } = (await login.json()) as { data: { token: string } };
  const admin = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${stack.cmsUrl}/content-manager/collection-types/${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ documentId?: string; data?: { documentId: string }; results?: { documentId: string; name: string }[] }>;
  };
  const page = async (path: string) => (await fetch(`${stack.siteUrl}${path}`)).text();
  const published: number[] = [];
  const renamed: number[] = [];
  for (let round = 0; round < FRESHNESS_ROUNDS; round++) {
    const path = paths[round % paths.length]!;
    await page(path);
    await page(path); // now from the cache
    const answer = (await fetch(`${stack.siteUrl}/api/case-studies/${path.split('/').at(-1)}?locale=de`).then((response) => response.json())) as {
      caseStudy: { documentId: string };
    };
    const { documentId } = answer.caseStudy;
    const title = `Neuer Titel ${round} ${Date.now()}`;
    const started = performance.now();
    await admin('PUT', `api::case-study.case-study/${documentId}?locale=de`, { title });
    await admin('POST', `api::case-study.case-study/${documentId}/actions/publish?locale=de`, {});
    published.push(await visibleAfter(started, async () => (await page(path)).includes(title)));
  }
  const { results } = await admin('GET', 'api::topic.topic?pageSize=1', undefined);
  const topic = results![0]!;
  for (let round = 0; round < FRESHNESS_ROUNDS; round++) {
    await page('/praxisbeispiele');
    const name = `Handlungsfeld ${round} ${Date.now()}`;
    const started = performance.now();
    await admin('PUT', `api::topic.topic/${topic.documentId}`, { name });
    renamed.push(await visibleAfter(started, async () => (await page('/praxisbeispiele')).includes(name)));
  }
  return { 'publish → new title on the detail page': published, 'topic renamed → new filter label on the search page': renamed };
}
