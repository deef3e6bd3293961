import type { H3Event } from 'h3';
import type { Locale } from '@praxis/search';
import { slugParam } from '../security/request-schemas';
import { icalendar } from './icalendar';
import { findEvent, publishedEvents } from './published-events';

function sendCalendar(event: H3Event, body: string, fileName?: string): string {
  setResponseHeader(event, 'content-type', 'text/calendar; charset=utf-8');
  // Calendars poll a subscribed feed; a few minutes are fresh enough and spare the site.
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  if (fileName) setResponseHeader(event, 'content-disposition', `attachment; filename="${fileName}"`);
  return body;
}

/** `/veranstaltungen.ics` and `/en/events.ics`: every published event of the language (calendars subscribe to it). */
export function calendarFeed(locale: Locale) {
  return defineEventHandler(async (event) => {
    const { siteUrl } = useRuntimeConfig().public;
    return sendCalendar(event, icalendar(await publishedEvents(locale), { siteUrl, locale }));
  });
}

/** `/veranstaltungen/<slug>/kalender.ics` and `/en/events/<slug>/calendar.ics`: one event to add to a calendar. */
export function eventCalendar(locale: Locale) {
  return defineEventHandler(async (event) => {
    const slug = slugParam.safeParse(getRouterParam(event, 'slug'));
    const answer = slug.success ? await findEvent(slug.data, locale) : { kind: 'missing' as const };
    if (answer.kind !== 'found') throw createError({ statusCode: 404, statusMessage: 'Not Found' });
    const { siteUrl } = useRuntimeConfig().public;
    return sendCalendar(event, icalendar([answer.event], { siteUrl, locale }), `${answer.event.slug}.ics`);
  });
}
