// Generates web/app/assets/nrw-map.json (NRW outline, 5 Regierungsbezirke and 53 Kreise as SVG paths) from cms/data/nrw/*.geojson — run `node web/scripts/build-nrw-map.ts`; do not edit the JSON by hand.
//
// Projection: equirectangular, x scaled by cos(mean latitude), fitted into a viewBox 400 wide.
// Simplification: Douglas–Peucker in viewBox units with shared borders kept identical (each ring is
// split at the junctions where it meets other rings, so the outline and the region borders still
// line up), then rounded to 0.1 and written as relative path commands.
// The numbers in "projection" are what web/app/utils/nrw-projection.ts uses to place points.
import { readFileSync, writeFileSync } from 'node:fs';

type Position = [number, number];
type Ring = Position[];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  properties: Record<string, unknown>;
  geometry: Geometry;
}
interface FeatureCollection {
  features: Feature[];
}

const WIDTH = 400;
const PADDING = 4;
/** Douglas–Peucker tolerance in viewBox units (the map is shown about 290 px wide, so < 0.3 px). */
const TOLERANCE = 0.4;
const ATTRIBUTION = '© GeoBasis-DE / BKG 2021 (Daten verändert)';

const dataDir = new URL('../../cms/data/nrw/', import.meta.url);
const outFile = new URL('../app/assets/nrw-map.json', import.meta.url);

function readCollection(name: string): FeatureCollection {
  return JSON.parse(readFileSync(new URL(name, dataDir), 'utf8')) as FeatureCollection;
}

/** Polygon → [rings], MultiPolygon → [rings of all parts]; other types are an error. */
function ringsOf(geometry: Geometry): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  throw new Error(`unsupported geometry type ${geometry.type}`);
}

/** Drops the closing point (GeoJSON rings repeat the first point at the end). */
function openRing(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) return ring.slice(0, -1);
  return ring.slice();
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

// --- input --------------------------------------------------------------------------------------

const outlineFeatures = readCollection('nrw_outline.geojson').features;
const regionFeatures = readCollection('regions.geojson').features;
const districtFeatures = readCollection('districts.geojson').features;
if (outlineFeatures.length !== 1) throw new Error('nrw_outline.geojson: expected 1 feature');
if (regionFeatures.length !== 5) throw new Error('regions.geojson: expected 5 features');
if (districtFeatures.length !== 53) throw new Error('districts.geojson: expected 53 features');

const outlineRings = outlineFeatures.flatMap((f) => ringsOf(f.geometry)).map(openRing);
const regions = regionFeatures.map((f) => ({
  name: String(f.properties['name']),
  rings: ringsOf(f.geometry).map(openRing),
}));
const districts = districtFeatures.map((f) => ({
  ags: String(f.properties['ags']),
  name: String(f.properties['name']),
  region: String(f.properties['region']),
  rings: ringsOf(f.geometry).map(openRing),
}));
const allRings: Ring[] = [...outlineRings, ...regions.flatMap((r) => r.rings), ...districts.flatMap((d) => d.rings)];

// --- projection ---------------------------------------------------------------------------------

let minLon = Infinity;
let maxLon = -Infinity;
let minLat = Infinity;
let maxLat = -Infinity;
for (const [lon, lat] of outlineRings.flat()) {
  minLon = Math.min(minLon, lon);
  maxLon = Math.max(maxLon, lon);
  minLat = Math.min(minLat, lat);
  maxLat = Math.max(maxLat, lat);
}
const meanLat = (minLat + maxLat) / 2;
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;
// x per degree of longitude is shorter than y per degree of latitude by cos(mean latitude).
const scaleX = round6((WIDTH - 2 * PADDING) / (maxLon - minLon));
const scaleY = round6(scaleX / Math.cos((meanLat * Math.PI) / 180));
const projection = { minLon, maxLat, scaleX, scaleY, padding: PADDING };
const height = Math.ceil((maxLat - minLat) * scaleY + 2 * PADDING);

// Same formula as projectToMap() in web/app/utils/nrw-projection.ts.
const project = ([lon, lat]: Position): Position => [
  (lon - projection.minLon) * projection.scaleX + projection.padding,
  (projection.maxLat - lat) * projection.scaleY + projection.padding,
];

// --- junctions: points where a ring stops sharing its border with the same neighbour ------------

const neighbourPairs = new Map<string, Set<string>>();
for (const ring of allRings) {
  ring.forEach((p, i) => {
    const prev = ring[(i - 1 + ring.length) % ring.length] as Position;
    const next = ring[(i + 1) % ring.length] as Position;
    const pair = [key(prev), key(next)].sort().join('|');
    const pairs = neighbourPairs.get(key(p)) ?? new Set<string>();
    pairs.add(pair);
    neighbourPairs.set(key(p), pairs);
  });
}
const isJunction = (p: Position): boolean => (neighbourPairs.get(key(p))?.size ?? 0) > 1;

