// `npm run test:cluster`: the stack on more than one machine, on loopback. PostgreSQL (the one at
// TEST_DATABASE_URL, a fresh database), Redis, two Meilisearch instances (the CMS writes to both,
// the sites read from a and fall back to b), two CMS instances, two site instances and nginx in
// front of each pair. Readers load the site through nginx while an editor publishes and
// practitioners send contact requests; one site instance, one CMS instance and Meilisearch a are
// killed with SIGKILL mid-run and started again. Fails (exit 1) unless no reader request failed,
// every publication was visible at both site instances within 2 s of the running Meilisearch
// instances confirming it, the restarted Meilisearch caught up (the same documents as the other),
// each mail went out exactly once, a proof of work used at one instance was refused at the other,
// the rate limit counted across instances and an admin session worked at both CMS instances.
// Prints requests, latencies and errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { createMeiliClient, ensureApiKeys } from '@praxis/search';
import { CMS_DIR } from '../build-hash.ts';
import { freshSecrets, ROOT_DIR } from '../env-file.ts';
import { readMails, startMailSink } from '../mail-sink.ts';
import { startMeilisearch, type MeilisearchHandle } from '../meilisearch.ts';
import { freePort, waitForHttp } from '../processes.ts';
import { startRedis } from '../redis.ts';
import { siteEnvironment } from '../stack.ts';
import { WEB_DIR, WEB_NODE_FLAGS, WEB_SERVER_ENTRY } from '../web-build.ts';
import { startNginx } from './nginx.ts';

const CASE_STUDY = 'api::case-study.case-study';
/** A publication must be visible at every site instance this soon after the running Meilisearch instances confirmed it. */
const VISIBLE_WITHIN_MS = 2_000;
const READERS = 4;

const work = mkdtempSync(join(tmpdir(), 'praxis-cluster-'));
const started = Date.now();
const log = (message: string) => console.log(`[cluster ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message);
  log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
};

/** A process that can be killed and started again with the same settings. */
class Instance {
  process?: ChildProcess;
  readonly name: string;
  readonly port: number;
  private readonly command: string[];
  private readonly cwd: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly healthPath: string;

  constructor(name: string, port: number, command: string[], cwd: string, env: NodeJS.ProcessEnv, healthPath: string) {
    this.name = name;
    this.port = port;
    this.command = command;
    this.cwd = cwd;
    this.env = env;
    this.healthPath = healthPath;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs: number): Promise<void> {
    const output = createWriteStream(join(work, `${this.name}.log`), { flags: 'a' });
    const child = spawn(this.command[0]!, this.command.slice(1), { cwd: this.cwd, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(output);
    child.stderr.pipe(output);
    this.process = child;
    await waitForHttp(`${this.url}${this.healthPath}`, timeoutMs, child).catch(async (error: unknown) => {
      await this.kill();
      throw error;
    });
  }

  kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    await this.kill();
  }
}

/** A Meilisearch that can be killed and started again on its data and port. */
class MeiliNode {
  readonly name: string;
  readonly url: string;
  private handle: MeilisearchHandle | undefined;
  private readonly dataDir: string;
  private readonly port: number;
  private readonly masterKey: string;

  constructor(name: string, port: number, masterKey: string) {
    this.name = name;
    this.port = port;
    this.masterKey = masterKey;
    this.dataDir = join(work, name);
    this.url = `http://127.0.0.1:${port}`;
  }

  get running(): boolean {
    return this.handle !== undefined;
  }

  async start(): Promise<void> {
    this.handle = await startMeilisearch({ dataDir: this.dataDir, masterKey: this.masterKey, port: this.port });
  }

  async kill(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (!handle?.pid) return;
    process.kill(handle.pid, 'SIGKILL');
    await handle.stop();
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
    this.handle = undefined;
  }
}

