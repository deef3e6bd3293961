// `npm run bench:abuse`: the security review's requests of issue 31, repeated against a fresh
// stack, with what each now gets and what it costs the site's and the CMS's memory (RSS sampled
// every 50 ms from /proc). Prints one row per request.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflate } from 'node:zlib';
import { freshSecrets } from '@praxis/tooling/env-file';
import { startBenchStack } from './bench-stack.ts';

const MB = 1024 * 1024;
const rss = (pid: number | undefined) => (pid ? Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024 : 0);

/** Runs `work` while sampling the peak RSS of `pid`; returns its result with the RSS before and at the peak. */
async function withPeak<T>(pid: number | undefined, work: () => Promise<T>): Promise<{ result: T; before: number; peak: number }> {
  const before = rss(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 50);
  try {
    const result = await work();
    await new Promise((resolve) => setTimeout(resolve, 300));
    peak = Math.max(peak, rss(pid));
    return { result, before, peak };
  } finally {
    clearInterval(sampler);
  }
}

/** Sends up to `total` bytes as a chunked body until an answer arrives (raw socket: the site closes early). */
function flood(url: string, path: string, contentType: string, total: number): Promise<{ status: number; sent: number }> {
  const { hostname, port, host } = new URL(url);
  return new Promise((resolve) => {
    let sent = 0;
    let status = 0;
    const socket = connect({ host: hostname, port: Number(port) });
    const chunk = Buffer.concat([Buffer.from(`${(64 * 1024).toString(16)}\r\n`), Buffer.alloc(64 * 1024, 'a'), Buffer.from('\r\n')]);
    const finish = () => {
      socket.destroy();
      resolve({ status, sent });
    };
    socket.on('data', (data: Buffer) => {
      status ||= Number(/^HTTP\/1\.1 (\d{3})/.exec(data.toString('latin1'))?.[1] ?? 0);
      if (status) finish();
    });
    socket.on('error', () => setTimeout(finish, 200));
    socket.write(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const pump = () => {
      while (!status && !socket.destroyed && sent < total) {
        sent += 64 * 1024;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      if (!status && !socket.destroyed) socket.write('0\r\n\r\n');
    };
    pump();
  });
}

/** The review's pixel bomb: a real 16,000 × 16,000 PNG, all black (about 776 KB). */
async function pixelBomb(): Promise<Buffer> {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(16_000, 0);
  header.writeUInt32BE(16_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const row = Buffer.alloc(1 + 16_000 * 3);
  for (let line = 0; line < 16_000; line++) if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(parts)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = mkdtempSync(join(tmpdir(), 'praxis-bench-abuse-'));
const secrets = freshSecrets();
const stack = await startBenchStack(dir, { ...secrets, SEED_DEMO_CONTENT: 'true' });
const rows: string[] = [];
const row = (request: string, answer: string, process: string, before: number, peak: number) =>
  rows.push(`| ${request} | ${answer} | ${process} ${(before / MB).toFixed(0)} → ${(peak / MB).toFixed(0)} MB |`);
try {
  const slug = (
    (await (await fetch(`${stack.cmsUrl}/api/case-studies?locale=de&fields[0]=slug&pagination[pageSize]=1`)).json()) as { data: { slug: string }[] }
  ).data[0]!.slug;
  for (const [path, type, total, label] of [
    ['/api/contact-requests', 'application/json', 100 * MB, '100 MB chunked to /api/contact-requests'],
    [`/praxisbeispiele/${slug}/kontakt`, 'application/x-www-form-urlencoded', 50 * MB, "50 MB chunked to a contact page's form post"],
    ['/api/internal/purge', 'application/json', 100 * MB, '100 MB chunked to /api/internal/purge, unsigned'],
  ] as const) {
    const { result, before, peak } = await withPeak(stack.pids.site, () => flood(stack.siteUrl, path, type, total));
    row(label, `${result.status} after ${(result.sent / MB).toFixed(1)} MB sent`, 'site', before, peak);
  }

  const bomb = await pixelBomb();
  const login = await fetch(`${stack.cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }),
  });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const adminUpload = async (name: string, bytes: Buffer, type: string) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
    const response = await fetch(`${stack.cmsUrl}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return `${response.status} ${((await response.json()) as { error?: { message?: string } }).error?.message?.slice(0, 90) ?? ''}`;
  };
  {
    const { result, before, peak } = await withPeak(stack.pids.cms, () => adminUpload('riesig.png', bomb, 'image/png'));
    row(`pixel bomb (${(bomb.length / 1024).toFixed(0)} KB PNG, 16,000 × 16,000) to the media library`, result, 'CMS', before, peak);
  }
  {
    const form = new FormData();
    form.append(
      'submission',
      JSON.stringify({ locale: 'de', consentText: 'Ich bin einverstanden, dass meine Angaben gespeichert werden.', images: [{ alt: 'Ein sehr großes Bild' }] }),
    );
    form.append('image-0', new Blob([new Uint8Array(bomb)]), 'bombe.png');
    const { result, before, peak } = await withPeak(stack.pids.cms, async () => {
      const response = await fetch(`${stack.cmsUrl}/api/submissions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secrets.STRAPI_SITE_TOKEN}` },
        body: form,
      });
      const body = (await response.json()) as { error?: { details?: { errors?: { path: unknown[]; message: string }[] } } };
      return `${response.status} ${body.error?.details?.errors?.find((entry) => entry.path[0] === 'images')?.message ?? ''}`;
    });
    row('pixel bomb in a submission, straight to the CMS', result, 'CMS', before, peak);
  }
  {
    const { result, before, peak } = await withPeak(stack.pids.cms, () =>
      adminUpload(
        'jahresbericht.html',
        Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.from('<script>alert(1)</script>')]),
        'application/octet-stream',
      ),
    );
    row("jahresbericht.html with WebP's magic bytes to the media library", result, 'CMS', before, peak);
  }
  const unknown = Array.from({ length: 2_000 }, (_, index) => `p${index}=1`).join('&');
  const search = await fetch(`${stack.siteUrl}/api/search?${unknown}`);
  const body = await search.text();
  rows.push(`| 2,000 unknown parameters to /api/search | ${search.status}, ${(body.length / 1024).toFixed(1)} KB | – |`);
  rows.push(`| X-Powered-By of the CMS | ${(await fetch(`${stack.cmsUrl}/_health`)).headers.get('x-powered-by') ?? 'none'} | – |`);
  console.log("\nThe security review's requests (issue 31), repeated:\n");
  console.log('| request | answer | memory (RSS before → peak) |\n|---|---|---|');
  for (const line of rows) console.log(line);
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
