import type { Locale } from '@praxis/search/domain';

export { eventPath, eventsPath } from '@praxis/search/domain';

/** A case study presented at an event, as its page and the list link it. */
export interface EventCaseStudy {
  documentId: string;
  slug: string;
  title: string;
  buildingBlock: { slug: string; name: string; number: number | null } | null;
}

/** Everything an event's page, the list and the calendar show; the programme is sanitised HTML. */
export interface EventPage {
  documentId: string;
  locale: Locale;
  slug: string;
  title: string;
  /** ISO instants (UTC). */
  startsAt: string;
  endsAt: string;
  format: string;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  organiser: string;
  description: string;
  /** Plain Markdown for the calendar's text, sanitised HTML for the page. */
  programme: string;
  programmeHtml: string;
  registrationUrl: string | null;
  caseStudies: EventCaseStudy[];
  materials: { name: string; url: string; sizeKb: number | null; mime: string | null }[];
  /** The event's slug per language it is published in. */
  slugs: Partial<Record<Locale, string>>;
  updatedAt: string;
  publishedAt: string | null;
}

/** One event, or where it lives in the requested language instead. */
export type EventAnswer =
  | { kind: 'found'; event: EventPage }
  | { kind: 'translated'; slug: string }
  | { kind: 'other-language-only'; locale: string; slug: string }
  | { kind: 'missing' };

/** The list page's answer: upcoming (soonest first) and past (latest first) events after the filters, and what can be filtered by. */
export interface EventListAnswer {
  upcoming: EventPage[];
  past: EventPage[];
  buildingBlocks: { slug: string; name: string }[];
  years: number[];
}

const dayFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** When an event takes place, in German time: "Dienstag, 29. Dezember 2026, 10:00–15:30 Uhr" (two days when it spans them). */
export function eventWhen(event: Pick<EventPage, 'startsAt' | 'endsAt'>, locale: Locale, suffix: string): string {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const [startDay, endDay] = [dayFormat(locale).format(start), dayFormat(locale).format(end)];
  const [startTime, endTime] = [timeFormat(locale).format(start), timeFormat(locale).format(end)];
  const times = startDay === endDay ? `${startDay}, ${startTime}–${endTime}` : `${startDay}, ${startTime} – ${endDay}, ${endTime}`;
  return locale === 'de' ? `${times} ${suffix}` : `${times} (${suffix})`;
}
