import { describe, expect, it } from 'vitest';
import { buildFilter, parseSearchParams, toSearchParams } from './query.ts';
import { distanceKm, townsWithin } from './radius.ts';

// Centres as in the NRW reference data (../shared/data/nrw/municipalities.csv).
const POINTS = new Map([
  ['05766028', { lat: 52.09124, lon: 9.09768 }], // Extertal
  ['05766012', { lat: 52.00621, lon: 9.12733 }], // Barntrup, 9.6 km from Extertal
  ['05766024', { lat: 52.033, lon: 9.0328 }], // Dörentrup, 7.9 km
  ['05711000', { lat: 52.0107, lon: 8.54078 }], // Bielefeld, 39 km
  ['05111000', { lat: 51.23543, lon: 6.81078 }], // Düsseldorf, 184 km
]);
const TOWNS = new Map([...POINTS].map(([ags, point]) => [ags, { ...point, districtAgs: ags.slice(0, 5), kreisfrei: false, type: null, size: null }]));
const parse = (query: string) => parseSearchParams(new URLSearchParams(query), { towns: TOWNS });

describe('distanceKm', () => {
  it('gives the great-circle distance: Düsseldorf–Bielefeld is about 147 km, a point to itself 0', () => {
    expect(distanceKm(POINTS.get('05111000')!, POINTS.get('05711000')!)).toBeCloseTo(147, 0);
    expect(distanceKm(POINTS.get('05111000')!, POINTS.get('05111000')!)).toBe(0);
  });
});

describe('townsWithin', () => {
  it('takes the towns whose centre lies within the radius, the centre included', () => {
    expect(townsWithin(POINTS, '05766028', 5)).toEqual(['05766028']);
    expect(townsWithin(POINTS, '05766028', 9)).toEqual(['05766024', '05766028']);
    expect(townsWithin(POINTS, '05766028', 10)).toEqual(['05766012', '05766024', '05766028']);
    expect(townsWithin(POINTS, '05766028', 50)).toEqual(['05711000', '05766012', '05766024', '05766028']);
    expect(townsWithin(POINTS, '99999999', 50)).toEqual([]);
  });
});

describe('near and radius in the search URL', () => {
  it('filters on every municipality within the radius and keeps both parameters in the canonical URL', () => {
    const { state } = parse('near=05766028&radius=25');
    expect(state?.near).toEqual({ ags: '05766028', radiusKm: 25, towns: ['05766012', '05766024', '05766028'] });
    expect(buildFilter(state!)).toEqual(['municipalityAgs IN ["05766012", "05766024", "05766028"]']);
    expect(buildFilter(state!, 'near')).toEqual([]);
    expect(toSearchParams(state!).toString()).toBe('near=05766028&radius=25');
  });

  it('ignores a radius without a town (the search form always sends one)', () => {
    const { state } = parse('radius=25');
    expect(state?.near).toBeUndefined();
    expect(toSearchParams(state!).toString()).toBe('');
  });

  it.each([
    ['near=05766028', 'radius', 'is needed with near: one of 10, 25, 50, 100 (km)'],
    ['near=05766028&radius=30', 'radius', '"30" must be one of 10, 25, 50, 100 (km)'],
    ['near=05766028&radius=1000', 'radius', '"1000" must be one of 10, 25, 50, 100 (km)'],
    ['near=05766028&radius=-25', 'radius', '"-25" must be one of 10, 25, 50, 100 (km)'],
    ['near=05766028&radius=zehn', 'radius', '"zehn" must be one of 10, 25, 50, 100 (km)'],
    ['radius=25.0', 'radius', '"25.0" must be one of 10, 25, 50, 100 (km)'],
    ['near=05999999&radius=25', 'near', '"05999999" is not a known municipality'],
    ['near=Extertal&radius=25', 'near', '"Extertal" must be an 8-digit municipality AGS such as 05766028'],
    ['near=05766028&near=05711000&radius=25', 'near', 'may be given only once'],
  ])('refuses %s: %s %s', (query, param, message) => {
    const result = parse(query);
    expect(result.state).toBeUndefined();
    expect(result.problems).toContainEqual({ param, message });
  });
});
