// Shared by the benchmarks: run requests with a fixed number in flight, summarise latencies, weigh pages.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface Run {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  statuses: Record<number, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Sends every request of `work` with `concurrency` in flight; the latency of each is its own round trip. */
export async function measure(work: (() => Promise<number>)[], concurrency: number): Promise<Run> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let nextIndex = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (nextIndex < work.length) {
        const job = work[nextIndex++]!;
        const t0 = performance.now();
        const status = await job();
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: (work.length / elapsed) * 1000,
    statuses,
  };
}

/** One Markdown table row. */
export function tableRow(label: string, run: Run): string {
  const ms = (value: number) => value.toFixed(1).padStart(6);
  return `| ${label.padEnd(44)} | ${ms(run.p50)} | ${ms(run.p95)} | ${ms(run.p99)} | ${run.perSecond.toFixed(0).padStart(6)} | ${JSON.stringify(run.statuses)} |`;
}

export const TABLE_HEAD = [
  '| target                                       |  p50 ms |  p95 ms |  p99 ms |  req/s | statuses |',
  '|----------------------------------------------|--------:|--------:|--------:|-------:|----------|',
].join('\n');

/** Raw and gzip (level 9) bytes of the assets a page's HTML references, fetched from `baseUrl`. */
export async function assetWeight(html: string, pattern: RegExp, baseUrl: string): Promise<{ files: number; raw: number; gzip: number }> {
  const assets = [...new Set([...html.matchAll(pattern)].map((match) => match[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(new URL(asset, baseUrl))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: assets.length, raw, gzip };
}

/** CPU time (user + system, ms) a process has used so far: /proc/<pid>/stat in clock ticks of 10 ms (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Runs `run` and tells how many ms of CPU each process spent per request meanwhile; `client` is
 * this benchmark's own process (sending the requests and reading the answers).
 */
export async function withCpuPerRequest<T>(
  processes: Record<string, number | undefined>,
  requests: number,
  run: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number> }> {
  const known = Object.entries(processes).filter((entry): entry is [string, number] => entry[1] !== undefined);
  const before = known.map(([, pid]) => cpuMs(pid));
  const clientBefore = process.cpuUsage();
  const result = await run();
  const client = process.cpuUsage(clientBefore);
  const cpu: Record<string, number> = Object.fromEntries(known.map(([name, pid], index) => [name, (cpuMs(pid) - before[index]!) / requests]));
  cpu.client = (client.user + client.system) / 1000 / requests;
  return { result, cpu };
}

/** "site 16.0 · meilisearch 3.1 · client 0.9 = 20.0 ms" */
export function cpuLine(cpu: Record<string, number>): string {
  const total = Object.values(cpu).reduce((sum, ms) => sum + ms, 0);
  return `${Object.entries(cpu)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(' · ')} = ${total.toFixed(1)} ms`;
}
