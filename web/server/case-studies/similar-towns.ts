import { countCaseStudiesByTown, townSizeOf, townTypeOf, type Locale } from '@praxis/search';
import type { CaseStudyPlace, SimilarTown } from '../../shared/case-study';
import { useMeilisearch } from '../search/meilisearch';
import { loadVocabulary } from '../search/vocabulary';

/**
 * "Ähnliche Kommunen mit Praxisbeispielen": the other towns of the same Gemeindetyp and
 * Einwohnerzahl class as one of the case study's own, with the number of published case studies
 * that ran there, most first. A planner from a town of 30,000 sees what worked in towns like hers.
 */
export async function findSimilarTowns(places: CaseStudyPlace[], locale: Locale, limit = 8): Promise<SimilarTown[]> {
  const own = new Set(places.map((place) => place.ags));
  const kinds = new Set(places.map((place) => `${townTypeOf(place.type)}/${townSizeOf(place.population)}`));
  const { byLocale } = await loadVocabulary();
  const candidates = byLocale[locale]!.towns.filter((town) => !own.has(town.ags) && town.type && town.size && kinds.has(`${town.type}/${town.size}`));
  const counts = await countCaseStudiesByTown(
    useMeilisearch(),
    locale,
    candidates.map((town) => town.ags),
  );
  return candidates
    .filter((town) => counts[town.ags])
    .map((town) => ({ ags: town.ags, name: town.name, count: counts[town.ags]! }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'))
    .slice(0, limit);
}
