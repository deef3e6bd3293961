// The public API keeps its description: every answer the site gives to a broad set of real
// requests (found, missing and bad ones, both languages, the open-data files) conforms to the
// OpenAPI 3.1 document it serves, and the versioned addresses answer like the unversioned ones.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { conformsTo, examplesConform } from '@praxis/web/openapi-conformance';
import { openPage } from './support/browser.ts';
import { published } from './support/cms.ts';

let document: object;
beforeAll(async () => {
  const response = await fetch(`${inject('siteUrl')}/api/openapi.json`);
  expect(response.headers.get('content-type')).toContain('application/json');
  document = (await response.json()) as object;
});

/** Fetches `url` and checks its status and JSON body against the operation at `template`. */
async function check(template: string, url: string, status: number): Promise<unknown> {
  const response = await fetch(`${inject('siteUrl')}${url}`, { headers: { accept: 'application/json' } });
  expect(response.status, url).toBe(status);
  const body = await response.json();
  expect(conformsTo(document, 'get', template, status, body), url).toEqual([]);
  return body;
}

describe('OpenAPI description of the public API', () => {
  it('has examples that conform to their own schemas', () => {
    expect(examplesConform(document)).toEqual([]);
  });

  it('describes the answers of the search, in both versions, for hits, filters, empty results and bad input', async () => {
    for (const prefix of ['/api/v1', '/api']) {
      for (const query of [
        '',
        'q=Kita',
        'topic=bewegung&region=Arnsberg&sort=title',
        'q=zzzxxyy&topic=bewegung',
        'locale=en&pageSize=50',
        'fundingStart=2020&townSize=20000-50000',
      ]) {
        await check(`${prefix}/search`, `${prefix}/search?${query}`, 200);
      }
      for (const query of ['topic=raumfahrt', 'page=0', 'sort=zufall', 'unknown=1']) await check(`${prefix}/search`, `${prefix}/search?${query}`, 400);
    }
    const [versioned, unversioned] = await Promise.all(
      ['/api/v1/search?q=Eltern', '/api/search?q=Eltern'].map(async (path) => (await fetch(`${inject('siteUrl')}${path}`)).json()),
    );
    expect(versioned).toEqual(unversioned);
  });

  it('describes the case-study answers: found, translated, only in the other language, missing, bad locale', async () => {
    const [de, en] = await Promise.all([published('de'), published('en')]);
    const translated = de.find((entry) => en.some((other) => other.documentId === entry.documentId))!;
    const germanOnly = de.find((entry) => !en.some((other) => other.documentId === entry.documentId));
    for (const prefix of ['/api/v1', '/api']) {
      const template = `${prefix}/case-studies/{slug}`;
      expect(await check(template, `${prefix}/case-studies/${de[0]!.slug}?locale=de`, 200)).toMatchObject({ kind: 'found' });
      expect(await check(template, `${prefix}/case-studies/${translated.slug}?locale=en`, 200)).toMatchObject({ kind: 'translated' });
      if (germanOnly) expect(await check(template, `${prefix}/case-studies/${germanOnly.slug}?locale=en`, 200)).toMatchObject({ kind: 'other-language-only' });
      await check(template, `${prefix}/case-studies/${de[0]!.slug}?locale=fr`, 400);
    }
    // An unknown slug: a 404 with a JSON problem body under /api/v1/; the alias, which the site's
    // detail, contact and handout pages read, keeps its 200 {"kind":"missing"}.
    for (const slug of ['gibt-es-nicht', 'NICHT_ERLAUBT']) {
      expect(await check('/api/v1/case-studies/{slug}', `/api/v1/case-studies/${slug}?locale=de`, 404)).toMatchObject({
        statusCode: 404,
        statusMessage: 'Not Found',
      });
      expect(await check('/api/case-studies/{slug}', `/api/case-studies/${slug}?locale=de`, 200)).toEqual({ kind: 'missing' });
    }
  });

  it('describes the vocabulary, the statistics and the open-data files', async () => {
    for (const prefix of ['/api/v1', '/api']) {
      for (const locale of ['de', 'en']) {
        await check(`${prefix}/vocabulary`, `${prefix}/vocabulary?locale=${locale}`, 200);
        await check(`${prefix}/statistics`, `${prefix}/statistics?locale=${locale}`, 200);
      }
      await check(`${prefix}/statistics`, `${prefix}/statistics?locale=fr`, 400);
    }
    await check('/api/v1/open-data', '/api/v1/open-data', 200);
    for (const file of ['case-studies.json', 'case-studies.json?locale=de', 'municipalities.json', 'districts.json', 'taxonomies.json']) {
      await check('/api/v1/open-data/{file}', `/api/v1/open-data/${file}`, 200);
    }
    await check('/api/v1/open-data/{file}', '/api/v1/open-data/case-studies.json?locale=fr', 400);
    await check('/api/v1/open-data/{file}', '/api/v1/open-data/case-studies.pdf', 404);
    await check('/api/openapi.json', '/api/openapi.json', 200);
  });

  for (const [path, aliasNote, exampleLabel] of [
    ['/api-dokumentation', 'Dieselbe Abfrage ohne Versionsnummer', 'Beispiel:'],
    ['/en/api-documentation', 'The same operation without the version', 'Example:'],
  ] as const) {
    it(`documents each operation once on ${path}, its alias as a note, with its examples in sight`, async () => {
      const paths = (document as { paths: Record<string, { get: { 'x-alias-of'?: string } }> }).paths;
      const versioned = Object.keys(paths).filter((template) => !paths[template]!.get['x-alias-of']);
      const page = await openPage({ javaScriptEnabled: false });
      await page.goto(path);
      const headings = (await page.locator('.operation h2').allTextContents()).map((text) => text.trim());
      expect(headings).toEqual(versioned.map((template) => `GET ${template}`));
      expect(new Set(headings).size).toBe(headings.length);
      const caseStudy = page.locator('#get--api-v1-case-studies--slug-');
      expect(await caseStudy.locator('.alias').textContent()).toContain(`${aliasNote} (`);
      expect(await caseStudy.locator('.alias code').textContent()).toBe('GET /api/case-studies/{slug}');
      // The 404's example, visible as it is: no click needed.
      const example = caseStudy.locator('figure.example', { hasText: 'An unknown slug' });
      expect(await example.locator('figcaption').textContent()).toContain(exampleLabel);
      expect(await example.locator('pre').isVisible()).toBe(true);
      expect(JSON.parse((await example.locator('pre').textContent())!)).toMatchObject({ statusCode: 404, statusMessage: 'Not Found' });
      // The shared parameter (a $ref) is named in the table.
      expect(await caseStudy.locator('tbody th code').allTextContents()).toEqual(['slug', 'locale']);
    });
  }
});
