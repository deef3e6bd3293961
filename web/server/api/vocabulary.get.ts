/** `GET /api/vocabulary?locale=de`: labels and hierarchy of every filter value. */
export default defineEventHandler(async (event) => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const { byLocale } = await loadVocabulary();
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return byLocale[locale]!;
});
