// `npm run build`: the search library, the CMS (server code and admin panel) and the site, for production.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CMS_DIR, markBuildFresh } from './build-hash.ts';
import { ROOT_DIR } from './env-file.ts';
import { markWebBuildFresh, WEB_DIR } from './web-build.ts';

function run(label: string, command: string, args: string[], cwd: string): void {
  console.log(`[build] ${label} …`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    console.error(`[build] ${label} failed (exit code ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`[build] ${label} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const bin = (name: string) => join(ROOT_DIR, 'node_modules', '.bin', name);
run('search library', 'npm', ['run', 'build', '-w', 'search'], ROOT_DIR);
run('CMS (strapi build)', bin('strapi'), ['build'], CMS_DIR);
markBuildFresh();
run('site (nuxt build)', bin('nuxt'), ['build'], WEB_DIR);
markWebBuildFresh();
console.log('[build] ready: npm run start:prod');
