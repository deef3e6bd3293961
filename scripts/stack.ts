// The whole local stack as child processes: Meilisearch, the built CMS and the
// built site. Used by `npm start`, `npm run start:prod` and the benchmarks; the end-to-end tests use its build step.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createMeiliClient, ensureApiKeys } from '@praxis/search';
import { startMailSink, type MailSink } from './mail-sink.ts';
import { startMeilisearch, useExternalMeilisearch, type MeilisearchHandle } from './meilisearch.ts';
import { waitForHttp } from './processes.ts';
import { CMS_DIR, isBuildFresh, markBuildFresh } from './build-hash.ts';
import { ROOT_DIR } from './env-file.ts';
import { isWebBuildFresh, markWebBuildFresh, WEB_DIR, WEB_NODE_FLAGS, WEB_SERVER_ENTRY } from './web-build.ts';

export interface StackOptions {
  /** Every variable of `.env` (secrets, ports, database). Not modified. */
  env: NodeJS.ProcessEnv;
  /** Where a local Meilisearch keeps its data; ignored when `env.MEILI_URL` is set. */
  meiliDataDir: string;
  /**
   * With `env.SMTP_HOST` empty: run a local mail sink (scripts/mail-sink.ts) that stores the CMS's
   * mails here instead of sending them (development). Without it the CMS uses `SMTP_*` as given.
   */
  mailDir?: string;
  /** Build the CMS and the site when their sources changed (development); production expects them built. */
  buildIfStale: boolean;
  /** Write the children's output to files in this directory instead of the terminal. */
  logDir?: string;
  log?: (message: string) => void;
  /** Called when a child exits on its own (a crash), not when `stop()` ends it. */
  onCrash?: (name: string, code: number | null) => void;
}

export interface Stack {
  meiliUrl: string;
  cmsUrl: string;
  siteUrl: string;
  searchKey: string;
  /** The log of the Meilisearch this stack started (none for `MEILI_URL`). */
  meiliLogFile?: string;
  /** Where the local mail sink stores the CMS's mails (none when a real SMTP server is configured). */
  mailDir?: string;
  /** The environment the site runs with, to start another site process against the same services. */
  siteEnv: NodeJS.ProcessEnv;
  /** The process ids of what this stack started (the benchmarks read their CPU time). */
  pids: { meilisearch?: number; cms?: number; site?: number };
  stop(): Promise<void>;
}

const binary = (name: string) => join(ROOT_DIR, 'node_modules', '.bin', name);

type RunToEnd = (name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) => Promise<void>;

/** Builds the CMS and the site when their sources changed since the last build. */
export async function buildIfStale(options: { env: NodeJS.ProcessEnv; log: (message: string) => void; run: RunToEnd }): Promise<void> {
  if (!isBuildFresh()) {
    options.log('building the CMS (admin panel and server code; about a minute, only after changes) …');
    await options.run('cms-build', binary('strapi'), ['build'], CMS_DIR, options.env);
    markBuildFresh();
  }
  if (!isWebBuildFresh()) {
    options.log('building the site (about 20 s, only after changes) …');
    await options.run('web-build', binary('nuxt'), ['build'], WEB_DIR, options.env);
    markWebBuildFresh();
  }
}

/** Where a site process finds its services. */
export interface SiteServices {
  host: string;
  port: string;
  meiliUrl: string;
  searchKey: string;
  cmsUrl: string;
  siteUrl: string;
}