/** What a Meilisearch holds: id, title and update stamp of every document, per locale (undefined when it does not answer). */
async function documentsOf(url: string, key: string): Promise<{ listing: string; count: number } | undefined> {
  const client = createMeiliClient(url, key, 5_000);
  try {
    const locales: string[] = [];
    let count = 0;
    for (const locale of ['de', 'en']) {
      const page = await client.index(`case-studies-${locale}`).getDocuments<{ documentId: string; title: string; updatedAt: number }>({
        fields: ['documentId', 'title', 'updatedAt'],
        limit: 10_000,
      });
      count += page.results.length;
      locales.push(
        `${locale}:${page.results
          .map((doc) => `${doc.documentId}|${doc.updatedAt}|${doc.title}`)
          .sort()
          .join(';')}`,
      );
    }
    return { listing: locales.join('\n'), count };
  } catch {
    return undefined;
  }
}

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  // pg as the CMS has it (this workspace does not depend on it).
  const { Client } = createRequire(join(CMS_DIR, 'package.json'))('pg') as typeof import('pg');
  const name = `praxis_cluster_${randomBytes(5).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

interface Timed {
  ok: boolean;
  ms: number;
  status: number;
  url: string;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const secrets = freshSecrets();
  const database = await createDatabase();
  const redis = await startRedis();
  const masterKey = `cluster-${randomBytes(16).toString('hex')}`;
  // Two Meilisearch instances with one master key: the scoped keys (fixed uids) are the same at both.
  const meilis = [new MeiliNode('meili-a', await freePort(), masterKey), new MeiliNode('meili-b', await freePort(), masterKey)];
  for (const meili of meilis) await meili.start();
  const mailSink = await startMailSink({ dir: join(work, 'mail') });
  const [keys, keysB] = [await ensureApiKeys(createMeiliClient(meilis[0]!.url, masterKey)), await ensureApiKeys(createMeiliClient(meilis[1]!.url, masterKey))];
  if (keys.searchKey !== keysB!.searchKey || keys.syncKey !== keysB!.syncKey) throw new Error('the two Meilisearch instances gave different keys');
  const { searchKey, syncKey } = keys;
  const [siteLbPort, cmsLbPort] = [await freePort(), await freePort()];
  const siteLb = `http://127.0.0.1:${siteLbPort}`;
  const cmsLb = `http://127.0.0.1:${cmsLbPort}`;
  const stopped: (() => Promise<unknown>)[] = [];

  const cmsEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    IS_PROXIED: 'true',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: database.url,
    MEILI_URL: meilis[0]!.url,
    MEILI_REPLICA_URLS: meilis[1]!.url,
    MEILI_SYNC_KEY: syncKey,
    SYNC_POLL_INTERVAL_MS: '200',
    SMTP_HOST: mailSink.host,
    SMTP_PORT: String(mailSink.port),
    MAIL_FROM: 'praxisdatenbank@example.org',
    MAIL_POLL_INTERVAL_MS: '200',
    ...secrets,
    SEED_DEMO_CONTENT: 'true',
    SITE_URL: siteLb,
    // The balancer's address is on loopback here; production refuses a local SITE_URL without this.
    ALLOW_LOCAL_SITE_URL: '1',
    // One address reaches any site instance; it passes the notice on to the others over Redis.
    SITE_PURGE_URLS: siteLb,
  };
  const cmsPorts = [await freePort(), await freePort()];
  const cms = cmsPorts.map(
    (port, index) =>
      new Instance(
        `cms-${'ab'[index]}`,
        port,
        [join(ROOT_DIR, 'node_modules', '.bin', 'strapi'), 'start'],
        CMS_DIR,
        { ...cmsEnv, STRAPI_PORT: String(port) },
        '/_health',
      ),
  );
  const sitePorts = [await freePort(), await freePort()];
  const site = sitePorts.map((port, index) => {
    const env = siteEnvironment(
      {
        ...secrets,
        SITE_URL: siteLb,
        ALLOW_LOCAL_SITE_URL: '1',
        IS_PROXIED: 'true',
        REDIS_URL: redis.url,
        RATE_LIMIT: '100000',
        FORM_RATE_LIMIT: '1000',
        MEILI_REPLICA_URLS: meilis[1]!.url,
        PATH: process.env.PATH,
      },
      { host: '127.0.0.1', port: String(port), meiliUrl: meilis[0]!.url, searchKey, cmsUrl: cmsLb, siteUrl: siteLb },
    );
    return new Instance(`site-${'ab'[index]}`, port, [process.execPath, ...WEB_NODE_FLAGS, WEB_SERVER_ENTRY], WEB_DIR, env, '/api/health');
  });

  try {
    // The first CMS creates the schema and seeds the demo content; the second joins a ready database.
    log('starting CMS a (schema, demo content) …');
    await cms[0]!.start(300_000);
    stopped.push(() => cms[0]!.stop());
    log('starting CMS b …');
    await cms[1]!.start(300_000);
    stopped.push(() => cms[1]!.stop());
    // The site instances reach the CMS through nginx.
    const nginx = await startNginx(
      join(work, 'nginx'),
      { site: { port: siteLbPort, instances: sitePorts }, cms: { port: cmsLbPort, instances: cmsPorts } },
      `${cmsLb}/_health`,
    );
    stopped.push(() => nginx.stop());
    for (const instance of site) {
      await instance.start(60_000);
      stopped.push(() => instance.stop());
    }
    const meiliClients = meilis.map((meili) => createMeiliClient(meili.url, masterKey, 5_000));
    for (;;) {
      const counts = await Promise.all(
        meiliClients.map((client) =>
          client
            .index('case-studies-de')
            .getStats()
            .then((stats) => stats.numberOfDocuments)
            .catch(() => 0),
        ),
      );
      const backlog = (await (await fetch(`${cmsLb}/api/sync/backlog`)).json()) as { pending: number };
      if (counts.every((count) => count >= 42) && backlog.pending === 0) break;
      if (Date.now() - started > 300_000) throw new Error('the demo content was not indexed within 5 minutes');
      await sleep(500);
    }
    log(
      `everything up: sites ${sitePorts.join(', ')} behind ${siteLb}, CMS ${cmsPorts.join(', ')} behind ${cmsLb}, Meilisearch ${meilis.map((meili) => meili.url).join(' and ')}`,
    );

    // An editor logs in at CMS a; the session holds at CMS b (it lives in the database).
    const login = await fetch(`${cms[0]!.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }),
    });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const me = await fetch(`${cms[1]!.url}/admin/users/me`, { headers: { authorization: `Bearer ${token}` } });
    check(me.ok, `an admin session from CMS a works at CMS b (HTTP ${me.status})`);
    const admin = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${cmsLb}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };

    const published = (
      (await (await fetch(`${cmsLb}/api/case-studies?locale=de&fields[0]=slug&fields[1]=title&pagination[pageSize]=100`)).json()) as {
        data: { documentId: string; slug: string; title: string }[];
      }
    ).data;

    // The rate limit counts one client across both instances.
    const remaining: number[] = [];
    for (const instance of [site[0]!, site[1]!, site[0]!, site[1]!]) {
      const response = await fetch(`${instance.url}/api/health`, { headers: { 'x-forwarded-for': '10.77.0.1' } });
      remaining.push(Number(response.headers.get('x-ratelimit-remaining')));
    }
    check(
      remaining.every((value, index) => index === 0 || value === remaining[index - 1]! - 1),
      `the rate limit counts across instances (remaining at a, b, a, b: ${remaining.join(', ')})`,
    );

    // A contact request needs a case study with a contact address.
    let contactTarget: string | undefined;
    for (const entry of published) {
      const answer = (await (await fetch(`${siteLb}/api/case-studies/${entry.slug}?locale=de`)).json()) as { caseStudy?: { contact?: { email?: string } } };
      if (answer.caseStudy?.contact?.email) {
        contactTarget = entry.documentId;
        break;
      }
    }
    if (!contactTarget) throw new Error('no published case study with a contact address');
    const solvedProof = async (from: string) => {
      const challenge = (await (await fetch(`${from}/api/proof-of-work`)).json()) as Challenge;
      const solution = await solveChallenge({ challenge, deriveKey });
      return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    };
    const contactRequest = async (to: string, email: string, proof: string, forwardedFor?: string) => {
      const response = await fetch(`${to}/api/contact-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify({
          caseStudy: contactTarget,
          locale: 'de',
          purpose: 'austausch',
          name: 'Petra Planerin',
          organisation: 'Stadt Beispielstadt',
          email,
          message: 'Wir planen etwas Ähnliches in unserer Stadt. Können wir uns austauschen?',
          website: '',
          altcha: proof,
        }),
      });
      return response.status;
    };

    // A proof of work used at site a is refused at site b.
    const proof = await solvedProof(site[0]!.url);
    const replayToken = randomBytes(4).toString('hex');
    const first = await contactRequest(site[0]!.url, `replay.${replayToken}@example.org`, proof, '10.77.0.2');
    const again = await contactRequest(site[1]!.url, `replay.${replayToken}@example.org`, proof, '10.77.0.2');
    check(first === 202 && again === 400, `a proof of work used at site a is refused at site b (HTTP ${first}, then ${again})`);

    // Readers: the pages and answers practitioners ask for, through nginx, until told to stop.
    const readerUrls = [
      '/',
      '/praxisbeispiele',
      '/praxisbeispiele?q=Eltern',
      '/api/search?q=Sprache&locale=de',
      '/en',
      ...published.slice(0, 12).flatMap((entry) => [`/praxisbeispiele/${entry.slug}`, `/api/case-studies/${entry.slug}?locale=de`]),
    ];
    const results: Timed[] = [];
    let reading = true;
    const readers = Array.from({ length: READERS }, async (_, reader) => {
      for (let i = reader; reading; i++) {
        const url = readerUrls[i % readerUrls.length]!;
        const t0 = performance.now();
        try {
          const response = await fetch(`${siteLb}${url}`);
          await response.arrayBuffer();
          results.push({ ok: response.ok, ms: performance.now() - t0, status: response.status, url });
        } catch {
          results.push({ ok: false, ms: performance.now() - t0, status: 0, url });
        }
      }
    });

    // The editor publishes; each change must be at both site instances within 2 s of the running
    // Meilisearch instances confirming it (the sites read from whichever answers).
    const lags: number[] = [];
    const publish = async (round: number, upSites: Instance[]) => {
      const entry = published[(round * 3) % published.length]!;
      const title = `${entry.title.replace(/ \(Runde \d+\)$/, '')} (Runde ${round})`;
      await admin('PUT', `/content-manager/collection-types/${CASE_STUDY}/${entry.documentId}?locale=de`, { title });
      await admin('POST', `/content-manager/collection-types/${CASE_STUDY}/${entry.documentId}/actions/publish?locale=de`, {});
      entry.title = title;
      const deadline = Date.now() + 60_000;
      await Promise.all(
        meilis.map(async (meili, index) => {
          if (!meili.running) return;
          for (;;) {
            const document = (await meiliClients[index]!.index('case-studies-de')
              .getDocument(entry.documentId)
              .catch(() => undefined)) as { title?: string } | undefined;
            if (document?.title === title) break;
            if (Date.now() > deadline) throw new Error(`${meili.name} did not confirm "${title}" within a minute`);
            await sleep(25);
          }
        }),
      );
      const confirmed = Date.now();
      await Promise.all(
        upSites.map(async (instance) => {
          for (;;) {
            const [answer, page] = await Promise.all([
              fetch(`${instance.url}/api/case-studies/${entry.slug}?locale=de`).then(
                (response) => response.json() as Promise<{ caseStudy?: { title?: string } }>,
              ),
              fetch(`${instance.url}/praxisbeispiele/${entry.slug}`).then((response) => response.text()),
            ]).catch(() => [undefined, ''] as const);
            if (answer?.caseStudy?.title === title && page.includes(title.replace(/&/g, '&amp;'))) break;
            if (Date.now() - confirmed > 30_000) break;
            await sleep(25);
          }
          const lag = Date.now() - confirmed;
          lags.push(lag);
          check(lag <= VISIBLE_WITHIN_MS, `publication ${round} ("${title}") visible at ${instance.name} ${lag} ms after Meilisearch confirmed it`);
        }),
      );
    };

    // Practitioners send contact requests through nginx; each must bring exactly its two mails.
    const contactTokens: { token: string; status: number }[] = [];
    let sending = true;
    const practitioners = (async () => {
      while (sending) {
        const token = randomBytes(4).toString('hex');
        const status = await contactRequest(siteLb, `petra.${token}@example.org`, await solvedProof(siteLb)).catch(() => 0);
        contactTokens.push({ token, status });
        await sleep(1_500);
      }
    })();

    let round = 0;
    await sleep(2_000);
    await publish(++round, site);
    await publish(++round, site);

    log('SIGKILL site a');
    await site[0]!.kill();
    await publish(++round, [site[1]!]);
    await sleep(1_000);
    log('starting site a again');
    await site[0]!.start(60_000);
    await publish(++round, site);

    log('SIGKILL CMS a');
    await cms[0]!.kill();
    await publish(++round, site);
    await publish(++round, site);
    log('starting CMS a again');
    await cms[0]!.start(300_000);
    await publish(++round, site);
    await publish(++round, site);

    // Meilisearch a, the one the sites ask first, dies: the sites read from b, the CMS keeps writing to b.
    log('SIGKILL Meilisearch a');
    await meilis[0]!.kill();
    await publish(++round, site);
    await publish(++round, site);
    await sleep(1_000);
    log('starting Meilisearch a again');
    const restarted = Date.now();
    await meilis[0]!.start();
    // It has to catch up on what it missed: the same documents as b.
    let caughtUpMs: number | undefined;
    while (Date.now() - restarted < 60_000) {
      const [a, b] = await Promise.all(meilis.map((meili) => documentsOf(meili.url, masterKey)));
      if (a !== undefined && a.listing === b?.listing) {
        caughtUpMs = Date.now() - restarted;
        break;
      }
      await sleep(50);
    }
    check(caughtUpMs !== undefined, `the restarted Meilisearch a caught up with b (the same documents) ${caughtUpMs ?? '> 60,000'} ms after its restart began`);
    await publish(++round, site);
    // And the replica: b dies and comes back while a serves.
    log('SIGKILL Meilisearch b');
    await meilis[1]!.kill();
    await publish(++round, site);
    log('starting Meilisearch b again');
    await meilis[1]!.start();
    await publish(++round, site);
    await sleep(2_000);

    reading = false;
    sending = false;
    await Promise.all([...readers, practitioners]);

    // After everything: both Meilisearch instances hold the same documents, and as many as the CMS publishes.
    const settleDeadline = Date.now() + 60_000;
    let same = false;
    let holdings: ({ listing: string; count: number } | undefined)[] = [];
    while (!same && Date.now() < settleDeadline) {
      holdings = await Promise.all(meilis.map((meili) => documentsOf(meili.url, masterKey)));
      same = holdings[0] !== undefined && holdings[0].listing === holdings[1]?.listing;
      if (!same) await sleep(200);
    }
    const documentCount = holdings[0]?.count ?? 0;
    check(same, `both Meilisearch instances hold the same ${documentCount} documents (both languages) after the run`);

    // Every accepted request's two mails (to the project and the receipt), once each, after the queue drained.
    const accepted = contactTokens.filter((request) => request.status === 202);
    const mailCount = (token: string) => readMails(mailSink.dir).filter((mail) => mail.content.includes(`petra.${token}@example.org`)).length;
    // A mail the killed CMS had leased goes out once its lease ends (two minutes, cms/src/mail/mail-queue.ts): wait past that.
    const mailDeadline = Date.now() + 150_000;
    while (accepted.some((request) => mailCount(request.token) < 2) && Date.now() < mailDeadline) await sleep(500);
    await sleep(3_000);
    const mailCounts = accepted.map((request) => mailCount(request.token));
    check(
      accepted.length > 0 && mailCounts.every((count) => count === 2),
      `each of ${accepted.length} accepted contact requests brought exactly 2 mails (counts: ${[...new Set(mailCounts)].join(', ')})`,
    );
    const refused = contactTokens.filter((request) => request.status !== 202);
    const strayMails = refused.reduce((sum, request) => sum + mailCount(request.token), 0);
    check(
      refused.every((request) => mailCount(request.token) <= 2),
      `contact requests not answered 202: ${refused.length} (statuses ${refused.map((request) => request.status).join(', ') || '–'}; their mails: ${strayMails})`,
    );

    const failed = results.filter((result) => !result.ok);
    const times = results.map((result) => result.ms);
    check(
      failed.length === 0,
      `reader requests through nginx: ${results.length}, failed: ${failed.length}${
        failed.length
          ? ` (${failed
              .slice(0, 5)
              .map((result) => `${result.status} ${result.url}`)
              .join('; ')})`
          : ''
      }`,
    );
    console.log('');
    console.log('| figure | value |');
    console.log('|---|---|');
    console.log(`| reader requests (${READERS} readers) | ${results.length} |`);
    console.log(`| failed reader requests | ${failed.length} |`);
    console.log(
      `| reader p50 / p95 / max | ${percentile(times, 0.5).toFixed(0)} / ${percentile(times, 0.95).toFixed(0)} / ${Math.max(...times).toFixed(0)} ms |`,
    );
    console.log(
      `| publications | ${round}, visible at the site instances after Meilisearch confirmed: max ${Math.max(...lags)} ms, p50 ${percentile(lags, 0.5)} ms |`,
    );
    console.log(`| Meilisearch a restarted after SIGKILL: caught up with b | ${caughtUpMs ?? '–'} ms after the restart began |`);
    console.log(`| contact requests | ${contactTokens.length} sent, ${accepted.length} accepted, ${refused.length} not |`);
    console.log(`| run | ${((Date.now() - started) / 1000).toFixed(0)} s |`);
    console.log('');
  } finally {
    for (const stop of stopped.reverse()) await stop().catch(() => {});
    await mailSink.stop();
    for (const meili of meilis) await meili.stop();
    await redis.stop();
    await database.drop().catch(() => {});
  }
}

main().then(
  () => {
    if (failures.length > 0) {
      console.error(`test:cluster failed (${failures.length}): ${failures.join(' | ')}\nlogs: ${work}`);
      process.exit(1);
    }
    rmSync(work, { recursive: true, force: true });
    log('test:cluster passed');
  },
  (error: unknown) => {
    console.error(`test:cluster could not run: ${(error as Error).stack ?? error}\nlogs: ${work}`);
    process.exit(1);
  },
);
