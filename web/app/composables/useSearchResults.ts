import type { SearchResponse } from '@praxis/search';
import type { Vocabulary } from '~~/shared/vocabulary';

export interface SearchProblem {
  param: string;
  message: string;
}

/** Results of `/api/search` for a query, refetched whenever the query or the language changes. */
export function useSearchResults(query: Ref<Record<string, string[]>> | ComputedRef<Record<string, string[]>>, key: string) {
  const { locale } = useI18n();
  return useFetch<SearchResponse>('/api/search', {
    key,
    query: computed(() => ({ ...query.value, locale: locale.value })),
    dedupe: 'cancel',
  });
}

/** Filter labels and hierarchy for the current language. */
export function useVocabulary() {
  const { locale } = useI18n();
  return useFetch<Vocabulary>('/api/vocabulary', {
    key: computed(() => `vocabulary-${locale.value}`),
    query: computed(() => ({ locale: locale.value })),
  });
}