/** The environment of a built site process: the site's settings of `.env` as its NUXT_* variables (docs/configuration.md). */
export function siteEnvironment(env: NodeJS.ProcessEnv, where: SiteServices): NodeJS.ProcessEnv {
  return {
    PATH: env.PATH,
    NODE_ENV: 'production',
    HOST: where.host,
    PORT: where.port,
    NUXT_MEILI_URL: where.meiliUrl,
    NUXT_MEILI_SEARCH_KEY: where.searchKey,
    // More Meilisearch instances the CMS writes to: the site falls back to them (docs/operations.md, "Meilisearch availability").
    ...(env.MEILI_REPLICA_URLS ? { NUXT_MEILI_REPLICA_URLS: env.MEILI_REPLICA_URLS } : {}),
    NUXT_STRAPI_URL: where.cmsUrl,
    NUXT_STRAPI_TOKEN: env.STRAPI_SITE_TOKEN,
    NUXT_PREVIEW_SECRET: env.PREVIEW_SECRET,
    NUXT_PURGE_SECRET: env.PURGE_SECRET,
    NUXT_PUBLIC_SITE_URL: env.SITE_URL || where.siteUrl,
    NUXT_PUBLIC_I18N_BASE_URL: env.SITE_URL || where.siteUrl,
    NUXT_CMS_PUBLIC_URL: env.STRAPI_PUBLIC_URL || where.cmsUrl,
    NUXT_IS_PROXIED: env.IS_PROXIED || 'false',
    ...(env.ALLOW_LOCAL_SITE_URL ? { ALLOW_LOCAL_SITE_URL: env.ALLOW_LOCAL_SITE_URL } : {}),
    ...(env.RATE_LIMIT ? { NUXT_RATE_LIMIT: env.RATE_LIMIT } : {}),
    ...(env.FORM_RATE_LIMIT ? { NUXT_FORM_RATE_LIMIT: env.FORM_RATE_LIMIT } : {}),
    ...(env.FORM_MIN_SECONDS ? { NUXT_FORM_MIN_SECONDS: env.FORM_MIN_SECONDS } : {}),
    ...(env.ALTCHA_SECRET ? { NUXT_ALTCHA_SECRET: env.ALTCHA_SECRET } : {}),
    // Shared with the other site instances (web/server/shared-state/): caches, counters, used challenges, change notices.
    ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}),
    ...(env.REQUEST_RETENTION_DAYS ? { NUXT_PUBLIC_REQUEST_RETENTION_DAYS: env.REQUEST_RETENTION_DAYS } : {}),
    ...(env.FOLLOW_UP_MONTHS ? { NUXT_PUBLIC_FOLLOW_UP_MONTHS: env.FOLLOW_UP_MONTHS } : {}),
    ...(env.OPEN_DATA_LICENSE ? { NUXT_OPEN_DATA_LICENSE: env.OPEN_DATA_LICENSE } : {}),
    ...(env.SEARCH_STATISTICS_INTERVAL_MS ? { NUXT_SEARCH_STATISTICS_INTERVAL_MS: env.SEARCH_STATISTICS_INTERVAL_MS } : {}),
  };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  const children = new Map<string, ChildProcess>();
  let meilisearch: MeilisearchHandle | undefined;
  let mailSink: MailSink | undefined;
  let stopping = false;

  const output = (name: string): 'inherit' | ['ignore', NodeJS.WritableStream, NodeJS.WritableStream] => {
    if (!options.logDir) return 'inherit';
    const file = createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' });
    return ['ignore', file, file];
  };
  const spawnChild = (name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, service = true): ChildProcess => {
    const stdio = output(name);
    const child = spawn(command, args, { cwd, env, stdio: stdio === 'inherit' ? ['ignore', 'inherit', 'inherit'] : 'pipe' });
    if (stdio !== 'inherit') {
      child.stdout?.pipe(stdio[1]);
      child.stderr?.pipe(stdio[2]);
    }
    children.set(name, child);
    child.once('exit', (code) => {
      children.delete(name);
      if (service && !stopping) options.onCrash?.(name, code);
    });
    return child;
  };
  const runToEnd = (name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) =>
    new Promise<void>((resolve, reject) => {
      spawnChild(name, command, args, cwd, env, false).once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${name} failed with exit code ${code}${options.logDir ? ` (see ${options.logDir}/${name}.log)` : ''}`)),
      );
    });

  async function stop(): Promise<void> {
    stopping = true;
    const exits = [...children.values()].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children.values()) child.kill('SIGTERM');
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    for (const child of children.values()) child.kill('SIGKILL');
    await meilisearch?.stop();
    await mailSink?.stop();
  }

  try {
    const env = options.env;
    if (env.MEILI_URL) {
      meilisearch = await useExternalMeilisearch(env.MEILI_URL);
      log(`using Meilisearch at ${meilisearch.url}`);
    } else {
      meilisearch = await startMeilisearch({ dataDir: options.meiliDataDir, masterKey: env.MEILI_MASTER_KEY!, port: Number(env.MEILI_PORT || 7700) });
      log(`Meilisearch 1.21 running at ${meilisearch.url}`);
    }
    // The master key only creates the scoped keys; the CMS gets the sync key, the site the search key.
    let { MEILI_SYNC_KEY: syncKey, MEILI_SEARCH_KEY: searchKey } = env;
    if (!syncKey || !searchKey) {
      if (!env.MEILI_MASTER_KEY) throw new Error('set MEILI_SYNC_KEY and MEILI_SEARCH_KEY, or MEILI_MASTER_KEY to create them');
      const keys = await ensureApiKeys(createMeiliClient(meilisearch.url, env.MEILI_MASTER_KEY));
      syncKey ||= keys.syncKey;
      searchKey ||= keys.searchKey;
    }

    if (options.buildIfStale) await buildIfStale({ env, log, run: runToEnd });

    const host = env.HOST || '127.0.0.1';
    const cmsUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${env.STRAPI_PORT || 1337}`;
    const siteUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${env.WEB_PORT || 3000}`;
    if (options.mailDir && !env.SMTP_HOST) {
      mailSink = await startMailSink({ dir: options.mailDir });
      log(`e-mail is stored, not sent: ${options.mailDir} (a local SMTP sink on port ${mailSink.port}; SMTP_HOST in .env sends for real)`);
    }
    const cmsEnv = {
      ...env,
      MEILI_URL: meilisearch.url,
      MEILI_SYNC_KEY: syncKey,
      MEILI_SEARCH_KEY: '',
      MEILI_MASTER_KEY: '',
      ...(mailSink ? { SMTP_HOST: mailSink.host, SMTP_PORT: String(mailSink.port), SMTP_USER: '', SMTP_SECURE: 'false' } : {}),
      // Change notices go to this site process (it starts after the CMS; the notifier retries).
      SITE_PURGE_URLS: env.SITE_PURGE_URLS || siteUrl,
    };
    const cms = spawnChild('cms', binary('strapi'), ['start'], CMS_DIR, cmsEnv);
    await waitForHttp(`${cmsUrl}/_health`, 300_000, cms);

    const siteEnv = siteEnvironment(env, { host, port: env.WEB_PORT || '3000', meiliUrl: meilisearch.url, searchKey: searchKey!, cmsUrl, siteUrl });
    const site = spawnChild('web', process.execPath, [...WEB_NODE_FLAGS, WEB_SERVER_ENTRY], WEB_DIR, siteEnv);
    await waitForHttp(`${siteUrl}/api/health`, 60_000, site);

    return {
      meiliUrl: meilisearch.url,
      meiliLogFile: meilisearch.logFile,
      cmsUrl,
      siteUrl,
      searchKey,
      mailDir: mailSink?.dir,
      siteEnv,
      pids: { meilisearch: meilisearch.pid, cms: cms.pid, site: site.pid },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
