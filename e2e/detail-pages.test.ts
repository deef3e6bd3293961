// Detail, editorial, 404 and preview pages, the sitemap and print, against the running stack.
import { readFileSync } from 'node:fs';
import { createMeiliClient, previewPath, type SearchDocument } from '@praxis/search';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { admin, CASE_STUDY, published, type PublishedEntry } from './support/cms.ts';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';

let german: PublishedEntry[] = [];
let english: PublishedEntry[] = [];
/** A German case study with an English translation, and one without. */
let translated: { de: PublishedEntry; en: PublishedEntry };
let germanOnly: PublishedEntry;

beforeAll(async () => {
  [german, english] = await Promise.all([published('de'), published('en')]);
  const en = english[0]!;
  translated = { de: german.find((entry) => entry.documentId === en.documentId)!, en };
  germanOnly = german.find((entry) => !english.some((other) => other.documentId === entry.documentId))!;
});

const axe = async (path: string) => {
  const page = await openPage();
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return axeViolations(page);
};

describe('case-study pages', () => {
  it('opens from a search result and links its facet values back to the search', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele?q=Kita');
    await page.waitForLoadState('networkidle');
    const first = page.locator('.hits h3 a').first();
    const title = await first.innerText();
    await first.click();
    await page.waitForURL(/\/praxisbeispiele\/[a-z0-9-]+$/);
    await expect.poll(() => page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('#section-transfer').innerText()).toContain('Übertragbarkeit');
    expect(await page.locator('.related li').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.related h3').allInnerTexts()).not.toContain(title);
    expect(await page.locator('svg[role="img"]').getAttribute('aria-label')).toContain('Lage in Nordrhein-Westfalen');

    const topicLink = page.locator('.facts dt:text("Handlungsfelder") + dd a').first();
    const topic = await topicLink.innerText();
    await topicLink.click();
    await page.waitForURL(/\/praxisbeispiele\?topic=/);
    await page.waitForLoadState('networkidle');
    const param = new URL(page.url()).searchParams.get('topic')!;
    expect(await page.locator(`#facet-topic-${param}`).isChecked()).toBe(true);
    expect(await page.locator('.chip').first().innerText()).toContain(topic);
    expect(await page.locator('.hits h3').allInnerTexts()).toContain(title);
  });

  it('names similar towns (same Gemeindetyp and Einwohnerzahl class, from the official data) with their case-study counts', async () => {
    const towns = new Map(
      readFileSync(new URL('../cms/data/nrw/municipalities.csv', import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map(([ags, name, type, , , , , , population]) => [ags!, { name: name!, type: type!, population: Number(population) }]),
    );
    const sizeClass = (people: number) => [20_000, 50_000, 100_000, 500_000, Infinity].findIndex((limit) => people < limit);
    const kindOf = (ags: string) => `${towns.get(ags)!.type}/${sizeClass(towns.get(ags)!.population)}`;
    const docs = (await createMeiliClient(inject('meiliUrl'), inject('masterKey')).index('case-studies-de').getDocuments<SearchDocument>({ limit: 1000 }))
      .results;
    const countIn = (ags: string) => docs.filter((doc) => doc.municipalityAgs.includes(ags)).length;
    // A case study in a single town that has kin with case studies elsewhere.
    const subject = docs.find(
      (doc) =>
        doc.municipalityAgs.length === 1 &&
        [...towns.keys()].some((ags) => ags !== doc.municipalityAgs[0] && kindOf(ags) === kindOf(doc.municipalityAgs[0]!) && countIn(ags) > 0),
    )!;
    const own = subject.municipalityAgs[0]!;
    const expected = [...towns.keys()]
      .filter((ags) => ags !== own && kindOf(ags) === kindOf(own) && countIn(ags) > 0)
      .map((ags) => ({ name: towns.get(ags)!.name, count: countIn(ags) }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'))
      .slice(0, 8);

    const page = await openPage();
    await page.goto(`/praxisbeispiele/${subject.slug}`);
    const items = await page.locator('.similar-towns .town-list li').allInnerTexts();
    expect(items).toEqual(expected.map(({ name, count }) => `${name} (${count} ${count === 1 ? 'Praxisbeispiel' : 'Praxisbeispiele'})`));
    await page.locator('.similar-towns p a').first().click();
    await page.waitForURL(/townType=.*townSize=/);
    const search = new URL(page.url()).searchParams;
    const answer = (await (await fetch(`${inject('siteUrl')}/api/search?${search}&pageSize=50`)).json()) as { total: number; hits: { documentId: string }[] };
    expect(await page.locator('.result-count').innerText()).toBe(`${answer.total} Praxisbeispiele gefunden`);
    expect(answer.hits.map((hit) => hit.documentId)).toContain(subject.documentId);
  });

  it('switches language on the same case study and redirects a slug of the other language', async () => {
    const page = await openPage();
    await page.goto(`/praxisbeispiele/${translated.de.slug}`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**/en/case-studies/${translated.en.slug}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(translated.en.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    const alternate = await page.locator('link[rel="alternate"][hreflang="de"]').first().getAttribute('href');
    expect(alternate).toContain(`/praxisbeispiele/${translated.de.slug}`);

    const response = await fetch(`${inject('siteUrl')}/en/case-studies/${translated.de.slug}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`/en/case-studies/${translated.en.slug}`);
  });

  it('answers an unknown slug with a real 404 page that offers the search, and links a German-only case study', async () => {
    const page = await openPage();
    const response = await page.goto('/praxisbeispiele/gibt-es-nicht');
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Seite nicht gefunden');
    await page.locator('#not-found-q').fill('Eltern');
    await page.locator('#not-found-q').press('Enter');
    await page.waitForURL(/praxisbeispiele\?q=Eltern/);

    const english404 = await openPage();
    const answer = await english404.goto(`/en/case-studies/${germanOnly.slug}`);
    expect(answer?.status()).toBe(404);
    expect(await english404.getByRole('link', { name: 'Read it in German' }).getAttribute('href')).toBe(`/praxisbeispiele/${germanOnly.slug}`);
  });

  it('prints as a clean handout: no navigation, external links written out', async () => {
    const page = await openPage();
    await page.goto(`/praxisbeispiele/${german[0]!.slug}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.related').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    const written = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('.case-study a[href^="mailto:"], .case-study a[href^="http"]');
      return link ? { href: link.getAttribute('href'), after: getComputedStyle(link, '::after').content } : null;
    });
    expect(written).not.toBeNull();
    expect(written!.after).toContain(written!.href);
  });

  it.each([
    ['a case study', () => `/praxisbeispiele/${german[0]!.slug}`],
    ['an English case study', () => `/en/case-studies/${english[0]!.slug}`],
    ['a content page', () => '/programm'],
    ['an English content page', () => '/en/accessibility'],
    ['the 404 page', () => '/praxisbeispiele/gibt-es-nicht'],
  ])('finds no axe violations on %s', async (_name, path) => {
    expect(await axe(path())).toEqual([]);
  });
});

describe('editorial pages', () => {
  it('are linked from navigation and footer in both languages', async () => {
    const page = await openPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto('/');
    for (const name of ['Programm', 'Baustein 1', 'Baustein 2', 'Über die Datenbank']) {
      expect(await page.locator('header nav').getByRole('link', { name, exact: true }).count(), name).toBe(1);
    }
    for (const name of ['Impressum', 'Datenschutz', 'Barrierefreiheit', 'Datenquellen']) {
      expect(await page.locator('footer nav').getByRole('link', { name, exact: true }).count(), name).toBe(1);
    }
    await page.locator('footer nav').getByRole('link', { name: 'Datenquellen' }).click();
    await page.waitForURL('**/datenquellen');
    await expect.poll(() => page.locator('main').innerText()).toContain('GeoBasis-DE / BKG');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/en/data-sources');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-GB');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Data sources and licences');
    // Pages come through the site's API: the browser never loads @nuxt/content's SQLite.
    expect(requested.filter((url) => /sqlite|\.wasm/.test(url))).toEqual([]);
  });
});

describe('preview of drafts', () => {
  let documentId: string;
  let draftTitle: string;
  let previewUrl: string;

  beforeAll(async () => {
    documentId = german[1]!.documentId;
    draftTitle = `ENTWURF ${Date.now()}`;
    await admin('PUT', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`, { title: draftTitle });
    // The link the admin's "Open preview" button opens (signed by the CMS's preview handler).
    const { data } = await admin<{ data: { url: string } }>(
      'GET',
      `/content-manager/preview/url/${CASE_STUDY}?documentId=${documentId}&locale=de&status=draft`,
    );
    previewUrl = data.url;
  });

  it('shows the draft through the signed link, uncached and not indexable', async () => {
    const url = new URL(previewUrl);
    expect(url.pathname).toBe(`/vorschau/${documentId}`);
    const page = await openPage();
    const response = await page.goto(`${url.pathname}${url.search}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(draftTitle);
    expect(response?.headers()['cache-control']).toContain('no-store');
    expect(response?.headers()['x-robots-tag']).toContain('noindex');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
  });

  it('never shows a draft without a valid signature, and the public page keeps the published title', async () => {
    const url = new URL(previewUrl);
    const forged = new URL(url);
    forged.searchParams.set('signature', 'A'.repeat(43));
    const wrongSecret = previewPath({ documentId, locale: 'de', status: 'draft' }, 'not-the-secret');
    for (const path of [`/vorschau/${documentId}`, `${forged.pathname}${forged.search}`, wrongSecret, `/api/preview/${documentId}?locale=de&status=draft`]) {
      const response = await fetch(`${inject('siteUrl')}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain(draftTitle);
    }
    const publicPage = await (await fetch(`${inject('siteUrl')}/praxisbeispiele/${german[1]!.slug}`)).text();
    expect(publicPage).not.toContain(draftTitle);
    expect(publicPage).toContain(german[1]!.title.replace(/&/g, '&amp;').slice(0, 20));
  });
});

describe('findability', () => {
  it('lists every published case study in both languages in the sitemap, and no draft', async () => {
    const draft = await admin<{ data: { documentId: string; slug: string } }>('POST', `/content-manager/collection-types/${CASE_STUDY}?locale=de`, {
      title: 'Nie veröffentlichter Entwurf',
      slug: 'nie-veroeffentlicht',
      teaser: 'Entwurf',
    });
    const sitemap = await (await fetch(`${inject('siteUrl')}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    for (const entry of german) expect(locs).toContain(`/praxisbeispiele/${entry.slug}`);
    for (const entry of english) expect(locs).toContain(`/en/case-studies/${entry.slug}`);
    expect(locs.filter((path) => /case-studies\/|praxisbeispiele\//.test(path))).toHaveLength(german.length + english.length);
    expect(sitemap).not.toContain(draft.data.slug);
    expect(locs).toEqual(expect.arrayContaining(['/programm', '/en/programme', '/impressum', '/en/legal-notice']));
  });

  it('has robots.txt, Atom feeds, canonical, Open Graph and JSON-LD on a case study', async () => {
    const robots = await (await fetch(`${inject('siteUrl')}/robots.txt`)).text();
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
    const feed = await (await fetch(`${inject('siteUrl')}/feed.xml`)).text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect((feed.match(/<entry>/g) ?? []).length).toBe(Math.min(30, german.length));
    const page = await openPage();
    await page.goto(`/praxisbeispiele/${german[2]!.slug}`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${inject('siteUrl')}/praxisbeispiele/${german[2]!.slug}`);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(german[2]!.title);
    const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText());
    expect(jsonLd).toMatchObject({ '@type': 'Project', name: german[2]!.title, location: [expect.objectContaining({ '@type': 'Place' })] });
    expect(await page.title()).toContain(german[2]!.title);
  });
});
