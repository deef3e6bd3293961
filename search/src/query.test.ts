import { describe, expect, it } from 'vitest';
import {
  buildFilter,
  buildMultiSearch,
  escapeFilterValue,
  MAX_REPORTED_PROBLEMS,
  mergeFacetCounts,
  parseSearchParams,
  toSearchParams,
  type SearchState,
} from './query.ts';

function parse(query: string) {
  return parseSearchParams(new URLSearchParams(query));
}

function state(query: string): SearchState {
  const result = parse(query);
  if (!result.state) throw new Error(JSON.stringify(result.problems));
  return result.state;
}

describe('the search URL', () => {
  it('round-trips a state through its canonical parameters', () => {
    const query =
      'q=Kita+Lotsen&buildingBlock=aktive-nachbarschaft&district=05978&municipality=05978024&municipality=05978020&topic=lotsen&fundingFrom=2019&fundingTo=2022&sort=newest&page=2&pageSize=10&locale=en';
    expect(toSearchParams(state(query)).toString()).toBe(query);
  });

  it('filters "in anderen Kommunen übernommen" by the boolean attribute', () => {
    expect(buildFilter(state('transferred=true&transferred=false'))).toEqual(['(transferred = "true" OR transferred = "false")']);
  });

  it('leaves defaults out and drops empty and repeated values', () => {
    expect(toSearchParams(state('q=&topic=&topic=bewegung&topic=bewegung&page=1&sort=relevance&locale=de')).toString()).toBe('topic=bewegung');
  });

  it.each([
    ['sort=random', 'sort'],
    ['locale=fr', 'locale'],
    ['municipality=5978024', 'municipality'],
    ['district=05978024', 'district'],
    ['fundingFrom=zwanzig', 'fundingFrom'],
    ['fundingFrom=2023&fundingTo=2020', 'fundingTo'],
    ['page=0', 'page'],
    ['pageSize=51', 'pageSize'],
    ['page=1&page=2', 'page'],
    ['topic=Bewegung', 'topic'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['colour=blue', 'colour'],
    ['transferred=ja', 'transferred'],
    ['transferred=TRUE', 'transferred'],
  ])('refuses %s with a message about %s', (query, param) => {
    const result = parse(query);
    expect(result.state).toBeUndefined();
    expect(result.problems.map((problem) => problem.param)).toContain(param);
  });

  it('refuses values that are well-formed but unknown', () => {
    const result = parseSearchParams(new URLSearchParams('topic=bewegung&topic=fliegen'), { topic: new Set(['bewegung']) });
    expect(result.problems).toEqual([{ param: 'topic', message: '"fliegen" is not a known value' }]);
  });

  it(`names at most ${MAX_REPORTED_PROBLEMS} problems and counts the rest, with long names cut short`, () => {
    const query = Array.from({ length: 2_000 }, (_, index) => `unbekannt${index}${'x'.repeat(60)}=1`).join('&');
    const { problems } = parse(query);
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({ param: '…', message: `and ${2_000 - MAX_REPORTED_PROBLEMS} more problems` });
    expect(JSON.stringify(problems).length).toBeLessThan(4_096);
  });
});

describe('filters', () => {
  it('quotes and escapes every value', () => {
    expect(escapeFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(escapeFilterValue('x" OR status = "y')).toBe('"x\\" OR status = \\"y"');
  });

  it('ORs within a facet, ANDs across facets and uses the funding years as a range', () => {
    expect(buildFilter(state('topic=bewegung&topic=ernaehrung&region=K%C3%B6ln&fundingFrom=2020'))).toEqual([
      '(regions = "Köln")',
      '(topicSlugs = "bewegung" OR topicSlugs = "ernaehrung")',
      'fundingYears 2020 TO 2100',
    ]);
  });

  it('asks for one count query per selected facet group, without its own filter', () => {
    const queries = buildMultiSearch(state('q=kita&topic=bewegung&status=laufend'), { q: 'kita', matchingStrategy: 'last' });
    expect(queries).toHaveLength(3);
    expect(queries.map((query) => query.q)).toEqual(['kita', 'kita', 'kita']);
    expect(queries[0]!.filter).toBe('(topicSlugs = "bewegung") AND (status = "laufend")');
    expect(queries[1]).toMatchObject({ filter: '(status = "laufend")', facets: ['topicSlugs'], hitsPerPage: 0 });
    expect(queries[2]).toMatchObject({ filter: '(topicSlugs = "bewegung")', facets: ['status'], hitsPerPage: 0 });
  });

  it("takes a selected group's counts from its own query and the others from the main query", () => {
    const merged = mergeFacetCounts(state('topic=bewegung'), [
      { topicSlugs: { bewegung: 3 }, status: { laufend: 3 } },
      { topicSlugs: { bewegung: 3, ernaehrung: 5 } },
    ]);
    expect(merged.topic).toEqual({ bewegung: 3, ernaehrung: 5 });
    expect(merged.status).toEqual({ laufend: 3 });
    expect(merged.region).toEqual({});
  });
});
