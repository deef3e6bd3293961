// A feed opened in a browser ("Diese Suche abonnieren" on a phone) is a readable page: the feed's
// own stylesheet (web/public/feed.xsl, same origin) turns the Atom document into a page that says
// what a feed is, how to subscribe and what it lists now — in the feed's language. Readers still
// get the same Atom document (search-feed.test.ts checks it).
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
  it('names its stylesheet, which the site serves as XSLT from its own origin', async () => {
    const { xml } = await atomTitles(`/feed.xml?${QUERY}`);
    expect(xml.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', '<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>']);
    const stylesheet = await fetch(`${inject('siteUrl')}/feed.xsl`);
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers.get('content-type')).toMatch(/^(text\/xsl|application\/xslt\+xml|application\/xml|text\/xml)/);
    expect(stylesheet.headers.get('x-content-type-options')).toBe('nosniff');
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
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `feed-page-${language.toLowerCase()}-320.png`), fullPage: true });
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
