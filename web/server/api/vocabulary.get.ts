import { loadVocabulary } from '../search/vocabulary';
import { localeQuery, parseWith } from '../security/request-schemas';

/** `GET /api/vocabulary?locale=de`: labels and hierarchy of every filter value. */
export default defineEventHandler(async (event) => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const { byLocale } = await loadVocabulary();
  // Asked again each time: the server's copy is fast and follows the CMS's change notices.
  setResponseHeader(event, 'cache-control', 'no-cache');
  return byLocale[locale]!;
});
