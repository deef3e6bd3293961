import { describe, expect, it } from 'vitest';
import map from '../assets/nrw-map.json';
import { pathBox, placedLabels, shortName } from './map-labels';

describe('the map labels', () => {
  it('reads a path box from the absolute start and the relative steps of each ring', () => {
    expect(pathBox('M10 20l5 0 0-10-5 10zM100 100l-3 4z')).toEqual({ minX: 10, minY: 10, maxX: 100, maxY: 104 });
    expect(pathBox('M1.5 2l.5-.5 1 1z')).toEqual({ minX: 1.5, minY: 1.5, maxX: 3, maxY: 2.5 });
  });

  it('puts every Kreis label point inside its own box', () => {
    for (const district of map.districts) {
      const box = pathBox(district.d);
      expect(district.label.x, district.name).toBeGreaterThan(box.minX);
      expect(district.label.x, district.name).toBeLessThan(box.maxX);
      expect(district.label.y, district.name).toBeGreaterThan(box.minY);
      expect(district.label.y, district.name).toBeLessThan(box.maxY);
    }
  });

  it('names the large Kreise of NRW and never two names on top of each other', () => {
    const candidates = map.districts.map((district) => ({ ags: district.ags, text: shortName(district.name), ...district.label, box: pathBox(district.d) }));
    const chosen = placedLabels(candidates, 7);
    const names = map.districts.filter((district) => chosen.has(district.ags)).map((district) => shortName(district.name));
    // The wide rural Kreise have room; the small kreisfreie Städte of the Ruhr do not.
    expect(names).toEqual(expect.arrayContaining(['Lippe', 'Borken', 'Steinfurt', 'Hochsauerlandkreis']));
    expect(names).not.toContain('Herne');
    expect(chosen.size).toBeGreaterThan(15);
    // A label twice as large finds room in fewer Kreise.
    expect(placedLabels(candidates, 14).size).toBeLessThan(chosen.size);
  });
});
