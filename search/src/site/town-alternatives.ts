// "Kommunen wie meine": for the reader's town (the Umkreis centre, or the one Kommune chosen),
// the same search in its Kreis, within 25 km and in towns of its Gemeindetyp and Einwohnerzahl
// class, each with its count — so a small town without a case study of its own still gets a way on.
import { NEARBY_RADIUS_KM, RADII_KM } from '../query-params.ts';
import { toSearchParams, type KnownTown, type SearchState } from '../query.ts';
import { townsWithin } from '../radius.ts';

export type TownAlternativeKind = 'district' | 'nearby' | 'similar';

export interface TownAlternative {
  kind: TownAlternativeKind;
  /** The alternative search's parameters (as the page URL and `/api/search` take them; without page and locale). */
  query: string;
  total: number;
}

export interface TownAlternatives {
  /** AGS of the town the alternatives are for. */
  town: string;
  alternatives: TownAlternative[];
}

/** The reader's town in a search: the Umkreis centre, else the one Kommune chosen. */
export function readersTown(state: SearchState): string | undefined {
  return state.near?.ags ?? (state.filters.municipality.length === 1 ? state.filters.municipality[0] : undefined);
}

/** The state without any place filter: the alternatives replace the reader's place, not the rest of the search. */
function withoutPlace(state: SearchState): SearchState {
  return { ...state, page: 1, near: undefined, filters: { ...state.filters, region: [], district: [], municipality: [] } };
}

/** The alternative searches for `town`: its Kreis (unless it is a kreisfreie Stadt, its own Kreis), its Umkreis, its class. */
export function townAlternativeStates(
  state: SearchState,
  ags: string,
  towns: ReadonlyMap<string, KnownTown>,
): { kind: TownAlternativeKind; state: SearchState }[] {
  const town = towns.get(ags);
  if (!town) return [];
  const base = withoutPlace(state);
  // Within an Umkreis already: the next wider one.
  const radiusKm = state.near ? RADII_KM.find((km) => km > state.near!.radiusKm) : NEARBY_RADIUS_KM;
  const states: { kind: TownAlternativeKind; state: SearchState }[] = [];
  if (!town.kreisfrei) states.push({ kind: 'district', state: { ...base, filters: { ...base.filters, district: [town.districtAgs] } } });
  if (radiusKm !== undefined) states.push({ kind: 'nearby', state: { ...base, near: { ags, radiusKm, towns: townsWithin(towns, ags, radiusKm) } } });
  if (town.type && town.size) {
    states.push({ kind: 'similar', state: { ...base, filters: { ...base.filters, townType: [town.type], townSize: [town.size] } } });
  }
  return states;
}

/** The alternatives for the reader's town with their counts (by `count`, the search's own rule), or null when the search names no single town. */
export async function findTownAlternatives(
  state: SearchState,
  towns: ReadonlyMap<string, KnownTown>,
  count: (state: SearchState) => Promise<number>,
): Promise<TownAlternatives | null> {
  const ags = readersTown(state);
  if (ags === undefined) return null;
  const states = townAlternativeStates(state, ags, towns);
  const totals = await Promise.all(states.map((alternative) => count(alternative.state)));
  return {
    town: ags,
    alternatives: states.map((alternative, index) => {
      const params = toSearchParams(alternative.state);
      params.delete('locale');
      return { kind: alternative.kind, query: params.toString(), total: totals[index]! };
    }),
  };
}
