import type { SearchResponse } from '@praxis/search';
import type { Vocabulary } from '~~/shared/vocabulary';

/** Results of `/api/search` for a query, refetched whenever the query or the language changes. */
export function useSearchResults(query: Ref<Record<string, string[]>> | ComputedRef<Record<string, string[]>>, key: string) {
  const { locale } = useI18n();
  return useFetch<SearchResponse>('/api/search', {
    key,
    query: computed(() => ({ ...query.value, locale: locale.value })),
    dedupe: 'cancel',
    $fetch: useOwnApiFetch(),
  });
}

/**
 * Filter labels and hierarchy for the current language. `pick` keeps only those parts in the
 * page's payload (the home page needs the Bausteine, not the 396 towns).
 */
export function useVocabulary<Part extends keyof Vocabulary = keyof Vocabulary>(pick?: Part[]) {
  const { locale } = useI18n();
  return useFetch('/api/vocabulary', {
    key: computed(() => `vocabulary-${locale.value}${pick ? `-${pick.join('-')}` : ''}`),
    query: computed(() => ({ locale: locale.value })),
    $fetch: useOwnApiFetch(),
    transform: (vocabulary: Vocabulary): Pick<Vocabulary, Part> =>
      pick ? (Object.fromEntries(pick.map((part) => [part, vocabulary[part]])) as Pick<Vocabulary, Part>) : vocabulary,
  });
}
