import { DEFAULT_LOCALE, searchCaseStudies, type SearchOutcome } from '@praxis/search';

/** What `GET /api/search` answers to these parameters; a new search (its first page) is counted for the dashboard. */
export async function answerSearch(params: URLSearchParams): Promise<SearchOutcome> {
  const { known } = await loadVocabulary();
  const outcome = await searchCaseStudies(useMeilisearch(), params, known);
  if (outcome.status === 200) {
    // Counted for the editors' dashboard: the text of a new search and whether it found anything.
    const q = params.get('q');
    if (q && outcome.body.page === 1) countSearch(params.get('locale') ?? DEFAULT_LOCALE, q, outcome.body.total);
  }
  return outcome;
}
