import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMeilisearchBinary, startMeilisearch, waitForMeilisearch } from '@praxis/tooling/meilisearch';

const dataDir = mkdtempSync(join(tmpdir(), 'praxis-meili-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the local Meilisearch launcher', () => {
  it('finds the pinned binary', () => {
    expect(findMeilisearchBinary({ PATH: '' })).toMatch(/@gaubee\/meilisearch-linux-amd64\/meilisearch$/);
  });

  it('prefers an explicit MEILI_BIN', () => {
    expect(findMeilisearchBinary({ MEILI_BIN: '/opt/meili' })).toBe('/opt/meili');
  });

  it('starts Meilisearch 1.21 with the master key and stops it', async () => {
    const server = await startMeilisearch({ dataDir, masterKey: 'test-master-key-0123456789' });
    try {
      const version = await fetch(`${server.url}/version`, { headers: { authorization: 'Bearer test-master-key-0123456789' } });
      expect(((await version.json()) as { pkgVersion: string }).pkgVersion).toBe('1.21.0');
      const anonymous = await fetch(`${server.url}/indexes`);
      expect(anonymous.status).toBe(401);
    } finally {
      await server.stop();
    }
    await expect(waitForMeilisearch(server.url, 300)).rejects.toThrow(/was not ready/);
  });
});
