import type { EventAnswer } from '../../../shared/event';
import { findEvent } from '../../events/published-events';
import { localeQuery, parseWith, slugParam } from '../../security/request-schemas';

/** `GET /api/events/<slug>?locale=de`: a published event, or where it lives instead; an unknown slug is a 200 `{"kind":"missing"}` the page turns into its 404. */
export default defineEventHandler(async (event): Promise<EventAnswer> => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const slug = slugParam.safeParse(getRouterParam(event, 'slug'));
  if (!slug.success) return { kind: 'missing' };
  setResponseHeader(event, 'cache-control', 'no-cache');
  return findEvent(slug.data, locale);
});
