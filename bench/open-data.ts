// `npm run bench:open-data`: the open-data downloads of 10,000 case studies (BENCH_CASE_STUDIES):
// time, size and how much the site process's memory (RSS) grows while it streams each file, on a
// site process of its own so nothing else runs in it. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMeiliClient } from '@praxis/search';
import { freePort, waitForHttp } from '@praxis/tooling/processes';
import { WEB_DIR, WEB_NODE_FLAGS, WEB_SERVER_ENTRY } from '@praxis/tooling/web-build';
import { startBenchStack } from './bench-stack.ts';
import { generateSearchDocuments } from './search-corpus.ts';

const CORPUS = Number(process.env.BENCH_CASE_STUDIES ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'praxis-bench-open-data-'));
const stack = await startBenchStack(dir, { SEED_DEMO_CONTENT: 'false', SYNC_RECONCILE_INTERVAL_MS: String(24 * 3_600_000) });
const port = await freePort();
const site = spawn(process.execPath, [...WEB_NODE_FLAGS, WEB_SERVER_ENTRY], { cwd: WEB_DIR, stdio: 'ignore', env: { ...stack.siteEnv, PORT: String(port) } });
const siteUrl = `http://127.0.0.1:${port}`;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
/** The site process's resident memory, from the kernel (the process is not this one). */
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${site.pid}/status`, 'utf8'))![1]) * 1024;

try {
  await waitForHttp(`${siteUrl}/api/health`, 30_000, site);
  const master = createMeiliClient(stack.meiliUrl, stack.masterKey, 120_000);
  const documents = generateSearchDocuments(CORPUS);
  for (let offset = 0; offset < documents.length; offset += 2_000) {
    await master
      .index('case-studies-de')
      .addDocuments(documents.slice(offset, offset + 2_000))
      .waitTask({ timeout: 300_000 });
  }
  // Warm-up: a small file, so the measured growth is the download's and not the first request's.
  await (await fetch(`${siteUrl}/api/v1/open-data/districts.json`)).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idle = rss();

  console.log(`\nbench:open-data — ${CORPUS} case studies; site RSS at idle ${mb(idle)} MB\n`);
  console.log('| file                  |      s |  size MB | RSS peak MB | growth MB | RSS after 10 s MB |');
  console.log('|-----------------------|-------:|---------:|------------:|----------:|------------------:|');
  for (const file of ['case-studies.json', 'case-studies.csv', 'case-studies.xlsx']) {
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss());
    }, 20);
    const started = performance.now();
    const response = await fetch(`${siteUrl}/api/v1/open-data/${file}`);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`);
    let size = 0;
    // Read as a client would, chunk by chunk, without keeping the body.
    for await (const chunk of response.body!) size += (chunk as Uint8Array).length;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    console.log(
      `| ${file.padEnd(21)} | ${seconds.toFixed(1).padStart(6)} | ${(size / 1e6).toFixed(1).padStart(8)} | ${mb(peak).padStart(11)} | ${mb(peak - idle).padStart(9)} | ${mb(rss()).padStart(17)} |`,
    );
  }
  console.log('\ntarget: growth ≤ 100 MB while streaming 10,000 case studies');
} finally {
  site.kill();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
