import { describe, expect, it } from 'vitest';
import { FACETS, RELEVANCE_TIEBREAK, SORTS } from './query.ts';
import { FILTERED_ATTRIBUTES, indexName, indexSettings } from './settings.ts';

describe('index settings', () => {
  it('names one index per locale', () => {
    expect(indexName('de')).toBe('case-studies-de');
  });

  it('makes Kita, Kindertagesstätte and Kindergarten find each other', () => {
    const { synonyms } = indexSettings('de');
    expect(synonyms!.kita).toEqual(expect.arrayContaining(['kindertagesstätte', 'kindergarten']));
    expect(synonyms!.kindergarten).toContain('kita');
    expect(synonyms!.ogs).toContain('offene ganztagsschule');
    expect(synonyms!.streetwork).toContain('aufsuchende arbeit');
  });

  it('keeps every one of the 396 municipalities as a facet value, counts exactly and turns typos off for numbers', () => {
    const settings = indexSettings('de');
    expect(settings.faceting?.maxValuesPerFacet).toBeGreaterThan(396);
    expect(settings.pagination?.maxTotalHits).toBeGreaterThanOrEqual(10_000);
    expect(settings.typoTolerance?.disableOnNumbers).toBe(true);
  });

  it('can filter by every facet and sort by every sort the search offers', () => {
    const settings = indexSettings('de');
    for (const attribute of Object.values(FACETS)) expect(FILTERED_ATTRIBUTES, attribute).toContain(attribute);
    const sorts = [...Object.values(SORTS), ...RELEVANCE_TIEBREAK].filter((sort): sort is string => Boolean(sort));
    for (const sort of sorts) expect(settings.sortableAttributes, sort).toContain(sort.split(':')[0]);
  });

  it('tokenises and drops stop words in the index\'s own language', () => {
    const german = indexSettings('de');
    const english = indexSettings('en');
    expect(german.stopWords).toContain('und');
    expect(english.stopWords).toContain('the');
    expect(german.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['deu'] }]);
    expect(english.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['eng'] }]);
  });
});
