import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it('writes umlauts and ß the German way, capitals included', () => {
    expect(slugify('Kita-Lotsinnen in Köln')).toBe('kita-lotsinnen-in-koeln');
    expect(slugify('Ärger, Öfen, Übermut, Straße')).toBe('aerger-oefen-uebermut-strasse');
  });

  it('drops the accents of other languages', () => {
    expect(slugify('Café crème à Liège')).toBe('cafe-creme-a-liege');
  });

  it('joins everything else into single hyphens and trims them at both ends', () => {
    expect(slugify('  „Zusammen“ – im   Quartier!? ')).toBe('zusammen-im-quartier');
    expect(slugify('NRW 2024/25')).toBe('nrw-2024-25');
  });

  it('is empty when no letter or digit is left', () => {
    expect(slugify('–„!?“ 🙂')).toBe('');
  });

  it('cuts at the maximum length without leaving a hyphen at the end', () => {
    expect(slugify('a'.repeat(100))).toHaveLength(80);
    expect(slugify('abcd efgh', 5)).toBe('abcd');
    expect(slugify('Große Füße', 6)).toBe('grosse');
  });
});
