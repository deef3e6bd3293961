// "Im Umkreis von 25 km um Extertal": which municipalities lie within a radius of a town's centre.
// Meilisearch keeps one `_geo` point per document, but a case study may name many towns; so the
// search filters on the set of municipalities within the radius (their AGS), computed here.

/** A municipality's centre as the NRW reference data gives it (WGS 84, degrees). */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Each municipality's centre by its 8-digit AGS. */
export type TownPoints = ReadonlyMap<string, GeoPoint>;

/** Mean Earth radius (IUGG), in km: the error against the ellipsoid is far below a town's extent. */
const EARTH_RADIUS_KM = 6371.0088;

/** The great-circle distance between two points, in km (haversine formula). */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(to.lat - from.lat);
  const dLon = radians(to.lon - from.lon);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The AGS of every municipality whose centre lies within `radiusKm` of `centre`'s (the centre included), in AGS order. */
export function townsWithin(points: TownPoints, centre: string, radiusKm: number): string[] {
  const origin = points.get(centre);
  if (!origin) return [];
  return [...points]
    .filter(([, point]) => distanceKm(origin, point) <= radiusKm)
    .map(([ags]) => ags)
    .sort();
}
