// The site's cache of whole pages (web/server/cache/page-cache.ts) against the running stack:
// a page asked again comes from memory, byte for byte what was rendered and with the same
// headers, or as a 304 to a browser that has it; a publish makes it stale at once; a cached
// search page still counts its search.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, signPurge } from '@praxis/search';
import { describe, expect, inject, it } from 'vitest';
import { admin, CASE_STUDY } from './support/cms.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What a person's browser sends along: only such requests count as practitioners' searches. */
const BROWSER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'accept-language': 'de-DE,de;q=0.9',
};

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const site = new URL(inject('siteUrl'));
  return new Promise((resolve, reject) => {
    const req = request({ host: site.hostname, port: site.port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The headers that describe the page (not the connection, the date, the reader's rate limit or the copy's ETag). */
const pageHeaders = (answer: Answer) =>
  Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => !/^(?:date|connection|keep-alive|content-length|etag|x-ratelimit-.*|x-page-cache)$/.test(name)),
  );

/** Makes every cached page stale, as the CMS's notice of a vocabulary change does. */
async function purgeAll(): Promise<void> {
  const body = JSON.stringify({ caseStudies: [], vocabulary: true });
  const timestamp = Date.now();
  const response = await fetch(`${inject('siteUrl')}${PURGE_PATH}`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      [PURGE_TIMESTAMP_HEADER]: String(timestamp),
      [PURGE_SIGNATURE_HEADER]: signPurge(body, timestamp, inject('purgeSecret')),
    },
  });
  expect(response.status).toBe(204);
}

/**
 * A page rendered and then asked again. Asked anew when the second answer was rendered too: a
 * change notice of the CMS's background sync (the demo content settling, a reconciliation) came in
 * between and made the first copy stale, as it should.
 */
async function renderedThenCached(path: string): Promise<[Answer, Answer]> {
  for (let attempt = 1; ; attempt++) {
    const rendered = await get(path);
    const cached = await get(path);
    if (cached.headers['x-page-cache'] === 'hit' || attempt === 3) return [rendered, cached];
  }
}

