import { localeQuery, parseWith } from '../../security/request-schemas';
import { siteNavigation } from '../../site/navigation';

/**
 * `GET /api/pages?locale=de`: the editorial pages for navigation and footer.
 * Content is queried on the server only, so the browser never downloads
 * @nuxt/content's client-side SQLite.
 */
export default defineEventHandler(async (event) => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return siteNavigation(event, locale);
});
