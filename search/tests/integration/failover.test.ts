// The site's reads with more than one Meilisearch (createMeiliClient with several URLs): against
// two real Meilisearch processes, one stopped and started again, a server that never answers and
// one that answers 503.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMeilisearch, type MeilisearchHandle } from '@praxis/tooling/meilisearch';
import { freePort } from '@praxis/tooling/processes';
import { createMeiliClient } from '../../src/meilisearch/meili-client.ts';

const MASTER_KEY = 'failover-test-master-key-0123456789';
const dataDirs = [mkdtempSync(join(tmpdir(), 'praxis-failover-a-')), mkdtempSync(join(tmpdir(), 'praxis-failover-b-'))];
const ports: number[] = [];
const servers: (MeilisearchHandle | undefined)[] = [];
const urls = () => ports.map((port) => `http://127.0.0.1:${port}`);
const helpers: Server[] = [];

/** A local HTTP server: `answer` undefined accepts requests and never answers them. `received` counts them. */
async function helperServer(answer?: { status: number; body: string }): Promise<{ url: string; received: () => number }> {
  let received = 0;
  const server = createServer((_request, response) => {
    received += 1;
    if (!answer) return;
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  helpers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, received: () => received };
}

beforeAll(async () => {
  for (const [index, dataDir] of dataDirs.entries()) {
    ports.push(await freePort());
    servers.push(await startMeilisearch({ dataDir, masterKey: MASTER_KEY, port: ports[index] }));
    // The same document at both, each saying where it lives: the answer tells which one was asked.
    const admin = createMeiliClient(urls()[index]!, MASTER_KEY);
    await admin.createIndex('case-studies-de', { primaryKey: 'documentId' }).waitTask();
    await admin
      .index('case-studies-de')
      .addDocuments([{ documentId: 'doc-1', title: 'Quartierscafé', at: 'ab'[index] }])
      .waitTask();
  }
}, 60_000);
afterAll(async () => {
  for (const server of servers) await server?.stop();
  for (const server of helpers) {
    server.closeAllConnections();
    server.close();
  }
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const answeredBy = async (client: ReturnType<typeof createMeiliClient>) => (await client.index('case-studies-de').search('Quartierscafé')).hits[0]?.at;

describe('reading from more than one Meilisearch', () => {
  it('asks the first while it answers', async () => {
    const client = createMeiliClient(urls(), MASTER_KEY, 10_000);
    expect([await answeredBy(client), await answeredBy(client)]).toEqual(['a', 'a']);
  });

  it('answers from the second while the first is stopped, and from the first again once it is back', async () => {
    const client = createMeiliClient(urls(), MASTER_KEY, 10_000);
    expect(await answeredBy(client)).toBe('a');
    await servers[0]!.stop();
    servers[0] = undefined;
    // Every read answered, none failed.
    const answers = [];
    for (let i = 0; i < 20; i += 1) answers.push(await answeredBy(client));
    expect(new Set(answers)).toEqual(new Set(['b']));
    servers[0] = await startMeilisearch({ dataDir: dataDirs[0]!, masterKey: MASTER_KEY, port: ports[0] });
    // The first is asked last for a few seconds after it failed (holdOffMs), then first again.
    await expect.poll(() => answeredBy(client), { timeout: 15_000, interval: 200 }).toBe('a');
  });

  it('goes on to the next when one never answers, and then asks that one last', async () => {
    const hanging = await helperServer();
    const client = createMeiliClient([hanging.url, urls()[1]!], MASTER_KEY, 10_000);
    // The first read waits out one attempt (3 s) at the hanging one, then b answers.
    expect(await answeredBy(client)).toBe('b');
    expect(hanging.received()).toBe(1);
    // The next ones go to b first: the hanging one is not asked again meanwhile.
    expect([await answeredBy(client), await answeredBy(client)]).toEqual(['b', 'b']);
    expect(hanging.received()).toBe(1);
  });

  it('goes on to the next on a 5xx answer, but not on a 4xx one (the next would say the same)', async () => {
    const unavailable = await helperServer({ status: 503, body: '{"message":"unavailable","code":"unavailable","type":"system","link":""}' });
    expect(await answeredBy(createMeiliClient([unavailable.url, urls()[1]!], MASTER_KEY, 10_000))).toBe('b');
    expect(unavailable.received()).toBe(1);
    const client = createMeiliClient(urls(), MASTER_KEY, 10_000);
    const refused: unknown = await client
      .index('case-studies-de')
      .search('x', { filter: 'unknownField = 1' })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ cause: { response: { status: 400 }, message: expect.stringMatching(/not filterable|unknownField/) } });
    // a was not taken for broken: the next read goes to it first.
    expect(await answeredBy(client)).toBe('a');
  });

  it('goes on to the next when the first has lost the index (it came back empty and is being refilled)', async () => {
    const admin = createMeiliClient(urls()[0]!, MASTER_KEY);
    await admin.deleteIndex('case-studies-de').waitTask();
    try {
      expect(await answeredBy(createMeiliClient(urls(), MASTER_KEY, 10_000))).toBe('b');
    } finally {
      await admin.createIndex('case-studies-de', { primaryKey: 'documentId' }).waitTask();
      await admin
        .index('case-studies-de')
        .addDocuments([{ documentId: 'doc-1', title: 'Quartierscafé', at: 'a' }])
        .waitTask();
    }
  });

  it('fails when none answers', async () => {
    const client = createMeiliClient([`http://127.0.0.1:${await freePort()}`, `http://127.0.0.1:${await freePort()}`], MASTER_KEY, 10_000);
    await expect(client.index('case-studies-de').search('x')).rejects.toThrow();
  });
});
