import { DEFAULT_LOCALE, searchCaseStudies } from '@praxis/search';

/** `GET /api/search`: the one door to Meilisearch. Parameters and answer: see README "Search API". */
export default defineEventHandler(async (event) => {
  const params = new URLSearchParams(getRequestURL(event).search);
  const { known } = await loadVocabulary();
  const outcome = await searchCaseStudies(useMeilisearch(), params, known);
  if (outcome.status === 200) {
    // Counted for the editors' dashboard: the text of a new search (first page) and whether it found anything.
    const { total, page } = outcome.body as { total: number; page: number };
    const q = params.get('q');
    if (q && page === 1) countSearch(params.get('locale') ?? DEFAULT_LOCALE, q, total);
  }
  setResponseStatus(event, outcome.status);
  // Not kept by the browser: a case study is searchable as soon as Meilisearch has it.
  if (outcome.status === 200) setResponseHeader(event, 'cache-control', 'no-cache');
  return outcome.body;
});
