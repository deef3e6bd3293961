import type { H3Event } from 'h3';
import { BOOKMARK_PARAM, parseBookmarkIds } from '@praxis/search';

/** The case-study ids of a Merkliste address (`?ids=a,b` or `?ids=a&ids=b`); a 400 naming the problem otherwise. */
export function bookmarkIdsOf(event: H3Event): string[] {
  const parsed = parseBookmarkIds(getRequestURL(event).searchParams.getAll(BOOKMARK_PARAM));
  if (parsed.problem !== undefined) throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: `${BOOKMARK_PARAM}: ${parsed.problem}` });
  return parsed.ids;
}
