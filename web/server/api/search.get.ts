import { answerSearch } from '../search/answer';

/** `GET /api/search`: the one door to Meilisearch. Parameters and answer: see docs/search.md, "Search API". */
export default defineEventHandler(async (event) => {
  const outcome = await answerSearch(new URLSearchParams(getRequestURL(event).search), event);
  setResponseStatus(event, outcome.status);
  // Not kept by the browser: a case study is searchable as soon as Meilisearch has it.
  if (outcome.status === 200) setResponseHeader(event, 'cache-control', 'no-cache');
  return outcome.body;
});
