// GET /api/search of the running site against the demo content indexed by the real sync.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createMeiliClient, FACETS, FACET_KEYS, type FacetKey, type SearchDocument } from '@praxis/search';
import { publishedTransfers } from './support/cms.ts';

interface ApiAnswer {
  status: number;
  body: {
    hits: { documentId: string; slug: string; titleHtml: string; teaserHtml: string }[];
    total: number;
    page: number;
    pageCount: number;
    facets: Record<FacetKey, Record<string, number>>;
    relaxations: { constraint: string; total: number }[];
    error?: string;
  };
}

async function search(query: string): Promise<ApiAnswer> {
  const response = await fetch(`${inject('siteUrl')}/api/search?${query}`);
  return { status: response.status, body: await response.json() };
}

let docs: SearchDocument[] = [];
beforeAll(async () => {
  const client = createMeiliClient(inject('meiliUrl'), inject('masterKey'));
  docs = (await client.index('case-studies-de').getDocuments<SearchDocument>({ limit: 1000 })).results;
});

const valuesOf = (doc: SearchDocument, key: FacetKey): string[] => {
  const value = doc[FACETS[key]];
  return Array.isArray(value) ? value.map(String) : value === null ? [] : [String(value)];
};
const matches = (doc: SearchDocument, selection: Partial<Record<FacetKey, string[]>>) =>
  Object.entries(selection).every(([key, wanted]) => valuesOf(doc, key as FacetKey).some((value) => wanted!.includes(value)));
