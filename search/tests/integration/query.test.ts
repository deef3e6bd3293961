import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeiliClient } from '../../src/meilisearch/meili-client.ts';
import type { CaseStudyEntry } from '../../src/content/case-study-entry.ts';
import { toSearchDocument } from '../../src/map.ts';
import { buildMultiSearch, FACETS, indexQuery, FACET_KEYS, mergeFacetCounts, parseSearchParams, type FacetKey, type SearchState } from '../../src/query.ts';
import { findRelated, rankRelated, relatednessScore } from '../../src/site/related.ts';
import { searchCaseStudies } from '../../src/search-case-studies.ts';
import { startMeilisearch, type MeilisearchHandle } from '@praxis/tooling/meilisearch';
import { SearchIndexes } from '../../src/sync/search-indexes.ts';
import type { SearchDocument } from '../../src/document.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'praxis-query-'));
let server: MeilisearchHandle;
let client: ReturnType<typeof createMeiliClient>;
const fixtures: SearchDocument[] = [];

const TOWNS = [
  { ags: '05978024', name: 'Lünen', district: 'Unna', districtAgs: '05978', region: 'Arnsberg', lat: 51.6, lon: 7.5 },
  { ags: '05978020', name: 'Kamen', district: 'Unna', districtAgs: '05978', region: 'Arnsberg', lat: 51.5, lon: 7.6 },
  { ags: '05913000', name: 'Dortmund', district: 'Dortmund', districtAgs: '05913', region: 'Arnsberg', lat: 51.5, lon: 7.4 },
  { ags: '05315000', name: 'Köln', district: 'Köln', districtAgs: '05315', region: 'Köln', lat: 50.9, lon: 6.9 },
  { ags: '05711000', name: 'Bielefeld', district: 'Bielefeld', districtAgs: '05711', region: 'Detmold', lat: 52.0, lon: 8.5 },
];
const term = (slug: string) => ({ slug, name: slug, nameEn: slug });