describe('the page cache', () => {
  it('answers the search, detail and home pages asked again from memory: the same bytes and headers, gzipped or not', async () => {
    const slug = ((await (await fetch(`${inject('siteUrl')}/api/search?pageSize=1`)).json()) as { hits: { slug: string }[] }).hits[0]!.slug;
    // Earlier tests asked some of these pages: none is kept from before.
    await purgeAll();
    for (const path of [`/praxisbeispiele?q=Eltern&sort=title`, `/en/case-studies/map?q=parents`, `/praxisbeispiele/${slug}`, '/en']) {
      const [rendered, cached] = await renderedThenCached(path);
      expect(rendered.status, path).toBe(200);
      expect(rendered.headers['x-page-cache'], path).toBeUndefined();
      expect(cached.headers['x-page-cache'], path).toBe('hit');
      expect(cached.body.equals(rendered.body), path).toBe(true);
      expect(pageHeaders(cached), path).toEqual(pageHeaders(rendered));
      const gzipped = await get(path, { 'accept-encoding': 'gzip, br' });
      expect(gzipped.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gzipped.body).equals(rendered.body), path).toBe(true);
      // A browser that has the page asks with its ETag (the pages are no-cache) and gets no body.
      expect(gzipped.headers.etag, path).toBe(cached.headers.etag);
      const revalidated = await get(path, { 'if-none-match': String(cached.headers.etag) });
      expect(revalidated.status, path).toBe(304);
      expect(revalidated.body.byteLength, path).toBe(0);
    }
  });

  it('keeps no error page and no page with a nonce (the forms run the Nuxt app)', async () => {
    for (const path of ['/praxisbeispiele/gibt-es-nicht-im-cache', '/praxisbeispiele?page=0', '/praxisbeispiel-einreichen']) {
      await get(path);
      expect((await get(path)).headers['x-page-cache'], path).toBeUndefined();
    }
  });

  it('shows a case study published after a search was cached, as soon as Meilisearch has it', async () => {
    const word = `Zwischenspeicher${Date.now().toString(36)}`;
    const title = `${word} erscheint`;
    const path = `/praxisbeispiele?q=${word}`;
    await get(path);
    const before = await get(path);
    expect(before.headers['x-page-cache']).toBe('hit');
    expect(before.body.toString()).not.toContain(title);

    const blocks = (await (await fetch(`${inject('cmsUrl')}/api/building-blocks`)).json()) as { data: { documentId: string }[] };
    const created = await admin<{ data: { documentId: string } }>('POST', `/content-manager/collection-types/${CASE_STUDY}?locale=de`, {
      title,
      slug: word.toLowerCase(),
      teaser: 'Erst nicht gefunden, dann auf der gespeicherten Suchseite.',
      description: 'Text',
      buildingBlock: { connect: [{ documentId: blocks.data[0]!.documentId }] },
      projectStatus: 'laufend',
      fundingStart: 2025,
    });
    const { documentId } = created.data;
    const indexed = async () =>
      ((await (await fetch(`${inject('siteUrl')}/api/search?q=${word}`)).json()) as { hits: { title: string }[] }).hits.some((hit) => hit.title === title);
    try {
      await admin('POST', `/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {});
      await expect.poll(async () => (await get(path)).body.toString(), { timeout: 20_000, interval: 100 }).toContain(title);
      // The browser's old copy is not confirmed any more.
      expect((await get(path, { 'if-none-match': String(before.headers.etag) })).status).toBe(200);
    } finally {
      await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`);
      // The other suites count the demo content in the index: wait until the sync has removed this one again.
      await expect.poll(indexed, { timeout: 20_000 }).toBe(false);
    }
    await expect.poll(async () => (await get(path)).body.toString(), { timeout: 20_000, interval: 100 }).not.toContain(title);
  });

  it("counts a practitioner's search for the editors' dashboard each time its cached page is served, and nothing else", async () => {
    const word = `zzqqxq${Date.now().toString(36)}`;
    const servings = 6;
    for (let served = 0; served < servings; served += 1) await get(`/praxisbeispiele?q=${word}`, BROWSER);
    // Not counted: a script, a monitor, a browser without its language header, text without a word.
    await get(`/praxisbeispiele?q=${word}`, { 'user-agent': 'curl/8.5.0', 'accept-language': 'de' });
    await get(`/praxisbeispiele?q=${word}`, { ...BROWSER, 'user-agent': 'Mozilla/5.0 (compatible; UptimeRobot/2.0)' });
    await get(`/praxisbeispiele?q=${word}`, { 'user-agent': BROWSER['user-agent'] });
    const junk = await get(`/api/search?q=${encodeURIComponent('"\'`<>')}`, BROWSER);
    expect(junk.status).toBe(200);
    // Found nothing only because of a filter: counted as a search, not as one without results.
    await get(`/api/search?q=Schwimmkurs&region=K%C3%B6ln`, BROWSER);
    // The site sends its counts to the CMS every 0.5 s in this stack.
    const statistics = () =>
      admin<{ withoutResults: { query: string; searches: number }[]; mostFrequent: { query: string; searches: number; withoutResults: number }[] }>(
        'GET',
        '/redaktion/search-statistics',
      );
    await expect
      .poll(async () => (await statistics()).withoutResults.find((search) => search.query === word)?.searches ?? 0, { timeout: 10_000 })
      .toBe(servings);
    const { withoutResults, mostFrequent } = await statistics();
    expect(withoutResults.map((search) => search.query)).not.toContain('schwimmkurs');
    expect(withoutResults.map((search) => search.query)).not.toContain('"\'`<>');
    expect(mostFrequent.find((search) => search.query === 'schwimmkurs')?.withoutResults ?? 0).toBe(0);
  });
});