function bruteForceCounts(selection: Partial<Record<FacetKey, string[]>>, key: FacetKey): Record<string, number> {
  const { [key]: _own, ...others } = selection;
  const counts: Record<string, number> = {};
  for (const doc of docs.filter((candidate) => matches(candidate, others))) {
    for (const value of new Set(valuesOf(doc, key))) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

describe('GET /api/search', () => {
  it('finds all 42 German demo case studies without a query, with exact totals and pages', async () => {
    const answer = await search('pageSize=10');
    expect(docs).toHaveLength(42);
    expect(answer).toMatchObject({ status: 200, body: { total: 42, page: 1, pageCount: 5 } });
    expect(answer.body.hits).toHaveLength(10);
    const lastPage = await search('pageSize=10&page=5');
    expect(lastPage.body.hits).toHaveLength(2);
  });

  it('answers in English from the English index', async () => {
    const answer = await search('locale=en');
    expect(answer.body.total).toBe(12);
  });

  it('filters by each facet alone with counts equal to a brute-force count over the indexed documents', async () => {
    for (const key of FACET_KEYS) {
      const value = Object.entries(bruteForceCounts({}, key)).sort((a, b) => b[1] - a[1])[0]?.[0];
      expect(value, key).toBeDefined();
      const selection = { [key]: [value!] };
      const answer = await search(`${key}=${encodeURIComponent(value!)}&pageSize=50`);
      expect(answer.status, key).toBe(200);
      expect(answer.body.total, key).toBe(docs.filter((doc) => matches(doc, selection)).length);
      for (const other of FACET_KEYS) expect(answer.body.facets[other], `${key} → ${other}`).toEqual(bruteForceCounts(selection, other));
    }
  });

  it("counts Gemeindetyp and Einwohnerzahl as the official municipality data gives them for the case studies' towns", async () => {
    const towns = new Map(
      readFileSync(new URL('../cms/data/nrw/municipalities.csv', import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map(([ags, , type, , , , , , population]) => [ags!, { type: type!, population: Number(population) }]),
    );
    const typeSlug: Record<string, string> = {
      'kreisfreie Stadt': 'kreisfreie-stadt',
      'kreisangehörige Stadt': 'kreisangehoerige-stadt',
      Gemeinde: 'gemeinde',
    };
    const sizeClass = (people: number) =>
      people < 20_000
        ? 'unter-20000'
        : people < 50_000
          ? '20000-50000'
          : people < 100_000
            ? '50000-100000'
            : people < 500_000
              ? '100000-500000'
              : 'ueber-500000';
    const classesOf = (doc: SearchDocument) => {
      const places = doc.municipalityAgs.map((ags) => towns.get(ags)!);
      return { townType: new Set(places.map((town) => typeSlug[town.type]!)), townSize: new Set(places.map((town) => sizeClass(town.population))) };
    };
    const expected: Record<'townType' | 'townSize', Record<string, number>> = { townType: {}, townSize: {} };
    for (const doc of docs) {
      for (const [key, values] of Object.entries(classesOf(doc)) as ['townType' | 'townSize', Set<string>][]) {
        for (const value of values) expected[key][value] = (expected[key][value] ?? 0) + 1;
      }
    }
    const answer = await search('pageSize=1');
    expect(answer.body.facets.townType).toEqual(expected.townType);
    expect(answer.body.facets.townSize).toEqual(expected.townSize);
    expect(Object.keys(expected.townSize).length).toBeGreaterThan(2);

    // A planner from a town of 30,000 inhabitants: exactly the case studies in towns of that size.
    const sameSize = await search('townSize=20000-50000&pageSize=50');
    expect(sameSize.body.hits.map((hit) => hit.documentId).sort()).toEqual(
      docs
        .filter((doc) => classesOf(doc).townSize.has('20000-50000'))
        .map((doc) => doc.documentId)
        .sort(),
    );
    expect((await search('townSize=riesig')).status).toBe(400);
  });

  it('filters "in anderen Kommunen übernommen" to the case studies of the published transfer reports, each with their Kommunen', async () => {
    // The CMS's published reports: the demo content's and any another test file published.
    const expected = await publishedTransfers();
    expect(expected.size).toBeGreaterThan(0);
    const answer = await search('transferred=true&pageSize=50');
    expect(answer.status).toBe(200);
    expect(answer.body.hits.map((hit) => hit.slug).sort()).toEqual([...expected.keys()].sort());
    for (const doc of docs.filter((candidate) => candidate.transferred)) expect(new Set(doc.transferredTo), doc.slug).toEqual(expected.get(doc.slug));
    expect(answer.body.facets.transferred).toEqual({ true: expected.size, false: docs.length - expected.size });
    expect((await search('transferred=ja')).status).toBe(400);
  });

  it('combines facets: OR within a facet, AND across, each facet counted without its own selection', async () => {
    const selection = { buildingBlock: ['aktive-nachbarschaft'], region: ['Arnsberg', 'Köln'], targetGroup: ['eltern', 'gefluechtete-familien'] };
    const query = 'buildingBlock=aktive-nachbarschaft&region=Arnsberg&region=K%C3%B6ln&targetGroup=eltern&targetGroup=gefluechtete-familien&pageSize=50';
    const answer = await search(query);
    const expected = docs.filter((doc) => matches(doc, selection));
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.body.hits.map((hit) => hit.documentId).sort()).toEqual(expected.map((doc) => doc.documentId).sort());
    for (const key of FACET_KEYS) expect(answer.body.facets[key], key).toEqual(bruteForceCounts(selection, key));
  });

  it('filters by funding years and sorts by title and funding start', async () => {
    const answer = await search('fundingFrom=2024&fundingTo=2025&sort=title&pageSize=50');
    const expected = docs.filter((doc) => doc.fundingYears.some((year) => year >= 2024 && year <= 2025));
    expect(answer.body.total).toBe(expected.length);
    const titles = answer.body.hits.map((hit) => docs.find((doc) => doc.documentId === hit.documentId)!.titleSort);
    expect(titles).toEqual([...titles].sort());
    const byStart = (await search('sort=fundingStart&pageSize=50')).body.hits.map(
      (hit) => docs.find((doc) => doc.documentId === hit.documentId)!.fundingStart ?? 0,
    );
    expect(byStart).toEqual([...byStart].sort((a, b) => b - a));
  });

  it('highlights the query in escaped HTML and suggests relaxations when nothing matches', async () => {
    const answer = await search('q=Kita');
    expect(answer.body.total).toBeGreaterThan(0);
    expect(answer.body.hits.some((hit) => `${hit.titleHtml}${hit.teaserHtml}`.includes('<mark>'))).toBe(true);
    const empty = await search('q=Kita&status=verstetigt&region=Detmold&setting=online');
    expect(empty.body.total).toBe(0);
    expect(empty.body.relaxations.map((relaxation) => relaxation.constraint).sort()).toEqual(['q', 'region', 'setting', 'status']);
  });

  it('refuses unknown values with a 400 that says what is wrong', async () => {
    for (const [query, message] of [
      ['topic=raumfahrt', 'topic: "raumfahrt" is not a known value'],
      ['municipality=05978999', 'municipality: "05978999" is not a known value'],
      ['district=5978', 'district: "5978" must be a 5-digit Kreis AGS'],
      ['sort=random', 'sort: must be one of'],
      ['locale=fr', 'locale: must be one of'],
      ['fundingFrom=zwanzig', 'fundingFrom: "zwanzig" must be a year'],
      ['page=99', 'page: 99 is beyond the last page'],
      ['pageSize=500', 'pageSize: "500" must be at most 50'],
      [`q=${'x'.repeat(201)}`, 'q: must be at most 200 characters'],
    ]) {
      const answer = await search(query!);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error, query).toContain(message);
    }
  });

  const evil = [
    '"',
    '\\',
    '\\"',
    'x" OR status = "laufend',
    '") OR (1 = 1',
    'OR',
    '_geoRadius(51, 7, 1000)',
    'a'.repeat(5000),
    '🙂',
    '%00',
    '<script>alert(1)</script>',
    '-1',
    'NaN',
    'Infinity',
    // Names every plain object inherits (toString, __proto__, constructor, …): a lookup that is not an own-property check finds them.
    ...Object.getOwnPropertyNames(Object.prototype),
  ];
  const params = ['q', 'topic', 'municipality', 'district', 'region', 'status', 'sort', 'page', 'fundingFrom', 'buildingBlock', '__proto__', 'toString'];

  it(`answers ${evil.length * params.length} malicious or malformed inputs with 400 or a safe 200, never a 500`, async () => {
    for (const param of params) {
      for (const value of evil) {
        const answer = await search(`${param}=${encodeURIComponent(value)}`);
        expect([200, 400], `${param}=${value.slice(0, 20)}`).toContain(answer.status);
        if (answer.status === 200 && param !== 'q') expect(answer.body.total, `${param}=${value}`).toBe(0);
      }
    }
  });

  it('answers the search page with inherited object names as values with a 400 page, and ignores them as names', async () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      for (const param of ['sort', 'topic', 'status']) {
        const response = await fetch(`${inject('siteUrl')}/praxisbeispiele?${param}=${encodeURIComponent(name)}`);
        expect(response.status, `${param}=${name}`).toBe(400);
      }
      // The page reads only the search parameters from its URL; anything else is not its business.
      expect((await fetch(`${inject('siteUrl')}/praxisbeispiele?${encodeURIComponent(name)}=x`)).status, name).toBe(200);
    }
  });

  it('sets no cookies (the privacy notice says so)', async () => {
    for (const path of ['/', '/en', '/praxisbeispiele?q=Kita', '/en/case-studies', '/programm', '/api/search?q=Kita']) {
      const response = await fetch(`${inject('siteUrl')}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it('never sends the Meilisearch key to the browser', async () => {
    const html = await (await fetch(`${inject('siteUrl')}/praxisbeispiele?q=Kita`)).text();
    expect(html).not.toContain(inject('masterKey'));
    expect(html).not.toContain(inject('searchKey'));
    expect(html).not.toMatch(/meiliSearchKey|MEILI_SEARCH_KEY|strapiToken/);
    expect(html).not.toContain(inject('siteToken'));
  });
});
