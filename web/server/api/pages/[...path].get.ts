import { queryCollection } from '@nuxt/content/server';
import { localeQuery, parseWith } from '../../security/request-schemas';

/** `GET /api/pages/<path>?locale=de`: one editorial page (title, description, body), or 404. */
export default defineEventHandler(async (event) => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const path = `/${getRouterParam(event, 'path') ?? ''}`;
  if (!/^\/[a-z0-9-]+$/.test(path)) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  const collection = `pages_${locale}` as const;
  const page = await queryCollection(event, collection).path(path).first();
  if (!page) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return page;
});
