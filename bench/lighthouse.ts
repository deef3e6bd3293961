// `npm run bench:lighthouse`: Lighthouse (mobile with its default throttling, and desktop) on
// home, search, search with a query and filters, and a detail page, in Debian's Chromium
// against the production build with the demo content. Prints the four category scores and
// LCP, TBT and CLS; asserts nothing (layout shift is asserted in the e2e suite).
// Each page is fetched once before it is measured (a visitor meets a warm server), and each
// figure is the run with the median performance score of BENCH_LIGHTHOUSE_RUNS runs (default 3):
// on this shared machine one run's TBT varies by a factor of three.
// BENCH_LIGHTHOUSE_REPORTS=<dir> also writes each full report there as JSON;
// BENCH_LIGHTHOUSE_PAGES=home,detail measures only those pages.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { freePort, waitForHttp } from '@praxis/tooling/processes';
import { startBenchStack } from './bench-stack.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPORTS = process.env.BENCH_LIGHTHOUSE_REPORTS;
const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
if (REPORTS) mkdirSync(REPORTS, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'praxis-bench-lighthouse-'));
const stack = await startBenchStack(dir, { SEED_DEMO_CONTENT: 'true' });
const debuggingPort = await freePort();
const chromium = spawn(
  CHROMIUM,
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    `--remote-debugging-port=${debuggingPort}`,
    `--user-data-dir=${join(dir, 'chromium')}`,
  ],
  { stdio: 'ignore' },
);

try {
  await waitForHttp(`http://127.0.0.1:${debuggingPort}/json/version`, 30_000, chromium);
  await waitForIndexedDemo();
  const pages: [string, string][] = [
    ['home', '/'],
    ['search', '/praxisbeispiele'],
    ['search ?q=Kita', '/praxisbeispiele?q=Kita'],
    ['search with filters', '/praxisbeispiele?q=Eltern&region=Arnsberg&topic=elternbildung'],
    ['detail', `/praxisbeispiele/${await firstSlug()}`],
  ];
  const only = process.env.BENCH_LIGHTHOUSE_PAGES?.split(',');
  const rows: string[] = [];
  for (const [device, config] of [
    ['mobile', undefined],
    ['desktop', desktopConfig],
  ] as const) {
    for (const [name, path] of pages.filter(([name]) => !only || only.includes(name))) {
      await fetch(`${stack.siteUrl}${path}`).then((response) => response.arrayBuffer());
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(`${stack.siteUrl}${path}`, { port: debuggingPort, output: 'json', logLevel: 'error' }, config);
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        runs.push(result.lhr);
      }
      runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = runs[Math.floor(runs.length / 2)]!;
      if (REPORTS) writeFileSync(join(REPORTS, `${device}-${name.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
      const { categories, audits } = lhr;
      const score = (id: string) => String(Math.round((categories[id]?.score ?? 0) * 100)).padStart(3);
      const ms = (id: string) => `${Math.round(audits[id]?.numericValue ?? 0)}`.padStart(6);
      rows.push(
        `| ${device.padEnd(7)} | ${name.padEnd(20)} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${ms('largest-contentful-paint')} | ${ms('total-blocking-time')} | ${(audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)} |`,
      );
      const failing = Object.values(audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary');
      if (failing.length > 0) console.error(`[bench] ${device} ${name}: failing audits: ${failing.map((audit) => audit.id).join(', ')}`);
    }
  }
  console.log(`\nbench:lighthouse — Lighthouse 13, Debian Chromium, production build with the demo content; median of ${RUNS} runs\n`);
  console.log('| device  | page                 | perf | a11y | best | seo | LCP ms | TBT ms |   CLS |');
  console.log('|---------|----------------------|-----:|-----:|-----:|----:|-------:|-------:|------:|');
  for (const row of rows) console.log(row);
} finally {
  chromium.kill();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The search pages are measured with the demo content in the index. */
async function waitForIndexedDemo(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${stack.siteUrl}/api/search?pageSize=1`).then(
      (response) => response.json() as Promise<{ total?: number }>,
      () => ({ total: 0 }),
    );
    if ((answer.total ?? 0) >= 40) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the demo content was not indexed within 3 minutes');
}

async function firstSlug(): Promise<string> {
  const list = (await (await fetch(`${stack.cmsUrl}/api/case-studies?locale=de&fields[0]=slug&sort=id:asc&pagination[pageSize]=1`)).json()) as {
    data: { slug: string }[];
  };
  return list.data[0]!.slug;
}
