import { z } from 'zod';

const query = z.object({ locale: z.enum(['de', 'en']).default('de') });

/** `GET /api/vocabulary?locale=de`: labels and hierarchy of every filter value. */
export default defineEventHandler(async (event) => {
  const parsed = query.safeParse(getQuery(event));
  if (!parsed.success) {
    throw createError({ statusCode: 400, statusMessage: 'locale must be de or en' });
  }
  const { byLocale } = await loadVocabulary();
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return byLocale[parsed.data.locale]!;
});
