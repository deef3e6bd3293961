import { describe, expect, it } from 'vitest';
import { budgetRangeName, centreOf, districtLabel, districtOf, localePathPrefix, localizedName, municipalityLabel, otherLocale, placeLabel, projectStatusName } from './domain.ts';

describe('towns and their Kreis', () => {
  it('stores a kreisfreie Stadt as its own Kreis and names it plainly on the site', () => {
    const bottrop = { name: 'Bottrop', district: districtOf({ name: 'Bottrop', district: 'kreisfreie Stadt' }) };
    expect(bottrop.district).toBe('Bottrop');
    expect(placeLabel(bottrop)).toBe('Bottrop');
  });

  it('names a kreisangehörige town with its Kreis', () => {
    const luenen = { name: 'Lünen', district: districtOf({ name: 'Lünen', district: 'Unna' }) };
    expect(placeLabel(luenen)).toBe('Lünen (Kreis Unna)');
    expect(placeLabel({ name: 'Siegburg', district: 'Rhein-Sieg-Kreis' })).toBe('Siegburg (Rhein-Sieg-Kreis)');
    expect(districtLabel('Städteregion Aachen', false)).toBe('Städteregion Aachen');
  });

  it('labels the editors’ picker with the official municipality type', () => {
    expect(municipalityLabel({ name: 'Bottrop', type: 'kreisfreie Stadt', district: 'Bottrop' })).toBe('Bottrop (kreisfreie Stadt)');
    expect(municipalityLabel({ name: 'Lemgo', type: 'kreisangehörige Stadt', district: 'Lippe' })).toBe('Lemgo (Kreis Lippe)');
  });
});

describe('names and places', () => {
  it('shows the English name in English where there is one', () => {
    expect(localizedName({ name: 'Eltern', nameEn: 'Parents' }, 'en')).toBe('Parents');
    expect(localizedName({ name: 'Lotsen', nameEn: null }, 'en')).toBe('Lotsen');
    expect(localizedName({ name: 'Eltern', nameEn: 'Parents' }, 'de')).toBe('Eltern');
  });

  it('puts a case study at the centre of its located towns', () => {
    expect(centreOf([{ lat: 51, lon: 7 }, { lat: '52', lon: '8' }, { lat: null, lon: null }])).toEqual({ lat: 51.5, lng: 7.5 });
    expect(centreOf([])).toBeNull();
  });
});

describe('languages and coded values', () => {
  it('switches between the two languages and prefixes only the English paths', () => {
    expect(otherLocale('de')).toBe('en');
    expect(otherLocale('en')).toBe('de');
    expect(localePathPrefix('de')).toBe('');
    expect(localePathPrefix('en')).toBe('/en');
  });

  it('names statuses and budget ranges per language and shows an unknown code as it is', () => {
    expect(projectStatusName('verstetigt', 'de')).toBe('Verstetigt');
    expect(projectStatusName('laufend', 'en')).toBe('Ongoing');
    expect(budgetRangeName('unter-10000', 'de')).toBe('unter 10.000 €');
    expect(budgetRangeName('ueber-250000', 'en')).toBe('over €250,000');
    expect(projectStatusName('neu', 'de')).toBe('neu');
  });
});
