import { queryCollection } from '@nuxt/content/server';
import { z } from 'zod';

const query = z.object({ locale: z.enum(['de', 'en']).default('de') });

/**
 * `GET /api/pages?locale=de`: the editorial pages for navigation and footer.
 * Content is queried on the server only, so the browser never downloads
 * @nuxt/content's client-side SQLite.
 */
export default defineEventHandler(async (event) => {
  const parsed = query.safeParse(getQuery(event));
  if (!parsed.success) throw createError({ statusCode: 400, statusMessage: 'locale must be de or en' });
  const collection = parsed.data.locale === 'en' ? 'pages_en' : 'pages_de';
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return queryCollection(event, collection).select('path', 'navTitle', 'order', 'footer').order('order', 'ASC').all();
});
