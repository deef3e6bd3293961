/** Labels and hierarchy of every filter value, as the search page and the API need them. */
export interface Term {
  slug: string;
  name: string;
}

export interface District {
  ags: string;
  name: string;
  region: string;
}

export interface Town {
  ags: string;
  name: string;
  districtAgs: string;
  region: string;
  /** Gemeindetyp and Einwohnerzahl class (TOWN_TYPES, TOWN_SIZES of @praxis/search/domain); null when the data lacks them. */
  type: string | null;
  size: string | null;
  /** WGS84 centre, for the dots of the map view. */
  lat: number | null;
  lon: number | null;
}

export interface Vocabulary {
  buildingBlocks: (Term & { number: number })[];
  targetGroups: Term[];
  topics: Term[];
  settings: Term[];
  criteria: Term[];
  statuses: Term[];
  /** Gemeindetyp and Einwohnerzahl classes ("Kommunen wie meine"). */
  townTypes: Term[];
  townSizes: Term[];
  regions: string[];
  districts: District[];
  towns: Town[];
}

/** "2020–2023", "2024" or "" for a funding period. */
export function fundingPeriod(start: number | null, end: number | null): string {
  if (!start) return '';
  return end && end !== start ? `${start}–${end}` : String(start);
}
