import { describe, expect, it } from 'vitest';
import { indexName, indexSettings, MAX_VALUES_PER_FACET } from './settings.ts';

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

  it('keeps every one of the 396 municipalities as a facet value and turns typos off for numbers', () => {
    const settings = indexSettings('de');
    expect(MAX_VALUES_PER_FACET).toBeGreaterThan(396);
    expect(settings.typoTolerance?.disableOnNumbers).toBe(true);
    expect(settings.stopWords).toContain('und');
    expect(indexSettings('en').stopWords).toContain('the');
  });
});
