import type { H3Event } from 'h3';
import { DEFAULT_LOCALE, parseSearchParams, searchCaseStudies, wordsFindSomething, type SearchOutcome } from '@praxis/search';
import { useMeilisearch } from './meilisearch';
import { countSearch, describeFilters, fromPractitioner } from './statistics';
import { loadVocabulary } from './vocabulary';

/**
 * What `GET /api/search` answers to these parameters. A practitioner's new search (its first page,
 * from a browser) is counted for the dashboard, and remembered for a cached copy of the page.
 */
export async function answerSearch(params: URLSearchParams, event?: H3Event): Promise<SearchOutcome> {
  const { known } = await loadVocabulary();
  const client = useMeilisearch();
  const outcome = await searchCaseStudies(client, params, known);
  const q = params.get('q');
  if (outcome.status !== 200 || !q || outcome.body.page !== 1 || !event || !fromPractitioner(event)) return outcome;
  const locale = params.get('locale') ?? DEFAULT_LOCALE;
  // Nothing found with filters set: a miss of the words only if they find nothing alone either.
  let miss = outcome.body.total === 0;
  const state = parseSearchParams(params, known).state;
  if (miss && state && outcome.body.relaxations.length > 1) miss = !(await wordsFindSomething(client, state));
  const filters = state ? describeFilters(state) : '{}';
  countSearch(locale, q, filters, miss);
  event.context.pageSearch = { locale, text: q, filters, miss };
  return outcome;
}
