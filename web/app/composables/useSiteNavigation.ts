/** Editorial pages of the current language for the main navigation and the footer, in their `order`. */
export async function useSiteNavigation() {
  const { locale } = useI18n();
  const { data } = await useAsyncData(() => `navigation-${locale.value}`, () =>
    queryCollection(locale.value === 'en' ? 'pages_en' : 'pages_de').select('path', 'navTitle', 'order', 'footer').order('order', 'ASC').all());
  const main = computed(() => (data.value ?? []).filter((page) => !page.footer));
  const footer = computed(() => (data.value ?? []).filter((page) => page.footer));
  return { main, footer };
}
