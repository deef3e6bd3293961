import { queryCollection } from '@nuxt/content/server';
import { z } from 'zod';

const query = z.object({ locale: z.enum(['de', 'en']).default('de') });

/** `GET /api/pages/<path>?locale=de`: one editorial page (title, description, body), or 404. */
export default defineEventHandler(async (event) => {
  const parsed = query.safeParse(getQuery(event));
  if (!parsed.success) throw createError({ statusCode: 400, statusMessage: 'locale must be de or en' });
  const path = `/${getRouterParam(event, 'path') ?? ''}`;
  if (!/^\/[a-z0-9-]+$/.test(path)) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  const collection = parsed.data.locale === 'en' ? 'pages_en' : 'pages_de';
  const page = await queryCollection(event, collection).path(path).first();
  if (!page) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return page;
});
