import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  budgetRangeName,
  caseStudyPath,
  centreOf,
  districtLabel,
  districtOf,
  isReservedSlug,
  localePathPrefix,
  localizedName,
  municipalityLabel,
  otherLocale,
  placeLabel,
  projectStatusName,
  RESERVED_SLUGS,
  townClassName,
  townSizeOf,
  townTypeOf,
} from './domain.ts';

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
    expect(
      centreOf([
        { lat: 51, lon: 7 },
        { lat: '52', lon: '8' },
        { lat: null, lon: null },
      ]),
    ).toEqual({ lat: 51.5, lng: 7.5 });
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

  it("reserves the map view's address among the case studies' (web/app/pages/praxisbeispiele/karte.vue)", () => {
    const mapPage = readFileSync(new URL('../../../web/app/pages/praxisbeispiele/karte.vue', import.meta.url), 'utf8');
    for (const locale of ['de', 'en'] as const) {
      expect(mapPage).toContain(`${locale}: '${caseStudyPath(locale, RESERVED_SLUGS[locale][0]!).replace(/^\/en/, '')}'`);
    }
    expect(isReservedSlug('de', 'karte')).toBe(true);
    expect(isReservedSlug('en', 'karte')).toBe(false);
    expect(isReservedSlug('en', 'map')).toBe(true);
    expect(isReservedSlug('fr', 'karte')).toBe(false);
  });

  it('names statuses and budget ranges per language and shows an unknown code as it is', () => {
    expect(projectStatusName('verstetigt', 'de')).toBe('Verstetigt');
    expect(projectStatusName('laufend', 'en')).toBe('Ongoing');
    expect(budgetRangeName('unter-10000', 'de')).toBe('unter 10.000 €');
    expect(budgetRangeName('ueber-250000', 'en')).toBe('over €250,000');
    expect(projectStatusName('neu', 'de')).toBe('neu');
  });
});

describe('Kommunen wie meine', () => {
  it('puts a population into its class, each limit the first number of the next class', () => {
    expect([0, 19_999, 20_000, 49_999, 50_000, 99_999, 100_000, 499_999, 500_000, 1_084_831].map(townSizeOf)).toEqual([
      'unter-20000',
      'unter-20000',
      '20000-50000',
      '20000-50000',
      '50000-100000',
      '50000-100000',
      '100000-500000',
      '100000-500000',
      'ueber-500000',
      'ueber-500000',
    ]);
    expect(townSizeOf(null)).toBeNull();
    expect(townSizeOf(Number.NaN)).toBeNull();
  });

  it('reads the Gemeindetyp of the official data and names both in either language', () => {
    expect(['kreisfreie Stadt', 'kreisangehörige Stadt', 'Gemeinde', 'Amt', null].map(townTypeOf)).toEqual([
      'kreisfreie-stadt',
      'kreisangehoerige-stadt',
      'gemeinde',
      null,
      null,
    ]);
    expect(townClassName('gemeinde', 'de')).toBe('Gemeinde');
    expect(townClassName('20000-50000', 'en')).toBe('20,000–50,000 inhabitants');
    expect(townClassName('unknown', 'de')).toBe('unknown');
  });
});
