// "Diese Suche abonnieren": a search as an Atom feed of exactly its matches, titled with the search.
import { describe, expect, inject, it } from 'vitest';
import { openPage } from './support/browser.ts';

interface ParsedFeed {
  wellFormed: boolean;
  namespace: string | null;
  title: string;
  /** Required Atom elements of the feed and each entry (RFC 4287 4.1.1, 4.1.2) that are missing. */
  missing: string[];
  links: string[];
}

describe('saved-search feed', () => {
  it('lists exactly the matches of a filtered search, newest changes first, as valid Atom; the page links it', async () => {
    const site = inject('siteUrl');
    const query = 'q=Eltern&region=Arnsberg&region=M%C3%BCnster';
    const api = (await (await fetch(`${site}/api/search?${query}&pageSize=50`)).json()) as { total: number; hits: { slug: string }[] };
    expect(api.total).toBeGreaterThan(0);
    const response = await fetch(`${site}/feed.xml?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await response.text();

    // Parsed by the browser's own XML parser, which reports any error in the document.
    const page = await openPage();
    await page.goto(`/praxisbeispiele?${query}`);
    const feed = await page.evaluate((source): ParsedFeed => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const root = doc.documentElement;
      const child = (parent: Element, name: string) => [...parent.children].find((element) => element.localName === name);
      const missing: string[] = [];
      for (const name of ['id', 'title', 'updated', 'author']) if (!child(root, name)) missing.push(`feed/${name}`);
      const entries = [...root.children].filter((element) => element.localName === 'entry');
      entries.forEach((entry, index) => {
        for (const name of ['id', 'title', 'updated', 'link']) if (!child(entry, name)) missing.push(`entry ${index}/${name}`);
      });
      return {
        wellFormed: doc.getElementsByTagName('parsererror').length === 0,
        namespace: root.namespaceURI,
        title: child(root, 'title')?.textContent ?? '',
        missing,
        links: entries.map((entry) => child(entry, 'link')!.getAttribute('href')!),
      };
    }, xml);
    expect(feed).toMatchObject({ wellFormed: true, namespace: 'http://www.w3.org/2005/Atom', missing: [] });
    expect(feed.title).toBe('Praxisdatenbank „Zusammen im Quartier“ – Suche: „Eltern“; Regierungsbezirk: Arnsberg, Münster');
    expect(feed.links.map((link) => new URL(link).pathname).sort()).toEqual(api.hits.map((hit) => `/praxisbeispiele/${hit.slug}`).sort());

    expect(await page.locator('a.subscribe').getAttribute('href')).toBe(`/feed.xml?${query}`);
    await page.locator('.search-page.enhanced').waitFor();
    await page.locator('#facet-topic-bewegung').check();
    await expect.poll(() => page.locator('a.subscribe').getAttribute('href')).toBe(`/feed.xml?${query}&topic=bewegung`);
  });

  it('answers a feed of a malformed search with 400 and what is wrong', async () => {
    const response = await fetch(`${inject('siteUrl')}/feed.xml?topic=raumfahrt`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('topic');
  });
});
