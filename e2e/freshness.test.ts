// Freshness by purge: the site keeps detail pages, the vocabulary and the sitemap cached for an
// hour, and shows a change anyway as soon as Meilisearch has it, because the CMS tells the site
// what changed (POST /api/internal/purge, signed). The times are printed, not asserted: the
// benchmark (`npm run bench:sync`) measures them; here a stale answer would last an hour.
import { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, signPurge } from '@praxis/search';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { admin, CASE_STUDY, published, type PublishedEntry } from './support/cms.ts';

const site = (path: string) => fetch(`${inject('siteUrl')}${path}`);
const pageText = async (path: string) => (await site(path)).text();

/** Milliseconds until `check` holds, polled every 25 ms; fails after 20 s. */
async function timeUntil(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > 20_000) throw new Error('not visible after 20 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Math.round(performance.now() - started);
}

async function publishTitle(documentId: string, title: string): Promise<void> {
  await admin('PUT', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`, { title });
  await admin('POST', `/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {});
}

describe('a change reaches the cached pages through the purge notice', () => {
  let entry: PublishedEntry;

  beforeAll(async () => {
    entry = (await published('de'))[3]!;
  });
  afterAll(async () => {
    await publishTitle(entry.documentId, entry.title);
  });

  it("shows a published title on the detail page, in the search and in the sitemap's feed", async () => {
    const path = `/praxisbeispiele/${entry.slug}`;
    // Twice: the second answer comes from the site's cache (kept for an hour).
    expect(await pageText(path)).toContain(entry.title.slice(0, 20).replace(/&/g, '&amp;'));
    expect(await pageText(path)).toContain(entry.title.slice(0, 20).replace(/&/g, '&amp;'));
    await pageText('/feed.xml');

    const title = `Frisch veröffentlicht ${Date.now()}`;
    const sent = performance.now();
    await publishTitle(entry.documentId, title);
    const cmsMs = Math.round(performance.now() - sent);
    const detailMs = await timeUntil(async () => (await pageText(path)).includes(title));
    const searchMs = await timeUntil(async () =>
      ((await (await site(`/api/search?q=${encodeURIComponent(title)}`)).json()) as { hits: { title: string }[] }).hits.some((hit) => hit.title === title),
    );
    const feedMs = await timeUntil(async () => (await pageText('/feed.xml')).includes(title));
    console.log(
      `[e2e] publish: the CMS answered in ${cmsMs} ms; then visible on the detail page after ${detailMs} ms, in the search after ${searchMs} ms more, in the feed after ${feedMs} ms more`,
    );
  });
});

describe('a renamed topic reaches the filter labels and the detail pages', () => {
  let topic: { documentId: string; name: string; slug: string };
  let entry: PublishedEntry;

  beforeAll(async () => {
    entry = (await published('de'))[4]!;
    const answer = (await (await site(`/api/case-studies/${entry.slug}?locale=de`)).json()) as { caseStudy: { topics: { slug: string; name: string }[] } };
    const { slug } = answer.caseStudy.topics[0]!;
    const { results } = await admin<{ results: { documentId: string; name: string; slug: string }[] }>(
      'GET',
      `/content-manager/collection-types/api::topic.topic?pageSize=100&filters[slug][$eq]=${slug}`,
    );
    topic = results[0]!;
  });
  afterAll(async () => {
    await admin('PUT', `/content-manager/collection-types/api::topic.topic/${topic.documentId}`, { name: topic.name });
  });

  it("shows the new name in the search page's filters and on a case study that has the topic", async () => {
    const detail = `/praxisbeispiele/${entry.slug}`;
    expect(await pageText('/praxisbeispiele')).toContain(topic.name.replace(/&/g, '&amp;'));
    await pageText(detail);
    const name = `Umbenanntes Handlungsfeld ${Date.now()}`;
    await admin('PUT', `/content-manager/collection-types/api::topic.topic/${topic.documentId}`, { name });
    const filtersMs = await timeUntil(async () => (await pageText('/praxisbeispiele')).includes(name));
    const detailMs = await timeUntil(async () => (await pageText(detail)).includes(name));
    console.log(`[e2e] topic rename: visible in the filters after ${filtersMs} ms, on the detail page after ${detailMs} ms more`);
  });
});

describe('the purge route', () => {
  const body = JSON.stringify({ caseStudies: [], vocabulary: true });
  const post = (headers: Record<string, string>, content = body) =>
    fetch(`${inject('siteUrl')}${PURGE_PATH}`, { method: 'POST', body: content, headers: { 'content-type': 'application/json', ...headers } });
  const signed = (content: string, secret: string, timestamp = Date.now()) => ({
    [PURGE_TIMESTAMP_HEADER]: String(timestamp),
    [PURGE_SIGNATURE_HEADER]: signPurge(content, timestamp, secret),
  });

  it('takes a notice signed with the shared secret', async () => {
    expect((await post(signed(body, inject('purgeSecret')))).status).toBe(204);
  });

  it('refuses unsigned, wrongly signed, old and tampered notices (401) and malformed ones (400)', async () => {
    const secret = inject('purgeSecret');
    expect((await post({})).status).toBe(401);
    expect((await post(signed(body, 'not-the-secret'))).status).toBe(401);
    expect((await post(signed(body, secret, Date.now() - 10 * 60_000))).status).toBe(401);
    expect((await post(signed(body, secret), body.replace('true', 'false'))).status).toBe(401);
    for (const content of ['not json', '{"caseStudies":"all"}', '{"caseStudies":[{"documentId":""}]}', '{"unknown":1}']) {
      const response = await post(signed(content, secret), content);
      expect(response.status, content).toBe(400);
    }
    // Only POST: a GET finds no such page.
    expect((await fetch(`${inject('siteUrl')}${PURGE_PATH}`)).status).toBe(404);
  });
});
