import { DEFAULT_LOCALE, FUNDING_YEAR_MAX, FUNDING_YEAR_MIN, LOCALES, SLUG_MAX_LENGTH, SLUG_PATTERN } from '@praxis/search';
import { z } from 'zod';
import type { EventListAnswer } from '../../../shared/event';
import { listEvents, publishedEvents } from '../../events/published-events';
import { parseWith } from '../../security/request-schemas';

const listQuery = z.object({
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  // An empty select ("Alle Bausteine", "Alle Jahre") sends an empty value.
  buildingBlock: z.union([z.literal(''), z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN)]).optional(),
  year: z.union([z.literal(''), z.coerce.number().int().min(FUNDING_YEAR_MIN).max(FUNDING_YEAR_MAX)]).optional(),
  caseStudy: z
    .string()
    .regex(/^[a-z0-9]{1,64}$/)
    .optional(),
});

/**
 * `GET /api/events?locale=de&buildingBlock=…&year=…&caseStudy=<documentId>`: the published events,
 * upcoming and past, after the filters; a parameter the site could not have sent is a 400.
 */
export default defineEventHandler(async (event): Promise<EventListAnswer> => {
  const query = await getValidatedQuery(event, parseWith(listQuery));
  const events = await publishedEvents(query.locale);
  setResponseHeader(event, 'cache-control', 'no-cache');
  return listEvents(events, { buildingBlock: query.buildingBlock || undefined, year: query.year || undefined, caseStudy: query.caseStudy }, Date.now());
});
