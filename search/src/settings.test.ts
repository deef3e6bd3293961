import { describe, expect, it } from 'vitest';
import { FACETS, RELEVANCE_TIEBREAK, SORTS } from './query.ts';
import { FILTERED_ATTRIBUTES, indexName, indexSettings } from './settings.ts';

describe('index settings', () => {
  it('names one index per locale', () => {
    expect(indexName('de')).toBe('case-studies-de');
  });

  it("makes Kita, Kindertagesstätte and Kindergarten find each other, in the index's terms", () => {
    const { synonyms } = indexSettings('de');
    expect(synonyms!.kita).toEqual(expect.arrayContaining(['kindertagesstatt', 'kindergart']));
    expect(synonyms!.kindergart).toContain('kita');
    expect(synonyms!.ogs).toContain('off ganztagsschul');
    expect(synonyms!.streetwork).toContain('aufsuch arbeit');
    expect(synonyms!.fluchtling).toContain('gefluchtet');
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

  it("searches analysed terms only, without Meilisearch's German segmentation", () => {
    for (const locale of ['de', 'en']) {
      const settings = indexSettings(locale);
      expect(settings.localizedAttributes).toEqual([]);
      expect(settings.searchableAttributes!.every((attribute) => attribute.startsWith('terms.'))).toBe(true);
      expect(settings.searchableAttributes![0]).toBe('terms.title');
      expect(settings.stopWords).toEqual([]);
    }
  });
});