// --- Douglas–Peucker ------------------------------------------------------------------------------

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Simplifies an open line; keeps both end points. */
function douglasPeucker(line: Position[], tolerance: number): Position[] {
  const keep = new Array<boolean>(line.length).fill(false);
  keep[0] = true;
  keep[line.length - 1] = true;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let maxDistance = 0;
    let index = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(line[i] as Position, line[from] as Position, line[to] as Position);
      if (d > maxDistance) {
        maxDistance = d;
        index = i;
      }
    }
    if (index !== -1 && maxDistance > tolerance) {
      keep[index] = true;
      stack.push([from, index], [index, to]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

/** Simplifies a closed ring piece by piece between junctions, so shared borders simplify alike. */
function simplifyRing(ring: Ring): Position[] {
  let anchors = ring.map((p, i) => (isJunction(p) ? i : -1)).filter((i) => i !== -1);
  if (anchors.length === 0) {
    // No shared border changes: start at the smallest point so that a ring shared with another
    // ring as a whole is cut at the same place in both.
    let smallest = 0;
    ring.forEach((p, i) => {
      const s = ring[smallest] as Position;
      if (p[0] < s[0] || (p[0] === s[0] && p[1] < s[1])) smallest = i;
    });
    anchors = [smallest];
  }
  const projected = ring.map(project);
  const result: Position[] = [];
  anchors.forEach((start, n) => {
    const end = anchors[(n + 1) % anchors.length] as number;
    const piece: Position[] = [];
    for (let i = start; ; i = (i + 1) % ring.length) {
      piece.push(projected[i] as Position);
      if (piece.length > 1 && i === end) break;
    }
    result.push(...douglasPeucker(piece, TOLERANCE).slice(0, -1));
  });
  return result;
}

// --- SVG path -------------------------------------------------------------------------------------

/** Formats tenths as a decimal number: 123 → "12.3", -5 → "-.5", 40 → "4". */
function fmt(tenths: number): string {
  const s = (tenths / 10).toString();
  return s.replace(/^(-?)0\./, '$1.');
}

/** Joins numbers with a space, except before a minus sign or between ".5" and ".3" style numbers. */
function joinNumbers(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    const needsSpace = out !== '' && !part.startsWith('-') && !(part.startsWith('.') && /\.\d*$/.test(out));
    out += (needsSpace ? ' ' : '') + part;
  }
  return out;
}

/** One subpath per ring: absolute move, relative lines computed from rounded points (no drift). */
function toPath(rings: Position[][]): string {
  return rings
    .map((ring) => {
      const points: [number, number][] = [];
      for (const [x, y] of ring) {
        const p: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
        const last = points[points.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
      }
      const first = points[0];
      const lastPoint = points[points.length - 1];
      if (first && lastPoint && points.length > 1 && first[0] === lastPoint[0] && first[1] === lastPoint[1]) points.pop();
      if (!first || points.length < 3) return '';
      const deltas: string[] = [];
      for (let i = 1; i < points.length; i++) {
        const p = points[i] as [number, number];
        const q = points[i - 1] as [number, number];
        deltas.push(fmt(p[0] - q[0]), fmt(p[1] - q[1]));
      }
      return `M${joinNumbers([fmt(first[0]), fmt(first[1])])}l${joinNumbers(deltas)}z`;
    })
    .join('');
}

// --- output ---------------------------------------------------------------------------------------

/** Where a Kreis's name goes: the centre of the bounding box of its largest ring, in viewBox units. */
function labelPointOf(rings: Ring[]): { x: number; y: number } {
  const largest = rings.reduce((a, b) => (b.length > a.length ? b : a)).map(project);
  const xs = largest.map(([x]) => x);
  const ys = largest.map(([, y]) => y);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { x: round((Math.min(...xs) + Math.max(...xs)) / 2), y: round((Math.min(...ys) + Math.max(...ys)) / 2) };
}

/** The projected bounding box of rings as a viewBox "x y width height" (a map zoomed to a Regierungsbezirk). */
function boxOf(rings: Ring[]): string {
  const points = rings.flat().map(project);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [x, y] = [Math.floor(Math.min(...xs)) - PADDING, Math.floor(Math.min(...ys)) - PADDING];
  return `${x} ${y} ${Math.ceil(Math.max(...xs)) + PADDING - x} ${Math.ceil(Math.max(...ys)) + PADDING - y}`;
}

const map = {
  viewBox: `0 0 ${WIDTH} ${height}`,
  projection,
  attribution: ATTRIBUTION,
  outline: toPath(outlineRings.map(simplifyRing)),
  regions: regions.map((r) => ({ name: r.name, d: toPath(r.rings.map(simplifyRing)), box: boxOf(r.rings) })),
  // The map view of the search: one shape per Kreis, by its AGS.
  districts: districts.map((d) => ({ ags: d.ags, name: d.name, region: d.region, d: toPath(d.rings.map(simplifyRing)), label: labelPointOf(d.rings) })),
};
const json = `${JSON.stringify(map, null, 2)}\n`;
writeFileSync(outFile, json);

const pointCount = (d: string): number => (d.match(/-?\d*\.?\d+/g)?.length ?? 0) / 2;
console.log(
  `wrote ${outFile.pathname}: ${Buffer.byteLength(json)} bytes, viewBox ${map.viewBox}, ` +
    `outline ${pointCount(map.outline)} points, regions ${map.regions.map((r) => `${r.name} ${pointCount(r.d)}`).join(', ')}, ` +
    `districts ${map.districts.reduce((sum, d) => sum + pointCount(d.d), 0)} points`,
);
