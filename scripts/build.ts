// `npm run build`: the search library, the CMS (server code and admin panel) and the site, for production.
import { spawn, spawnSync } from 'node:child_process';
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

/** Runs a build with its output kept, printed as a whole when it ends (two builds side by side would interleave it). */
function runQuietly(label: string, command: string, args: string[], cwd: string): Promise<void> {
  console.log(`[build] ${label} …`);
  const started = Date.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(output));
      if (code !== 0) {
        console.error(`[build] ${label} failed (exit code ${code})`);
        process.exit(1);
      }
      console.log(`[build] ${label} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      resolve();
    }),
  );
}

const bin = (name: string) => join(ROOT_DIR, 'node_modules', '.bin', name);
run('search library', 'npm', ['run', 'build', '-w', 'search'], ROOT_DIR);
// The CMS and the site do not depend on each other's build: both at once, on two cores ~20 s sooner.
await Promise.all([
  runQuietly('CMS (strapi build)', bin('strapi'), ['build'], CMS_DIR).then(markBuildFresh),
  runQuietly('site (nuxt build)', bin('nuxt'), ['build'], WEB_DIR).then(markWebBuildFresh),
]);
console.log('[build] ready: npm run start:prod');
