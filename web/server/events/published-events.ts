import { otherLocale, type Locale } from '@praxis/search';
import type { EventAnswer, EventListAnswer, EventPage } from '../../shared/event';
import { isEventsCurrent, isListCurrent, PURGED_CACHE_MAX_AGE_MS } from '../cache/purge';
import { cmsFetch } from '../cms/strapi';
import { loadEvents } from './loader';

interface CachedEvents {
  events: EventPage[];
  loadedAt: number;
}

// All published events of a language, kept in the size-bounded cache storage (nuxt.config.ts)
// like the detail pages. They are few (tens a year): one read serves the list, every event page,
// the calendar feeds and the case studies' "presented at" lists. Stale once the CMS says an event
// changed, or any case study did (an event shows its case studies' titles and Bausteine).
const cachedEvents = defineCachedFunction(
  async (locale: Locale): Promise<CachedEvents> => {
    const loadedAt = Date.now();
    return { events: await loadEvents(cmsFetch, locale), loadedAt };
  },
  {
    name: 'events',
    maxAge: PURGED_CACHE_MAX_AGE_MS / 1000,
    swr: false,
    getKey: (locale: string) => locale,
    validate: ({ value }) => value !== undefined && isEventsCurrent(value.loadedAt) && isListCurrent(value.loadedAt),
    shouldBypassCache: () => !useRuntimeConfig().caseStudyCache,
  },
);

export async function publishedEvents(locale: Locale): Promise<EventPage[]> {
  return (await cachedEvents(locale)).events;
}

/** An event is upcoming until it has ended. */
export const isUpcoming = (event: EventPage, now: number) => new Date(event.endsAt).getTime() >= now;

/** The year an event took place in, as it reads in Germany (New Year's Eve late at night is still the old year there). */
export function eventYear(event: EventPage): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date(event.startsAt)));
}

export interface EventFilters {
  buildingBlock?: string;
  year?: number;
  /** Only the events where this case study (documentId) was presented. */
  caseStudy?: string;
}

/** The list page: upcoming (soonest first) and past (latest first) events, filtered by Baustein (of a case study presented) and year. */
export function listEvents(events: EventPage[], filters: EventFilters, now: number): EventListAnswer {
  const blocks = new Map<string, { slug: string; name: string; number: number | null }>();
  for (const event of events)
    for (const caseStudy of event.caseStudies) if (caseStudy.buildingBlock) blocks.set(caseStudy.buildingBlock.slug, caseStudy.buildingBlock);
  const matching = events.filter(
    (event) =>
      (!filters.buildingBlock || event.caseStudies.some((caseStudy) => caseStudy.buildingBlock?.slug === filters.buildingBlock)) &&
      (!filters.year || eventYear(event) === filters.year) &&
      (!filters.caseStudy || event.caseStudies.some((caseStudy) => caseStudy.documentId === filters.caseStudy)),
  );
  return {
    upcoming: matching.filter((event) => isUpcoming(event, now)),
    past: matching.filter((event) => !isUpcoming(event, now)).reverse(),
    buildingBlocks: [...blocks.values()].sort((a, b) => (a.number ?? 99) - (b.number ?? 99)).map(({ slug, name }) => ({ slug, name })),
    years: [...new Set(events.map(eventYear))].sort((a, b) => b - a),
  };
}

/** The published event with `slug` in `locale`, or where to find it instead. */
export async function findEvent(slug: string, locale: Locale): Promise<EventAnswer> {
  const event = (await publishedEvents(locale)).find((candidate) => candidate.slug === slug);
  if (event) return { kind: 'found', event };
  const other = otherLocale(locale);
  const elsewhere = (await publishedEvents(other)).find((candidate) => candidate.slug === slug);
  if (!elsewhere) return { kind: 'missing' };
  const translation = elsewhere.slugs[locale];
  return translation ? { kind: 'translated', slug: translation } : { kind: 'other-language-only', locale: other, slug };
}
