import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import map from '../assets/nrw-map.json';
import { projectToMap } from './nrw-projection';

const [, , width = NaN, height = NaN] = map.viewBox.split(' ').map(Number);

function expectInsideViewBox(point: { x: number; y: number }): void {
  expect(point.x).toBeGreaterThanOrEqual(0);
  expect(point.x).toBeLessThanOrEqual(width);
  expect(point.y).toBeGreaterThanOrEqual(0);
  expect(point.y).toBeLessThanOrEqual(height);
}

interface Municipality {
  name: string;
  region: string;
  lat: number;
  lon: number;
}

type Point = [number, number];

/** Reads the rings of a path written by build-nrw-map.ts ("M x y l dx dy … z" per ring). */
function parsePath(d: string): Point[][] {
  const rings: Point[][] = [];
  for (const [, command = '', args = ''] of d.matchAll(/([Mlz])([^Mlz]*)/g)) {
    const numbers = (args.match(/-?\d*\.?\d+/g) ?? []).map(Number);
    if (command === 'M') rings.push([[numbers[0] ?? NaN, numbers[1] ?? NaN]]);
    const ring = rings[rings.length - 1];
    if (command !== 'l' || !ring) continue;
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const [x, y] = ring[ring.length - 1] ?? [NaN, NaN];
      ring.push([x + (numbers[i] ?? NaN), y + (numbers[i + 1] ?? NaN)]);
    }
  }
  return rings;
}

/** Even-odd point-in-polygon test over all rings. */
function isInside(rings: Point[][], { x, y }: { x: number; y: number }): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] ?? [NaN, NaN];
      const [xj, yj] = ring[j] ?? [NaN, NaN];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function readMunicipalities(): Municipality[] {
  const csv = readFileSync(new URL('../../../cms/data/nrw/municipalities.csv', import.meta.url), 'utf8');
  const [header = '', ...rows] = csv.trim().split(/\r?\n/);
  const columns = header.split(',');
  const nameIndex = columns.indexOf('name');
  const regionIndex = columns.indexOf('region');
  const latIndex = columns.indexOf('lat');
  const lonIndex = columns.indexOf('lon');
  return rows.map((row) => {
    const cells = row.split(',');
    return { name: cells[nameIndex] ?? '', region: cells[regionIndex] ?? '', lat: Number(cells[latIndex]), lon: Number(cells[lonIndex]) };
  });
}

describe('projectToMap', () => {
  const koeln = projectToMap(50.94, 6.96);
  const minden = projectToMap(52.29, 8.92);

  it('has a viewBox 400 wide with a plausible height', () => {
    expect(width).toBe(400);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThan(450);
  });

  it('puts Köln inside the map in the south-west', () => {
    expectInsideViewBox(koeln);
    expect(koeln.x).toBeLessThan(width / 2);
    expect(koeln.y).toBeGreaterThan(height / 2);
  });

  it('puts Minden inside the map in the north-east', () => {
    expectInsideViewBox(minden);
    expect(minden.x).toBeGreaterThan(width / 2);
    expect(minden.y).toBeLessThan(height / 2);
  });

  it('keeps west left of east and north above south', () => {
    expect(projectToMap(51.5, 6).x).toBeLessThan(projectToMap(51.5, 9).x);
    expect(projectToMap(52.5, 7.5).y).toBeLessThan(projectToMap(50.5, 7.5).y);
  });

  it('corrects the longitude scale by cos(mean latitude)', () => {
    const { scaleX, scaleY } = map.projection;
    expect(scaleX / scaleY).toBeCloseTo(Math.cos((51.43 * Math.PI) / 180), 2);
  });

  it('projects all 396 municipalities of the CSV inside the viewBox', () => {
    const municipalities = readMunicipalities();
    expect(municipalities).toHaveLength(396);
    for (const m of municipalities) {
      expect(Number.isFinite(m.lat) && Number.isFinite(m.lon), m.name).toBe(true);
      expectInsideViewBox(projectToMap(m.lat, m.lon));
    }
  });

  it('puts every municipality inside the drawn outline and its own Regierungsbezirk', () => {
    const outline = parsePath(map.outline);
    const regions = new Map(map.regions.map((r) => [r.name, parsePath(r.d)]));
    expect([...regions.keys()].sort()).toEqual(['Arnsberg', 'Detmold', 'Düsseldorf', 'Köln', 'Münster']);
    for (const m of readMunicipalities()) {
      const point = projectToMap(m.lat, m.lon);
      expect(isInside(outline, point), m.name).toBe(true);
      expect(isInside(regions.get(m.region) ?? [], point), `${m.name} in ${m.region}`).toBe(true);
    }
  });
});
