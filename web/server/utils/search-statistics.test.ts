import { describe, expect, it } from 'vitest';
import { normaliseQuery } from './search-statistics';

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
