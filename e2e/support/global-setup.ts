// Starts the whole stack once for the end-to-end tests: a fresh Meilisearch, the
// built CMS on a throwaway SQLite database with the demo content, and the built site.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createMeiliClient, freePort } from '@praxis/search';
import { startStack } from '../../scripts/stack.ts';

const secret = () => randomBytes(24).toString('base64url');

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    cmsUrl: string;
    meiliUrl: string;
    masterKey: string;
    previewSecret: string;
    siteToken: string;
    searchKey: string;
    adminPassword: string;
    logDir: string;
  }
}

async function waitForIndexedDemo(meiliUrl: string, masterKey: string): Promise<void> {
  const client = createMeiliClient(meiliUrl, masterKey);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const [de, en] = await Promise.all([client.index('case-studies-de').getStats(), client.index('case-studies-en').getStats()]);
      if (de.numberOfDocuments >= 42 && en.numberOfDocuments >= 12) return;
    } catch {
      // the indexes do not exist until the first sync
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the demo content was not indexed within 3 minutes');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'praxis-e2e-'));
  const masterKey = `e2e-master-${secret()}`;
  const previewSecret = secret();
  const siteToken = secret();
  const adminPassword = `Qz-${secret()}-7a`;
  const [strapiPort, webPort, meiliPort] = [await freePort(), await freePort(), await freePort()];
  const started = Date.now();
  const stack = await startStack({
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production',
      HOST: '127.0.0.1', STRAPI_PORT: String(strapiPort), WEB_PORT: String(webPort), MEILI_PORT: String(meiliPort),
      DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(workDir, 'cms.db'),
      MEILI_MASTER_KEY: masterKey, SYNC_POLL_INTERVAL_MS: '200',
      APP_KEYS: [secret(), secret()].join(','), API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(),
      JWT_SECRET: secret(), ENCRYPTION_KEY: secret(), STRAPI_TELEMETRY_DISABLED: 'true',
      ADMIN_EMAIL: 'redaktion@example.org', ADMIN_PASSWORD: adminPassword,
      STRAPI_SITE_TOKEN: siteToken, PREVIEW_SECRET: previewSecret, SEED_DEMO_CONTENT: 'true',
      SITE_URL: `http://127.0.0.1:${webPort}`,
    },
    meiliDataDir: join(workDir, 'meilisearch'),
    buildIfStale: true,
    logDir: workDir,
    log: (message) => console.log(`[e2e] ${message}`),
  });
  await waitForIndexedDemo(stack.meiliUrl, masterKey);
  console.log(`[e2e] stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${workDir})`);

  project.provide('siteUrl', stack.siteUrl);
  project.provide('cmsUrl', stack.cmsUrl);
  project.provide('meiliUrl', stack.meiliUrl);
  project.provide('masterKey', masterKey);
  project.provide('previewSecret', previewSecret);
  project.provide('siteToken', siteToken);
  project.provide('searchKey', stack.searchKey);
  project.provide('adminPassword', adminPassword);
  project.provide('logDir', workDir);

  return async () => {
    await stack.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
