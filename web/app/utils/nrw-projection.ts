import map from '../assets/nrw-map.json';

/** The projection parameters stored in nrw-map.json by web/scripts/build-nrw-map.ts. */
export interface NrwProjection {
  /** Longitude (°E) at the left edge of the map, before padding. */
  minLon: number;
  /** Latitude (°N) at the top edge of the map, before padding. */
  maxLat: number;
  /** viewBox units per degree of longitude (already multiplied by cos(mean latitude)). */
  scaleX: number;
  /** viewBox units per degree of latitude. */
  scaleY: number;
  /** viewBox units of margin around the outline. */
  padding: number;
}

export const nrwProjection: NrwProjection = map.projection;

/**
 * Projects WGS84 latitude/longitude to the SVG coordinates of nrw-map.json
 * (equirectangular, the same formula the build script used for the outline and regions).
 */
export function projectToMap(lat: number, lon: number, projection: NrwProjection = nrwProjection): { x: number; y: number } {
  return {
    x: (lon - projection.minLon) * projection.scaleX + projection.padding,
    y: (projection.maxLat - lat) * projection.scaleY + projection.padding,
  };
}