beforeAll(async () => {
  server = await startMeilisearch({ dataDir, masterKey: 'query-test-master-key-0123456789' });
  client = createMeiliClient(server.url, 'query-test-master-key-0123456789');
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  for (let i = 0; i < 60; i += 1) {
    const start = 2018 + Math.floor(next() * 8);
    const entry: CaseStudyEntry = {
      documentId: `doc-${i}`,
      locale: 'de',
      slug: `fall-${i}`,
      title: `${pick(['Kita', 'Sport', 'Eltern'])}projekt ${i}`,
      teaser: 'Teaser',
      description: pick(['Kita und Familie', 'Bewegung im Park', 'Elterncafé']),
      buildingBlock: { ...term(pick(['aktive-nachbarschaft', 'gesundes-aufwachsen'])), number: 1 },
      municipalities: [...new Set([pick(TOWNS), pick(TOWNS)])],
      targetGroups: [...new Set([pick(['eltern', 'jugendliche', 'kinder-unter-3']), pick(['eltern', 'ehrenamtliche'])])].map(term),
      topics: [...new Set([pick(['bewegung', 'ernaehrung', 'lotsen']), pick(['bewegung', 'teilhabe'])])].map(term),
      settings: [term(pick(['kita-familienzentrum', 'oeffentlicher-raum']))],
      criteria: [term(pick(['partizipation', 'empowerment']))],
      projectStatus: pick(['laufend', 'abgeschlossen', 'verstetigt']),
      // About a third taken over elsewhere, some by two Kommunen (a town reported twice counts once).
      transfers: next() < 0.35 ? [pick(TOWNS), pick(TOWNS)].map((town) => ({ ags: town.ags })) : [],
      fundingStart: start,
      fundingEnd: Math.min(2025, start + Math.floor(next() * 3)),
      publishedAt: new Date(2024, 0, i + 1).toISOString(),
      updatedAt: new Date(2024, 0, i + 1).toISOString(),
    };
    fixtures.push(toSearchDocument(entry));
  }
  fixtures.push(
    toSearchDocument({
      documentId: 'evil',
      locale: 'de',
      slug: 'evil',
      title: 'Kita <img src=x onerror=alert(1)>',
      teaser: '<script>alert(1)</script> Kita & "Eltern"',
      publishedAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    }),
  );
  const indexes = new SearchIndexes(client);
  await indexes.ensureIndex('de');
  await indexes.confirm([(await indexes.enqueueUpsert('de', fixtures))!]);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function state(query: string): SearchState {
  const result = parseSearchParams(new URLSearchParams(query));
  if (!result.state) throw new Error(JSON.stringify(result.problems));
  return result.state;
}

/** What the filters should select, computed by hand over the fixtures. */
function bruteForce(s: SearchState, without?: FacetKey): SearchDocument[] {
  return fixtures.filter((doc) => {
    for (const key of FACET_KEYS) {
      if (key === without || s.filters[key].length === 0) continue;
      const value = doc[FACETS[key] as keyof SearchDocument] as string | string[] | boolean | null;
      // Meilisearch filters and counts a boolean as "true" / "false".
      const values = (Array.isArray(value) ? value : [value]).map((item) => (typeof item === 'boolean' ? String(item) : item));
      if (!s.filters[key].some((selected) => values.includes(selected))) return false;
    }
    const from = s.fundingFrom ?? 2000;
    const to = s.fundingTo ?? 2100;
    if ((s.fundingFrom !== undefined || s.fundingTo !== undefined) && !doc.fundingYears.some((y) => y >= from && y <= to)) return false;
    return true;
  });
}

function countBy(docs: SearchDocument[], attribute: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const doc of docs) {
    const value = doc[attribute as keyof SearchDocument] as string | string[] | boolean | null;
    for (const item of new Set(Array.isArray(value) ? value : [value])) if (item != null) counts[String(item)] = (counts[String(item)] ?? 0) + 1;
  }
  return counts;
}

async function run(s: SearchState) {
  const { results } = await client.multiSearch({ queries: buildMultiSearch(s, { q: indexQuery(s) ?? '', matchingStrategy: 'last' }) });
  return {
    main: results[0]!,
    facets: mergeFacetCounts(
      s,
      results.map((result) => result.facetDistribution),
    ),
  };
}

describe('disjunctive facets against a real Meilisearch', () => {
  it.each([
    '',
    'topic=bewegung',
    'topic=bewegung&topic=lotsen',
    'district=05978&status=laufend',
    'region=K%C3%B6ln&region=Detmold&targetGroup=eltern',
    'municipality=05978024&buildingBlock=gesundes-aufwachsen&criterion=empowerment',
    'fundingFrom=2020&fundingTo=2021&setting=kita-familienzentrum',
    'topic=teilhabe&status=verstetigt&status=abgeschlossen&fundingTo=2019',
    'transferred=true',
    'transferred=false&topic=bewegung',
    'transferred=true&transferred=false&district=05978',
  ])('gives the exact total and brute-force facet counts for "%s"', async (query) => {
    const s = state(query);
    const { main, facets } = await run(s);
    expect(main.totalHits).toBe(bruteForce(s).length);
    for (const key of FACET_KEYS) {
      const expected = countBy(bruteForce(s, s.filters[key].length > 0 ? key : undefined), FACETS[key]);
      expect(facets[key], key).toEqual(expected);
    }
  });

  it('counts a case study taken over twice by one Kommune once, and both sides of "transferred" are present', async () => {
    const taken = fixtures.filter((doc) => doc.transferred);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(fixtures.length);
    expect(taken.every((doc) => doc.transferredTo.length === new Set(doc.transferredTo).size && doc.transferredTo.length > 0)).toBe(true);
    const { facets } = await run(state(''));
    expect(facets.transferred).toEqual({ true: taken.length, false: fixtures.length - taken.length });
  });

  it('pages with exact totals and sorts by title', async () => {
    const s = state('sort=title&pageSize=7&page=3');
    const { main } = await run(s);
    const titles = fixtures.map((doc) => doc.titleSort).sort();
    expect(main.totalPages).toBe(Math.ceil(fixtures.length / 7));
    expect(main.hits.map((hit) => (hit.title as string).toLowerCase())).toEqual(titles.slice(14, 21));
  });

  it.each(['x" OR status = "laufend', 'bewegung\\', '") OR (1 = 1', '_geoRadius(51, 7, 1000)', 'ü'.repeat(90), '🙂'])(
    'never lets the value %j change the query',
    async (evil) => {
      const result = parseSearchParams(new URLSearchParams({ topic: evil }));
      expect(result.state).toBeUndefined();
      // Even a value that got through validation is only ever a quoted literal:
      const s = state('');
      s.filters.topic = [evil];
      const { main } = await run(s);
      expect(main.totalHits).toBe(0);
    },
  );
});

const OBJECT_PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const EVIL_VALUES = [
  '"',
  '\\',
  '\\"',
  'x" OR status = "laufend',
  '") OR (1 = 1',
  'OR',
  'AND NOT',
  '_geoRadius(51, 7, 1000)',
  '_geoBoundingBox([1,2],[3,4])',
  'a'.repeat(10_000),
  'ü'.repeat(300),
  '🙂🙂',
  '\u0000',
  '%00',
  '<script>',
  '../../etc/passwd',
  '-1',
  '1e9',
  'NaN',
  'Infinity',
  '05978\n',
  // Names every plain object inherits: a lookup that is not an own-property check finds them.
  ...OBJECT_PROTOTYPE_NAMES,
];
const PARAMS = [
  'q',
  'topic',
  'municipality',
  'district',
  'region',
  'status',
  'transferred',
  'sort',
  'locale',
  'page',
  'pageSize',
  'fundingFrom',
  'fundingTo',
  'buildingBlock',
  'unknown',
  '__proto__',
  'toString',
];

describe('searchCaseStudies, the one door', () => {
  it('answers with escaped highlights whose only markup is <mark>', async () => {
    const outcome = await searchCaseStudies(client, new URLSearchParams('q=kita&pageSize=50'));
    expect(outcome.status).toBe(200);
    if (outcome.status !== 200) return;
    const evil = outcome.body.hits.find((hit) => hit.documentId === 'evil')!;
    expect(evil.teaserHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>Kita</mark> &amp; &quot;Eltern&quot;');
    expect(evil.titleHtml).toBe('<mark>Kita</mark> &lt;img src=x onerror=alert(1)&gt;');
    expect(outcome.body.total).toBe(outcome.body.hits.length);
  });

  it('tells, when nothing matches, how many results dropping each constraint would give, most first', async () => {
    const outcome = await searchCaseStudies(client, new URLSearchParams('q=Quarkspeise&topic=lotsen&status=verstetigt&fundingFrom=2025'));
    expect(outcome.status).toBe(200);
    if (outcome.status !== 200) return;
    expect(outcome.body.total).toBe(0);
    const count = (match: (doc: SearchDocument) => boolean) => fixtures.filter(match).length;
    const lotsen = (doc: SearchDocument) => doc.topicSlugs.includes('lotsen');
    const verstetigt = (doc: SearchDocument) => doc.status === 'verstetigt';
    const from2025 = (doc: SearchDocument) => doc.fundingYears.some((year) => year >= 2025);
    const expected = [
      { constraint: 'q', total: count((doc) => lotsen(doc) && verstetigt(doc) && from2025(doc)) },
      { constraint: 'topic', total: 0 },
      { constraint: 'status', total: 0 },
      { constraint: 'funding', total: 0 },
    ];
    expect(expected[0]!.total).toBeGreaterThan(0);
    expect(outcome.body.relaxations).toEqual(expected);
  });

  it('suggests nothing when there are results', async () => {
    const outcome = await searchCaseStudies(client, new URLSearchParams('topic=lotsen'));
    expect(outcome.status === 200 && outcome.body.total > 0 && outcome.body.relaxations).toEqual([]);
  });

  it('refuses a page beyond the last one', async () => {
    const outcome = await searchCaseStudies(client, new URLSearchParams('page=99'));
    expect(outcome).toMatchObject({ status: 400, body: { problems: [{ param: 'page', message: '99 is beyond the last page (4)' }] } });
  });

  it(`answers ${EVIL_VALUES.length * PARAMS.length} malformed or malicious inputs with 400 or a safe 200, never an exception`, async () => {
    let refused = 0;
    for (const param of PARAMS) {
      for (const value of EVIL_VALUES) {
        const outcome = await searchCaseStudies(client, new URLSearchParams([[param, value]]));
        expect([200, 400], `${param}=${value.slice(0, 30)}`).toContain(outcome.status);
        if (outcome.status === 400) {
          refused += 1;
          expect(outcome.body.error).toContain(param);
        } else if (param !== 'q') {
          // A well-formed but meaningless value (e.g. topic=1e9) is a quoted literal that matches nothing.
          expect(outcome.body.total, `${param}=${value}`).toBe(0);
        }
      }
    }
    expect(refused).toBeGreaterThan(EVIL_VALUES.length * (PARAMS.length - 3));
  });
});

describe('findRelated', () => {
  it('returns the six best-scoring others that share something, never the case study itself', async () => {
    const own = fixtures[0]!;
    const to = {
      slug: own.slug,
      locale: 'de',
      buildingBlockSlug: own.buildingBlockSlug,
      topicSlugs: own.topicSlugs,
      targetGroupSlugs: own.targetGroupSlugs,
      geo: own._geo,
    };
    const related = await findRelated(client, { documentId: own.documentId, locale: 'de' });
    expect(related).toHaveLength(6);
    expect(related.map((hit) => hit.slug)).not.toContain(own.slug);
    const best = fixtures
      .filter((doc) => doc.slug !== own.slug)
      .map((doc) => relatednessScore(to, doc))
      .sort((a, b) => b - a);
    const scores = related.map((hit) =>
      relatednessScore(
        to,
        fixtures.find((doc) => doc.slug === hit.slug)!,
      ),
    );
    expect(scores).toEqual(best.slice(0, 6));
  });

  it('finds none for a case study that is not in the index (a draft, or just unpublished)', async () => {
    expect(await findRelated(client, { documentId: 'not-indexed', locale: 'de' })).toEqual([]);
  });

  it('escapes the slug it excludes', async () => {
    const related = await rankRelated(
      client,
      { slug: 'x" OR slug != "y', locale: 'de', buildingBlockSlug: null, topicSlugs: [], targetGroupSlugs: [], geo: null },
      3,
    );
    expect(related).toHaveLength(3);
  });
});
