// Starts the stack once for the end-to-end tests the way production runs it:
// the builds (made here when stale), then `npm run start:prod` (scripts/start-prod.ts)
// against a fresh Meilisearch and a throwaway SQLite database with the demo content.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createMeiliClient, ensureApiKeys } from '@praxis/search';
import { startMailSink } from '@praxis/tooling/mail-sink';
import { startMeilisearch } from '@praxis/tooling/meilisearch';
import { freePort, waitForHttp } from '@praxis/tooling/processes';
import { freshSecrets, ROOT_DIR } from '@praxis/tooling/env-file';
import { buildIfStale } from '@praxis/tooling/stack';
import { FORM_MIN_SECONDS } from './forms.ts';

/** Requests per minute and client address the e2e stack's API allows. */
export const E2E_RATE_LIMIT = 3_000;

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    cmsUrl: string;
    meiliUrl: string;
    masterKey: string;
    previewSecret: string;
    purgeSecret: string;
    siteToken: string;
    searchKey: string;
    adminPassword: string;
    /** The first editor's admin token, logged in once for the whole suite (the admin allows five logins in five minutes). */
    adminToken: string;
    /** POST `${controlUrl}/meilisearch/stop` or `/start` (and `/mail/…`): an outage for the tests of how it shows. */
    controlUrl: string;
    /** Where the stack's SMTP server (a local sink) stores every mail it receives. */
    mailDir: string;
    /** The CMS's SQLite database, for tests that check what was (not) stored. */
    cmsDatabase: string;
  }
}

/**
 * A local HTTP endpoint through which tests (in worker processes) ask this process to act on the
 * services it owns; each POST path runs its action and answers 204 once done.
 */
async function startControlServer(actions: Record<string, () => Promise<void>>): Promise<{ url: string; close(): void }> {
  const server = createServer((request, response) => {
    const action = request.method === 'POST' ? actions[request.url ?? ''] : undefined;
    if (!action) return void response.writeHead(404).end();
    action().then(
      () => response.writeHead(204).end(),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * Until the demo content is searchable and the sync has settled: the CMS's outbox is empty and
 * its last change notices have reached the site (a notice arriving during a test would make the
 * pages the site cached so far stale).
 */
async function waitForIndexedDemo(client: ReturnType<typeof createMeiliClient>, cmsUrl: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const [de, en] = await Promise.all([client.index('case-studies-de').getStats(), client.index('case-studies-en').getStats()]);
      const backlog = (await (await fetch(`${cmsUrl}/api/sync/backlog`)).json()) as { pending: number };
      if (de.numberOfDocuments >= 42 && en.numberOfDocuments >= 12 && backlog.pending === 0) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return;
      }
    } catch {
      // the indexes do not exist until the first sync
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the demo content was not indexed within 3 minutes');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'praxis-e2e-'));
  const log = (message: string) => console.log(`[e2e] ${message}`);
  const started = Date.now();
  await buildIfStale({
    env: process.env,
    log,
    run: async (name, command, args, cwd, env) => {
      const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (result.status !== 0) throw new Error(`${name} failed with exit code ${result.status}`);
    },
  });

  const masterKey = `e2e-master-${randomBytes(24).toString('base64url')}`;
  const secrets = freshSecrets();
  const [strapiPort, webPort] = [await freePort(), await freePort()];
  const meiliOptions = { dataDir: join(workDir, 'meilisearch'), masterKey, port: await freePort() };
  let meili = await startMeilisearch(meiliOptions);
  const mailOptions = { dir: join(workDir, 'mail'), port: await freePort() };
  let mailSink = await startMailSink(mailOptions);
  const control = await startControlServer({
    '/meilisearch/stop': () => meili.stop(),
    '/meilisearch/start': async () => {
      meili = await startMeilisearch(meiliOptions);
    },
    '/mail/stop': () => mailSink.stop(),
    '/mail/start': async () => {
      mailSink = await startMailSink(mailOptions);
    },
  });
  const master = createMeiliClient(meili.url, masterKey);
  const { searchKey } = await ensureApiKeys(master);
  const siteUrl = `http://127.0.0.1:${webPort}`;

  const output = createWriteStream(join(workDir, 'start-prod.log'));
  const prod = spawn(process.execPath, ['scripts/start-prod.ts', '--no-env-file'], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      STRAPI_PORT: String(strapiPort),
      WEB_PORT: String(webPort),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: join(workDir, 'cms.db'),
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: masterKey,
      SYNC_POLL_INTERVAL_MS: '200',
      // The site sends its search counts to the CMS every half second instead of every minute.
      SEARCH_STATISTICS_INTERVAL_MS: '500',
      // Mail goes to the sink; a failed mail is tried again after a second, not after ten.
      SMTP_HOST: mailSink.host,
      SMTP_PORT: String(mailOptions.port),
      MAIL_FROM: 'praxisdatenbank@example.org',
      MAIL_POLL_INTERVAL_MS: '200',
      MAIL_RETRY_BASE_MS: '1000',
      ...secrets,
      SEED_DEMO_CONTENT: 'true',
      SITE_URL: siteUrl,
      // The production build on loopback: the one explicit escape from its refusal of a local
      // SITE_URL (docs/configuration.md).
      ALLOW_LOCAL_SITE_URL: '1',
      // High enough for the whole suite from one address; the limiter's own test uses other addresses.
      RATE_LIMIT: String(E2E_RATE_LIMIT),
      // A form without JavaScript may be sent after 1 s instead of 5 (the tests that send one wait that long).
      FORM_MIN_SECONDS: String(FORM_MIN_SECONDS),
    },
  });
  prod.stdout.pipe(output);
  prod.stderr.pipe(output);
  const stop = async () => {
    if (prod.exitCode === null) {
      const exited = new Promise((resolve) => prod.once('exit', resolve));
      prod.kill('SIGTERM');
      await exited;
    }
    await meili.stop();
    await mailSink.stop();
    control.close();
    rmSync(workDir, { recursive: true, force: true });
  };
  let adminToken: string;
  try {
    await waitForHttp(`${siteUrl}/api/health`, 300_000, prod);
    await waitForIndexedDemo(master, `http://127.0.0.1:${strapiPort}`);
    const login = await fetch(`http://127.0.0.1:${strapiPort}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }),
    });
    if (!login.ok) throw new Error(`the first editor could not log in: ${login.status} ${await login.text()}`);
    adminToken = ((await login.json()) as { data: { token: string } }).data.token;
  } catch (error) {
    console.error(`[e2e] npm run start:prod did not come up; its log: ${join(workDir, 'start-prod.log')}`);
    prod.kill('SIGTERM');
    await meili.stop();
    await mailSink.stop();
    control.close();
    throw error;
  }
  log(`start:prod ready in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${workDir})`);

  project.provide('siteUrl', siteUrl);
  project.provide('cmsUrl', `http://127.0.0.1:${strapiPort}`);
  project.provide('meiliUrl', meili.url);
  project.provide('masterKey', masterKey);
  project.provide('previewSecret', secrets.PREVIEW_SECRET);
  project.provide('purgeSecret', secrets.PURGE_SECRET);
  project.provide('siteToken', secrets.STRAPI_SITE_TOKEN);
  project.provide('searchKey', searchKey);
  project.provide('adminPassword', secrets.ADMIN_PASSWORD);
  project.provide('adminToken', adminToken);
  project.provide('controlUrl', control.url);
  project.provide('mailDir', mailOptions.dir);
  project.provide('cmsDatabase', join(workDir, 'cms.db'));
  return stop;
}
