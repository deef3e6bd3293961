// iCalendar (RFC 5545) for the events: the feed a calendar subscribes to and one file per event.
// Written by hand because it is small: lines end in CRLF and are folded at 75 octets (never inside
// a UTF-8 character), text values are escaped, times are local times in Europe/Berlin with the
// zone's definition (VTIMEZONE) in the file, so that every calendar shows them right.
import { EVENT_TIME_ZONE, eventFormatName } from '@praxis/search';
import type { EventPage } from '../../shared/event';
import { eventPath } from '../../shared/event';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line, folded into lines of at most 75 octets; each continuation starts with a space (RFC 5545, 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets, each continuation 74 after its leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `20261208T143000` — the wall-clock time in Germany at `instant`. */
export function berlinLocalTime(instant: string | Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: EVENT_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

/** `20261208T133000Z`. */
export function utcTime(instant: string | Date): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Germany's time zone since 1996 (EU summer time: last Sunday of March to last Sunday of October). */
const BERLIN_TIME_ZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${EVENT_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const CALENDAR_TEXTS = {
  de: {
    name: 'Veranstaltungen – Praxisdatenbank Zusammen im Quartier',
    organiser: 'Veranstalter',
    presented: 'Vorgestellte Praxisbeispiele',
    registration: 'Anmeldung',
    online: 'Online',
  },
  en: {
    name: 'Events – Zusammen im Quartier case-study database',
    organiser: 'Organiser',
    presented: 'Case studies presented',
    registration: 'Registration',
    online: 'Online',
  },
} as const;

/** Where the event takes place, as one line: venue and address, and "Online" when it is (also) online. */
function locationOf(event: EventPage): string {
  const place = [event.venue, event.address].filter(Boolean).join(', ');
  const online = event.format === 'online' || event.format === 'hybrid' ? eventFormatName('online', event.locale) : '';
  return [place, event.format === 'vor-ort' ? '' : online].filter(Boolean).join(' / ');
}

function eventLines(event: EventPage, siteUrl: string, host: string, stamp: string): string[] {
  const texts = CALENDAR_TEXTS[event.locale];
  const url = `${siteUrl}${eventPath(event.locale, event.slug)}`;
  const description = [
    event.description,
    `${texts.organiser}: ${event.organiser}`,
    ...(event.caseStudies.length > 0 ? [`${texts.presented}: ${event.caseStudies.map((caseStudy) => caseStudy.title).join('; ')}`] : []),
    ...(event.registrationUrl ? [`${texts.registration}: ${event.registrationUrl}`] : []),
    url,
  ].join('\n\n');
  const location = locationOf(event);
  return [
    'BEGIN:VEVENT',
    // One event, one UID in both languages' feeds would merge two texts: the language is part of it.
    `UID:${event.documentId}-${event.locale}@${host}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${utcTime(event.updatedAt)}`,
    `DTSTART;TZID=${EVENT_TIME_ZONE}:${berlinLocalTime(event.startsAt)}`,
    `DTEND;TZID=${EVENT_TIME_ZONE}:${berlinLocalTime(event.endsAt)}`,
    `SUMMARY;LANGUAGE=${event.locale}:${escapeText(event.title)}`,
    `DESCRIPTION;LANGUAGE=${event.locale}:${escapeText(description)}`,
    ...(location ? [`LOCATION;LANGUAGE=${event.locale}:${escapeText(location)}`] : []),
    // URI values are not TEXT: not escaped (the site's own addresses and https links without spaces).
    `URL:${url}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** A VCALENDAR with these events (the feed, or one event's file), CRLF line ends and folded lines. */
export function icalendar(events: EventPage[], options: { siteUrl: string; locale: 'de' | 'en'; now?: Date }): string {
  const host = new URL(options.siteUrl).hostname;
  const stamp = utcTime(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Praxisdatenbank Zusammen im Quartier//Veranstaltungen//${options.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(CALENDAR_TEXTS[options.locale].name)}`,
    `X-WR-TIMEZONE:${EVENT_TIME_ZONE}`,
    ...BERLIN_TIME_ZONE,
    ...events.flatMap((event) => eventLines(event, options.siteUrl, host, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
