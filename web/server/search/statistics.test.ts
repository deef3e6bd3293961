import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '@praxis/search';
import { describeFilters, MAX_FILTERS_LENGTH, normaliseQuery } from './statistics';

describe('normaliseQuery', () => {
  it('counts the same search once however it was typed', () => {
    expect(normaliseQuery('  Kita   Eltern ')).toBe('kita eltern');
    expect(normaliseQuery('KITA\tEltern\n')).toBe('kita eltern');
    // NFKC: a ligature and a full-width letter become their plain forms.
    expect(normaliseQuery('ﬁnanzierung Ｋita')).toBe('finanzierung kita');
    expect(normaliseQuery('Übergang Schule')).toBe(normaliseQuery('U\u0308bergang schule'));
  });

  it('keeps at most 100 characters', () => {
    expect(normaliseQuery('a'.repeat(300))).toHaveLength(100);
  });

  it('does not count what may be personal data, or nothing', () => {
    expect(normaliseQuery('max.muster@example.org')).toBeUndefined();
    expect(normaliseQuery('0209 123456')).toBeUndefined();
    expect(normaliseQuery('+49 (0)209-12 34 56')).toBeUndefined();
    expect(normaliseQuery('   ')).toBeUndefined();
    // Postal codes and years are ordinary searches.
    expect(normaliseQuery('45879 Gelsenkirchen')).toBe('45879 gelsenkirchen');
    expect(normaliseQuery('Projekte 2025')).toBe('projekte 2025');
  });
});

describe('describeFilters', () => {
  const filtersOf = (query: string) => describeFilters(parseSearchParams(new URLSearchParams(query)).state!);

  it('describes the same filters with the same text, in URL order with sorted values', () => {
    expect(filtersOf('q=kita')).toBe('{}');
    expect(filtersOf('q=kita&topic=sport&topic=bewegung&district=05978&fundingFrom=2020')).toBe(
      '{"district":["05978"],"topic":["bewegung","sport"],"fundingFrom":2020}',
    );
    expect(filtersOf('fundingFrom=2020&topic=bewegung&district=05978&topic=sport&q=kita')).toBe(
      filtersOf('q=kita&topic=sport&topic=bewegung&district=05978&fundingFrom=2020'),
    );
  });

  it('counts the values of each facet when the list would be longer than the CMS keeps', () => {
    const towns = Array.from({ length: 50 }, (_, index) => `municipality=05978${String(index).padStart(3, '0')}`).join('&');
    const text = filtersOf(`q=kita&${towns}&topic=sport&fundingTo=2024`);
    expect(text).toBe('{"municipality":50,"topic":1,"fundingTo":2024}');
    expect(text.length).toBeLessThanOrEqual(MAX_FILTERS_LENGTH);
  });
});
