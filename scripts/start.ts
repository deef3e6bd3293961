// `npm start`: one command for the whole local stack — Meilisearch, the CMS
// (built when its sources changed) and, once it exists, the site. Ctrl-C stops all.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMeiliClient, ensureApiKeys, startMeilisearch, useExternalMeilisearch, waitForHttp, type MeilisearchHandle } from '@praxis/search';
import { CMS_DIR, isBuildFresh, markBuildFresh } from '../cms/scripts/build-hash.mts';
import { ensureEnvFile, loadEnv, ROOT_DIR } from './env-file.ts';

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
if (NODE_MAJOR < 24) {
  console.error(`Node ${process.versions.node} is too old: this project needs Node 24 LTS (see .nvmrc).`);
  process.exit(1);
}

const children = new Set<ChildProcess>();
let meilisearch: MeilisearchHandle | undefined;
let stopping = false;

function log(message: string): void {
  console.log(`[start] ${message}`);
}

function run(command: string, args: string[], cwd: string): ChildProcess {
  const child = spawn(command, args, { cwd, env: process.env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!stopping && code !== 0) {
      console.error(`[start] ${command} ${args.join(' ')} exited (${signal ?? code}); stopping everything.`);
      void stop(1);
    }
  });
  return child;
}

function runToCompletion(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: process.env, stdio: 'inherit' });
    children.add(child);
    child.once('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code}`));
    });
  });
}

async function stop(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('stopping …');
    const exits = [...children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children) child.kill('SIGTERM');
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    for (const child of children) child.kill('SIGKILL');
    await meilisearch?.stop();
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  const started = Date.now();

  const envState = ensureEnvFile();
  if (envState !== 'unchanged') log(`.env ${envState} with generated secrets (kept private by .gitignore)`);
  loadEnv();

  if (process.env.MEILI_URL) {
    meilisearch = await useExternalMeilisearch(process.env.MEILI_URL);
    log(`using Meilisearch at ${meilisearch.url}`);
  } else {
    meilisearch = await startMeilisearch({
      dataDir: join(ROOT_DIR, '.data', 'meilisearch'),
      masterKey: process.env.MEILI_MASTER_KEY!,
      port: Number(process.env.MEILI_PORT || 7700),
    });
    log(`Meilisearch 1.21 running at ${meilisearch.url} (data in .data/meilisearch)`);
  }
  process.env.MEILI_URL = meilisearch.url;
  // The master key only creates the scoped keys; the CMS gets the sync key, the site the search key.
  if (!process.env.MEILI_SYNC_KEY || !process.env.MEILI_SEARCH_KEY) {
    const keys = await ensureApiKeys(createMeiliClient(meilisearch.url, process.env.MEILI_MASTER_KEY!));
    process.env.MEILI_SYNC_KEY ||= keys.syncKey;
    process.env.MEILI_SEARCH_KEY ||= keys.searchKey;
  }
  delete process.env.MEILI_MASTER_KEY;

  const strapiBin = join(ROOT_DIR, 'node_modules', '.bin', 'strapi');
  if (!isBuildFresh()) {
    log('building the CMS (admin panel and server code; about a minute, only after changes) …');
    await runToCompletion(strapiBin, ['build'], CMS_DIR);
    markBuildFresh();
  }
  run(strapiBin, ['start'], CMS_DIR);
  const strapiUrl = `http://localhost:${process.env.STRAPI_PORT || 1337}`;
  await waitForHttp(`${strapiUrl}/_health`, 300_000);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Praxisdatenbank "Zusammen im Quartier" is running (ready in ${seconds} s)

  CMS admin      ${strapiUrl}/admin
                 e-mail     ${process.env.ADMIN_EMAIL}
                 password   ${process.env.ADMIN_PASSWORD}   (ADMIN_PASSWORD in .env)
  REST API       ${strapiUrl}/api/case-studies?locale=de
  Meilisearch    ${meilisearch.url}
                 curl -H 'Authorization: Bearer ${process.env.MEILI_SEARCH_KEY}' \\
                   '${meilisearch.url}/indexes/case-studies-de/search?q=Kita'   (search-only key)

  Press Ctrl-C to stop.
`);
}

main().catch((error: Error) => {
  console.error(`[start] ${error.message}`);
  void stop(1);
});
