// `npm start`: one command for the whole local stack — Meilisearch, the CMS and
// the site, each built first when its sources changed. Ctrl-C stops all.
import { join, relative } from 'node:path';
import { ensureEnvFile, loadEnv, ROOT_DIR } from './env-file.ts';
import { startStack, type Stack } from './stack.ts';

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
if (NODE_MAJOR < 24) {
  console.error(`Node ${process.versions.node} is too old: this project needs Node 24 LTS (see .nvmrc).`);
  process.exit(1);
}

const log = (message: string) => console.log(`[start] ${message}`);
let stack: Stack | undefined;

async function stop(exitCode: number): Promise<never> {
  log('stopping …');
  await stack?.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  const started = Date.now();

  const envState = ensureEnvFile();
  if (envState !== 'unchanged') log(`.env ${envState} with generated secrets (kept private by .gitignore)`);
  loadEnv();

  stack = await startStack({
    // The local launcher: the production build may link to this machine (docs/configuration.md).
    env: { ...process.env, ALLOW_LOCAL_SITE_URL: '1' },
    meiliDataDir: join(ROOT_DIR, '.data', 'meilisearch'),
    mailDir: join(ROOT_DIR, '.data', 'mail'),
    buildIfStale: true,
    log,
    // During startup startStack notices a crash itself, stops the rest and throws.
    onCrash: (name, code) => {
      if (!stack) return;
      console.error(`[start] ${name} exited (${code}); stopping everything.`);
      void stop(1);
    },
  });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Praxisdatenbank "Zusammen im Quartier" is running (ready in ${seconds} s)

  Site           ${stack.siteUrl}/
                 ${stack.siteUrl}/praxisbeispiele      ${stack.siteUrl}/en/case-studies
  CMS admin      ${stack.cmsUrl}/admin
                 e-mail     ${process.env.ADMIN_EMAIL}
                 password   ${process.env.ADMIN_PASSWORD}   (ADMIN_PASSWORD in .env)
  REST API       ${stack.cmsUrl}/api/case-studies?locale=de
  Search API     ${stack.siteUrl}/api/search?q=Kita&topic=bewegung
  Meilisearch    ${stack.meiliUrl}
                 curl -H 'Authorization: Bearer ${stack.searchKey}' \\
                   '${stack.meiliUrl}/indexes/case-studies-de/search?q=Kita'   (search-only key)
  E-mail         ${stack.mailDir ? `stored, not sent: ${relative(process.cwd(), stack.mailDir)}/ (SMTP_HOST in .env sends for real)` : `sent through ${process.env.SMTP_HOST}`}
  Health         ${stack.siteUrl}/api/health
  Logs           CMS and site: this terminal${stack.meiliLogFile ? `; Meilisearch (warnings and errors): ${relative(process.cwd(), stack.meiliLogFile)}` : ''}

  Press Ctrl-C to stop.
`);
}

main().catch((error: Error) => {
  console.error(`[start] ${error.message}`);
  void stop(1);
});
