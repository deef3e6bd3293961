import { searchCaseStudies } from '@praxis/search';

/** `GET /api/search`: the one door to Meilisearch. Parameters and answer: see README "Search API". */
export default defineEventHandler(async (event) => {
  const params = new URLSearchParams(getRequestURL(event).search);
  const { known } = await loadVocabulary();
  const outcome = await searchCaseStudies(useMeilisearch(), params, known);
  setResponseStatus(event, outcome.status);
  if (outcome.status === 200) setResponseHeader(event, 'cache-control', 'public, max-age=10');
  return outcome.body;
});
