// Production refuses a forgotten or local SITE_URL: every link it hands out (shared Merkliste
// links, feeds, PDF footers, exports, mails) would otherwise say http://localhost:3000.
import { spawn } from 'node:child_process';
import { freePort } from '@praxis/tooling/processes';
import { freshSecrets, ROOT_DIR } from '@praxis/tooling/env-file';
import { WEB_SERVER_ENTRY } from '@praxis/tooling/web-build';
import { describe, expect, it } from 'vitest';

/** Runs a command until it exits on its own; its exit code and everything it printed. */
function runToExit(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('production and SITE_URL', () => {
  it('npm run start:prod stops before starting anything when SITE_URL is unset or points to localhost, naming the fix', async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, MEILI_URL: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'unused', ...freshSecrets() };
    for (const siteUrl of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
      const { code, output } = await runToExit(['scripts/start-prod.ts', '--no-env-file'], { ...env, SITE_URL: siteUrl });
      expect(code).toBe(1);
      expect(output).toContain(`[start:prod] SITE_URL points to this machine (${siteUrl})`);
      expect(output).toContain('ALLOW_LOCAL_SITE_URL=1');
      expect(output).not.toContain('Meilisearch');
    }
    const unset = await runToExit(['scripts/start-prod.ts', '--no-env-file'], env);
    expect(unset.code).toBe(1);
    expect(unset.output).toMatch(/\[start:prod\] missing settings .*: SITE_URL$/m);
  });

  it('the built site (the web container’s entry) stops when its site URL is unset or local', async () => {
    const base = { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1' };
    const unset = await runToExit([WEB_SERVER_ENTRY], { ...base, PORT: String(await freePort()) });
    expect(unset.code).toBe(1);
    expect(unset.output).toContain('NUXT_PUBLIC_SITE_URL (SITE_URL) is not set: in production it goes into shared Merkliste links, feeds');
    const local = await runToExit([WEB_SERVER_ENTRY], { ...base, PORT: String(await freePort()), NUXT_PUBLIC_SITE_URL: 'http://localhost:3000' });
    expect(local.code).toBe(1);
    expect(local.output).toContain('points to this machine (http://localhost:3000)');
  });
});
