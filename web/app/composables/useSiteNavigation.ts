import { localePathPrefix } from '@praxis/search/domain';

/**
 * Editorial pages of the current language for the main navigation and the footer, in their `order`,
 * and `pagePath`, a path of this language's site (`/feed.xml` → `/en/feed.xml`).
 */
export async function useSiteNavigation() {
  const { locale } = useI18n();
  const { data } = await useFetch<{ path: string; navTitle: string; order: number; footer: boolean }[]>('/api/pages', {
    key: computed(() => `navigation-${locale.value}`),
    query: computed(() => ({ locale: locale.value })),
    $fetch: useOwnApiFetch(),
  });
  const main = computed(() => (data.value ?? []).filter((page) => !page.footer));
  const footer = computed(() => (data.value ?? []).filter((page) => page.footer));
  const pagePath = (path: string) => `${localePathPrefix(locale.value)}${path}`;
  return { main, footer, pagePath };
}
