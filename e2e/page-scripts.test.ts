// What each kind of page sends to the browser: pages of links and text no JavaScript at all or
// only "Merken"'s small script, the comparison only its print button's, the search page its own,
// the forms the Nuxt app (nuxt.config.ts, routeRules).
import { describe, expect, inject, it } from 'vitest';
import { published } from './support/cms.ts';

async function scriptsOf(path: string): Promise<{ sources: string[]; nuxtApp: boolean }> {
  const response = await fetch(`${inject('siteUrl')}${path}`);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  // The paint-first loader (server/plugins/paint-first.ts) carries the module scripts as JSON.
  const sources = [...html.matchAll(/(?:src=|\\?"src\\?":\\?")"?([^"\\]+\.js)/g)].map((match) => match[1]!);
  return { sources, nuxtApp: html.includes('id="__NUXT_DATA__"') || html.includes('type="importmap"') };
}

const SEARCH_SCRIPT = /^\/_scripts\/search-page-[\w-]+\.js$/;
const BOOKMARKS_SCRIPT = /^\/_scripts\/bookmarks-[\w-]+\.js$/;
const PRINT_SCRIPT = /^\/_scripts\/print-[\w-]+\.js$/;

describe('scripts per page', () => {
  it('sends no JavaScript with the editorial pages, statistics, open data and the API description, in both languages', async () => {
    for (const path of [
      '/datenschutz',
      '/en/privacy',
      '/statistik',
      '/en/statistics',
      '/open-data',
      '/en/open-data',
      '/api-dokumentation',
      '/en/api-documentation',
      '/so-entsteht-die-datenbank',
      '/en/how-the-database-is-made',
    ]) {
      expect(await scriptsOf(path), path).toEqual({ sources: [], nuxtApp: false });
    }
  });

  it('sends the comparison only the small script of its print button, in both languages', async () => {
    for (const path of ['/merkliste/vergleich', '/en/saved-list/compare']) {
      expect(await scriptsOf(path), path).toEqual({ sources: [expect.stringMatching(PRINT_SCRIPT)], nuxtApp: false });
    }
  });

  it('sends the pages with "Merken" (home, detail, Merkliste) only its small script, in both languages', async () => {
    const [de, en] = await Promise.all([published('de'), published('en')]);
    for (const path of ['/', '/en', `/praxisbeispiele/${de[0]!.slug}`, `/en/case-studies/${en[0]!.slug}`, '/merkliste', '/en/saved-list']) {
      expect(await scriptsOf(path), path).toEqual({ sources: [expect.stringMatching(BOOKMARKS_SCRIPT)], nuxtApp: false });
    }
  });

  it('sends the search page its own script (and the list "Merken"\'s), not the Nuxt app', async () => {
    for (const [path, scripts] of [
      ['/praxisbeispiele?q=Kita', [SEARCH_SCRIPT, BOOKMARKS_SCRIPT]],
      ['/en/case-studies', [SEARCH_SCRIPT, BOOKMARKS_SCRIPT]],
      ['/praxisbeispiele/karte', [SEARCH_SCRIPT]],
      ['/en/case-studies/map?region=Detmold', [SEARCH_SCRIPT]],
    ] as const) {
      const { sources, nuxtApp } = await scriptsOf(path);
      expect(nuxtApp, path).toBe(false);
      expect(sources, path).toEqual(scripts.map((script) => expect.stringMatching(script)));
      for (const source of sources) {
        const script = await fetch(`${inject('siteUrl')}${source}`);
        expect(script.headers.get('content-type')).toMatch(/javascript/);
        expect(script.headers.get('cache-control')).toContain('immutable');
      }
    }
  });

  it('keeps the Nuxt app on the forms', async () => {
    const slug = (await published('de'))[0]!.slug;
    for (const path of [`/praxisbeispiele/${slug}/kontakt`, '/praxisbeispiel-einreichen']) {
      expect((await scriptsOf(path)).nuxtApp, path).toBe(true);
    }
  });
});
