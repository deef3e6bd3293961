import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, verifyPurge, type PurgeNotice } from '@praxis/search';
import { afterEach, describe, expect, it } from 'vitest';
import { SitePurgeNotifier } from './site-purge-notifier';

const SECRET = 'purge-test-secret';

/** A stand-in for the site's purge route: checks the signature like the site does and records each notice. */
function fakeSite(answer: () => number = () => 204) {
  const received: PurgeNotice[] = [];
  let requests = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests += 1;
      const valid = verifyPurge(body, Number(request.headers[PURGE_TIMESTAMP_HEADER]), String(request.headers[PURGE_SIGNATURE_HEADER]), SECRET);
      const status = valid ? answer() : 401;
      if (status === 204) received.push(JSON.parse(body) as PurgeNotice);
      response.writeHead(status).end();
    });
  });
  return { server, received, requests: () => requests };
}

const servers: Server[] = [];
async function listen(server: Server, port = 0): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function notifier(siteUrls: string[], secret = SECRET) {
  const warnings: string[] = [];
  const log = { warn: (message: string) => warnings.push(message), error: (message: string) => warnings.push(message) };
  return { notifier: new SitePurgeNotifier({ siteUrls, secret, log, firstRetryMs: 20, attempts: 6 }), warnings };
}

describe('SitePurgeNotifier', () => {
  it('sends signed notices and collects those that come while one is on its way', async () => {
    const site = fakeSite();
    const url = await listen(site.server);
    const { notifier: purge, warnings } = notifier([url]);
    purge.notify({ caseStudies: [{ documentId: 'a', locale: 'de' }] });
    purge.notify({
      caseStudies: [
        { documentId: 'b', locale: 'de' },
        { documentId: 'a', locale: 'de' },
      ],
    });
    purge.notify({ vocabulary: true });
    await purge.settled();
    expect(site.received).toEqual([
      { caseStudies: [{ documentId: 'a', locale: 'de' }], vocabulary: false, all: false, events: false },
      {
        caseStudies: [
          { documentId: 'b', locale: 'de' },
          { documentId: 'a', locale: 'de' },
        ],
        vocabulary: true,
        all: false,
        events: false,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('retries while the site is down and delivers once it is up, exactly once', async () => {
    const site = fakeSite();
    const probe = await listen(createServer());
    const port = Number(new URL(probe).port);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { notifier: purge, warnings } = notifier([probe]);
    purge.notify({ caseStudies: [{ documentId: 'a', locale: 'en' }] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await listen(site.server, port);
    await purge.settled();
    expect(site.received).toEqual([{ caseStudies: [{ documentId: 'a', locale: 'en' }], vocabulary: false, all: false, events: false }]);
    expect(warnings).toEqual([]);
  });

  it('retries a failing site and gives up with a warning, without throwing', async () => {
    const site = fakeSite(() => 503);
    const url = await listen(site.server);
    const { notifier: purge, warnings } = notifier([url]);
    purge.notify({ all: true });
    await purge.settled();
    expect(site.requests()).toBe(6);
    expect(warnings).toEqual([expect.stringMatching(/did not take a cache purge \(HTTP 503\)/)]);
  });

  it('does not repeat a refused notice (wrong secret)', async () => {
    const site = fakeSite();
    const url = await listen(site.server);
    const { notifier: purge, warnings } = notifier([url], 'another-secret');
    purge.notify({ vocabulary: true });
    await purge.settled();
    expect(site.requests()).toBe(1);
    expect(site.received).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/HTTP 401/)]);
  });

  it('tells every site instance', async () => {
    const [first, second] = [fakeSite(), fakeSite()];
    const { notifier: purge } = notifier([await listen(first.server), await listen(second.server)]);
    purge.notify({ caseStudies: [{ documentId: 'x', locale: 'de' }] });
    await purge.settled();
    expect(first.received).toHaveLength(1);
    expect(second.received).toEqual(first.received);
  });

  it('sends a new notice at once, with the one waiting for its retry, when the site has come up meanwhile', async () => {
    const site = fakeSite();
    const probe = await listen(createServer());
    const port = Number(new URL(probe).port);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const warnings: string[] = [];
    const log = { warn: (message: string) => warnings.push(message), error: (message: string) => warnings.push(message) };
    // The first retry would come after a minute: only the new notice can bring the old one earlier.
    const purge = new SitePurgeNotifier({ siteUrls: [probe], secret: SECRET, log, firstRetryMs: 60_000, attempts: 3 });
    purge.notify({ caseStudies: [{ documentId: 'before', locale: 'de' }] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await listen(site.server, port);
    purge.notify({ caseStudies: [{ documentId: 'after', locale: 'de' }] });
    await expect.poll(() => site.received.length, { timeout: 5_000 }).toBe(1);
    expect(site.received[0]!.caseStudies.map((change) => change.documentId)).toEqual(['before', 'after']);
    await purge.settled();
    expect(warnings).toEqual([]);
  });

  it('delivers to a running instance while another is down and being retried', async () => {
    const running = fakeSite();
    const down = fakeSite(() => 503);
    const { notifier: purge } = notifier([await listen(down.server), await listen(running.server)]);
    purge.notify({ caseStudies: [{ documentId: 'first', locale: 'de' }] });
    await expect.poll(() => running.received.length).toBe(1);
    // The down instance is still being retried (six attempts, 20 ms doubling): the next notice
    // reaches the running one at once, not after those retries.
    purge.notify({ caseStudies: [{ documentId: 'second', locale: 'de' }] });
    await expect.poll(() => running.received.length).toBe(2);
    expect(down.requests()).toBeLessThan(6);
    await purge.settled();
    expect(running.received.map((notice) => notice.caseStudies[0]!.documentId)).toEqual(['first', 'second']);
  });
});
