import { programmeStatistics, type ProgrammeStatistics } from '@praxis/search';
import { useMeilisearch } from '../search/meilisearch';
import { loadVocabulary } from '../search/vocabulary';
import { localeQuery, parseWith } from '../security/request-schemas';

export type StatisticsAnswer = ProgrammeStatistics;

/** `GET /api/statistics?locale=de`: the programme's figures for the statistics page (one Meilisearch request). */
export default defineEventHandler(async (event): Promise<StatisticsAnswer> => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const { byLocale } = await loadVocabulary();
  const statistics = await programmeStatistics(
    useMeilisearch(),
    locale,
    byLocale[locale]!.buildingBlocks.map((block) => block.slug),
  );
  setResponseHeader(event, 'cache-control', 'no-cache');
  return statistics;
});
