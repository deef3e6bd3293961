// The reference data (cms/data: the vocabularies of taxonomies.json and the NRW municipalities) as
// the CMS hands a case study's relations out: what the relevance evaluation and the benchmarks map
// their case studies with before `toSearchDocument`. Exported as `@praxis/search/reference-data`.
import { readFileSync } from 'node:fs';
import { districtOf } from '../src/catalogue/domain.ts';

const cmsData = new URL('../../cms/data/', import.meta.url);
/** A file of cms/data, as JSON. */
export const readCmsData = (path: string): unknown => JSON.parse(readFileSync(new URL(path, cmsData), 'utf8'));

type Vocabulary = { slug: string; de: string; en: string; number?: number }[];
/** The vocabularies of taxonomies.json, by list. */
export const taxonomies = readCmsData('taxonomies.json') as Record<'buildingBlocks' | 'targetGroups' | 'topics' | 'settings' | 'qualityCriteria', Vocabulary>;

/** The 396 municipalities by AGS, as the CMS stores a Kommune (a kreisfreie Stadt is its own Kreis). */
export const towns = new Map(
  readFileSync(new URL('nrw/municipalities.csv', cmsData), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [ags, name, type, district, districtAgs, region, lat, lon, population] = line.split(',') as string[];
      const town = {
        ags: ags!,
        name: name!,
        districtAgs: districtAgs!,
        region: region!,
        lat: Number(lat),
        lon: Number(lon),
        type: type!,
        population: Number(population),
      };
      return [ags!, { ...town, district: districtOf({ name: name!, district: district! }) }];
    }),
);

/** A vocabulary entry as the CMS hands it out; an unknown slug is an error in the data. */
export function term(vocabulary: Vocabulary, slug: string) {
  const entry = vocabulary.find((candidate) => candidate.slug === slug);
  if (!entry) throw new Error(`unknown vocabulary slug "${slug}"`);
  return { slug, name: entry.de, nameEn: entry.en, number: entry.number ?? 0 };
}
