import {
  districtLabel,
  FACET_KEYS,
  TRANSFERRED_VALUES,
  FUNDING_YEAR_MAX,
  FUNDING_YEAR_MIN,
  isKreisfrei,
  localizedName,
  LOCALES,
  PROJECT_STATUSES,
  projectStatusName,
  TOWN_SIZES,
  TOWN_TYPES,
  townClassName,
  townSizeOf,
  townTypeOf,
  type KnownValues,
} from '@praxis/search';
import type { District, Term, Town, Vocabulary } from '../../shared/vocabulary';
import { isVocabularyCurrent } from '../cache/purge';
import { strapiGetAll } from '../cms/strapi';

interface TaxonomyEntry {
  slug: string;
  name: string;
  nameEn: string | null;
  number?: number;
}
interface MunicipalityEntry {
  ags: string;
  name: string;
  type: string;
  district: string;
  districtAgs: string;
  region: string;
  population: number | null;
  lat: number | null;
  lon: number | null;
}

const REFRESH_MS = 5 * 60_000;

interface Loaded {
  at: number;
  byLocale: Record<string, Vocabulary>;
  known: KnownValues;
}
let cache: Loaded | undefined;
let loading: { startedAt: number; promise: Promise<Loaded> } | undefined;

async function loadFromCms(): Promise<Loaded> {
  const at = Date.now();
  const taxonomy = (collection: string, extra: string[] = []) => strapiGetAll<TaxonomyEntry>(collection, ['slug', 'name', 'nameEn', ...extra]);
  const [buildingBlocks, targetGroups, topics, settings, criteria, municipalities] = await Promise.all([
    taxonomy('building-blocks', ['number']),
    taxonomy('target-groups'),
    taxonomy('topics'),
    taxonomy('settings'),
    taxonomy('quality-criteria'),
    strapiGetAll<MunicipalityEntry>('municipalities', ['ags', 'name', 'type', 'district', 'districtAgs', 'region', 'population', 'lat', 'lon']),
  ]);
  const towns: Town[] = municipalities
    .map(({ ags, name, type, districtAgs, region, population, lat, lon }) => ({
      ags,
      name,
      districtAgs,
      region,
      type: townTypeOf(type),
      size: townSizeOf(population),
      lat: lat ?? null,
      lon: lon ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const districtsByAgs = new Map<string, District>();
  for (const town of municipalities) {
    const kreisfrei = isKreisfrei(town.type);
    if (!districtsByAgs.has(town.districtAgs) || kreisfrei) {
      districtsByAgs.set(town.districtAgs, { ags: town.districtAgs, name: districtLabel(town.district, kreisfrei), region: town.region });
    }
  }
  // "Kreis Unna" sorts under U, next to the towns and the other Kreise.
  const sortName = (district: District) => district.name.replace(/^Kreis /, '');
  const districts = [...districtsByAgs.values()].sort((a, b) => sortName(a).localeCompare(sortName(b), 'de'));
  const regions = [...new Set(municipalities.map((town) => town.region))].sort((a, b) => a.localeCompare(b, 'de'));
  const terms = (entries: TaxonomyEntry[], locale: string): Term[] => entries.map((entry) => ({ slug: entry.slug, name: localizedName(entry, locale) }));

  const byLocale: Record<string, Vocabulary> = {};
  for (const locale of LOCALES) {
    byLocale[locale] = {
      buildingBlocks: buildingBlocks
        .map((entry) => ({ slug: entry.slug, name: localizedName(entry, locale), number: entry.number ?? 0 }))
        .sort((a, b) => a.number - b.number),
      targetGroups: terms(targetGroups, locale),
      topics: terms(topics, locale),
      settings: terms(settings, locale),
      criteria: terms(criteria, locale),
      statuses: PROJECT_STATUSES.map((slug) => ({ slug, name: projectStatusName(slug, locale) })),
      townTypes: TOWN_TYPES.map((slug) => ({ slug, name: townClassName(slug, locale) })),
      townSizes: TOWN_SIZES.map((slug) => ({ slug, name: townClassName(slug, locale) })),
      regions,
      districts,
      towns,
    };
  }
  const slugs = (entries: { slug: string }[]) => new Set(entries.map((entry) => entry.slug));
  const known: KnownValues = {
    buildingBlock: slugs(buildingBlocks),
    targetGroup: slugs(targetGroups),
    topic: slugs(topics),
    setting: slugs(settings),
    criterion: slugs(criteria),
    status: new Set(PROJECT_STATUSES),
    region: new Set(regions),
    district: new Set(districts.map((district) => district.ags)),
    municipality: new Set(towns.map((town) => town.ags)),
    townType: new Set(TOWN_TYPES),
    townSize: new Set(TOWN_SIZES),
    transferred: new Set(TRANSFERRED_VALUES),
    // Any year the CMS accepts for a funding start (search/src/content/case-study-record.ts).
    fundingStart: new Set(Array.from({ length: FUNDING_YEAR_MAX - FUNDING_YEAR_MIN + 1 }, (_, index) => String(FUNDING_YEAR_MIN + index))),
    // An Umkreis is drawn around a town with a centre; every NRW municipality has one in the reference data.
    towns: new Map(
      municipalities.flatMap((town) =>
        town.lat === null || town.lon === null
          ? []
          : [
              [
                town.ags,
                {
                  lat: town.lat,
                  lon: town.lon,
                  districtAgs: town.districtAgs,
                  kreisfrei: isKreisfrei(town.type),
                  type: townTypeOf(town.type),
                  size: townSizeOf(town.population),
                },
              ] as const,
            ],
      ),
    ),
  };
  for (const key of FACET_KEYS) if (!known[key]) throw new Error(`no known values for ${key}`);
  return { at, byLocale, known };
}

/**
 * The filter vocabulary from the CMS, cached until the CMS reports a change of a taxonomy
 * (cache/purge.ts), or for five minutes when no such notice came. When the CMS is
 * unreachable the last loaded vocabulary keeps serving; only a site that never
 * reached the CMS fails.
 */
export async function loadVocabulary(): Promise<Loaded> {
  if (cache && isVocabularyCurrent(cache.at) && Date.now() - cache.at < REFRESH_MS) return cache;
  // A load that began before the latest change notice would bring the old names back.
  if (!loading || !isVocabularyCurrent(loading.startedAt)) {
    const startedAt = Date.now();
    const promise: Promise<Loaded> = loadFromCms()
      .then((loaded) => {
        if (!cache || loaded.at > cache.at) cache = loaded;
        return loaded;
      })
      .catch((error: unknown) => {
        if (cache) return cache;
        throw error;
      })
      .finally(() => {
        if (loading?.promise === promise) loading = undefined;
      });
    loading = { startedAt, promise };
  }
  // After five quiet minutes the old names serve while the new load runs; after a change notice the answer waits for it.
  return cache && isVocabularyCurrent(cache.at) ? cache : loading.promise;
}
