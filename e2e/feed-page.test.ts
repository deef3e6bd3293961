// A feed opened in a browser ("Diese Suche abonnieren" on a phone) is a readable page that says
// what a feed is, how to subscribe and what it lists now — in the feed's language — at the same
// address (server/open-data/feed-page.ts). Readers still get Atom (search-feed.test.ts checks it).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';

const SCREENSHOTS = process.env.SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });

const QUERY = 'q=Eltern&region=Arnsberg&region=M%C3%BCnster';

/** The titles a feed lists, read from its Atom document by the browser's XML parser. */
async function atomTitles(path: string): Promise<{ xml: string; title: string; entries: string[] }> {
  const response = await fetch(`${inject('siteUrl')}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/atom+xml');
  const xml = await response.text();
  const page = await openPage();
  await page.goto('/favicon.svg');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const titles = [...doc.documentElement.children].filter((element) => element.localName === 'title' || element.localName === 'entry');
    return titles.map((element) => (element.localName === 'title' ? element.textContent! : element.querySelector('title')!.textContent!));
  }, xml);
  return { xml, title: parsed[0]!, entries: parsed.slice(1) };
}

describe('a feed opened in a browser', () => {
  it('is a page for a browser (which asks for HTML) and Atom for a feed reader, at the same address', async () => {
    const { xml } = await atomTitles(`/feed.xml?${QUERY}`);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const asPage = await fetch(`${inject('siteUrl')}/feed.xml?${QUERY}`, { headers: { accept: browserAccept } });
    expect(asPage.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(asPage.headers.get('vary')).toContain('Accept');
    // The page runs nothing and loads nothing.
    expect(asPage.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await asPage.text()).toContain('<link rel="alternate" type="application/atom+xml"');
    // A reader that names Atom (even next to HTML) gets Atom.
    const reader = await fetch(`${inject('siteUrl')}/feed.xml?${QUERY}`, {
      headers: { accept: 'application/atom+xml, application/rss+xml;q=0.9, text/html;q=0.1' },
    });
    expect(reader.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(await reader.text()).toBe(xml);
  });

  for (const [language, path, texts] of [
    [
      'German',
      `/feed.xml?${QUERY}`,
      ['Atom-Feed: zum Abonnieren in einem Feedreader', 'Diese Seite ist ein Feed.', 'So abonnieren Sie den Feed', 'Kopieren Sie die Adresse dieses Feeds:'],
    ],
    ['English', '/en/feed.xml', ['Atom feed: subscribe to it in a feed reader', 'This page is a feed.', 'How to subscribe', 'Copy the address of this feed:']],
  ] as const) {
    it(`shows a ${language} page that explains the feed, its address and every entry, at phone width, without CSP errors and with axe clean`, async () => {
      const { title, entries } = await atomTitles(path);
      expect(entries.length).toBeGreaterThan(0);
      const page = await openPage({ viewport: { width: 320, height: 800 } });
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') blocked.push(message.text());
      });
      await page.goto(path);
      await page.locator('h1').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(language === 'English' ? 'en' : 'de');
      expect(await page.title()).toBe(title);
      expect(await page.locator('h1').textContent()).toBe(title);
      const text = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
      for (const expected of texts) expect(text).toContain(expected);
      expect(await page.locator('code.address').textContent()).toBe(`${inject('siteUrl')}${path}`);
      expect(await page.locator('.entries .entry-title').allTextContents()).toEqual(entries);
      // Each entry leads to its case study.
      const firstHref = await page.locator('.entries .entry-title').first().getAttribute('href');
      expect(new URL(firstHref!).pathname).toMatch(language === 'English' ? /^\/en\/case-studies\// : /^\/praxisbeispiele\//);
      expect(blocked).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await axeViolations(page)).toEqual([]);
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `feed-page-${language.toLowerCase()}-320.png`) });
    });
  }

  it('"Diese Suche abonnieren" on the search page opens that page', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/praxisbeispiele?${QUERY}`);
    await page.locator('a.subscribe').click();
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Praxisdatenbank „Zusammen im Quartier“ – Suche: „Eltern“; Regierungsbezirk: Arnsberg, Münster');
    expect(await page.locator('main').textContent()).toContain('So abonnieren Sie den Feed');
  });
});
