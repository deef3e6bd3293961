// What each kind of page sends to the browser: pages of links and text no JavaScript at all, the
// search page only its own small script, the forms the Nuxt app (nuxt.config.ts, routeRules).
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

describe('scripts per page', () => {
  it('sends no JavaScript with the home, detail and editorial pages, in both languages', async () => {
    const [de, en] = await Promise.all([published('de'), published('en')]);
    for (const path of ['/', '/en', `/praxisbeispiele/${de[0]!.slug}`, `/en/case-studies/${en[0]!.slug}`, '/datenschutz', '/en/privacy']) {
      expect(await scriptsOf(path), path).toEqual({ sources: [], nuxtApp: false });
    }
  });

  it('sends the search page, as list and map, its own script only, not the Nuxt app', async () => {
    for (const path of ['/praxisbeispiele?q=Kita', '/en/case-studies', '/praxisbeispiele/karte', '/en/case-studies/map?region=Detmold']) {
      const { sources, nuxtApp } = await scriptsOf(path);
      expect(nuxtApp, path).toBe(false);
      expect(sources, path).toEqual([expect.stringMatching(/^\/_scripts\/search-page-[\w-]+\.js$/)]);
      const script = await fetch(`${inject('siteUrl')}${sources[0]}`);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect(script.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('keeps the Nuxt app on the forms', async () => {
    const slug = (await published('de'))[0]!.slug;
    for (const path of [`/praxisbeispiele/${slug}/kontakt`, '/praxisbeispiel-einreichen']) {
      expect((await scriptsOf(path)).nuxtApp, path).toBe(true);
    }
  });
});
