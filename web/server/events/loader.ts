// Reads the published events of a language from the CMS and shapes them for the pages and the
// calendar. Plain functions over an injected fetch, like the case studies' loader.
import { isLocale, localizedName, type Locale } from '@praxis/search';
import type { EventPage } from '../../shared/event';
import type { CmsFetch } from '../case-studies/loader';
import { renderRichText } from '../case-studies/rich-text';
import { toStrapiQuery } from '../cms/strapi-query';

const EVENT_QUERY = {
  populate: {
    caseStudies: { fields: ['slug', 'title'], populate: { buildingBlock: { fields: ['slug', 'name', 'nameEn', 'number'] } } },
    materials: { fields: ['name', 'url', 'size', 'mime'] },
    localizations: { fields: ['slug', 'locale'] },
  },
};

interface RawEvent {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  format: string;
  venue?: string | null;
  address?: string | null;
  onlineUrl?: string | null;
  organiser: string;
  description: string;
  programme?: string | null;
  registrationUrl?: string | null;
  caseStudies?: {
    documentId: string;
    slug: string;
    title: string;
    buildingBlock?: { slug: string; name: string; nameEn?: string | null; number?: number | null } | null;
  }[];
  materials?: { name: string; url: string; size?: number | null; mime?: string | null }[] | null;
  localizations?: { slug: string; locale: string }[];
  updatedAt: string;
  publishedAt?: string | null;
}

/** Only https links reach a page or a calendar (the CMS refuses others; this holds for older entries too). */
const httpsOnly = (url: string | null | undefined) => (url && /^https:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null);

/** Strapi entry → what the pages and the calendar show. */
export function toEventPage(raw: RawEvent): EventPage {
  const locale = (isLocale(raw.locale) ? raw.locale : 'de') as Locale;
  const slugs: EventPage['slugs'] = { [locale]: raw.slug };
  for (const other of raw.localizations ?? []) if (isLocale(other.locale)) slugs[other.locale] = other.slug;
  return {
    documentId: raw.documentId,
    locale,
    slug: raw.slug,
    title: raw.title,
    startsAt: new Date(raw.startsAt).toISOString(),
    endsAt: new Date(raw.endsAt ?? raw.startsAt).toISOString(),
    format: raw.format,
    venue: raw.venue?.trim() || null,
    address: raw.address?.trim() || null,
    onlineUrl: httpsOnly(raw.onlineUrl),
    organiser: raw.organiser,
    description: raw.description ?? '',
    programme: raw.programme ?? '',
    programmeHtml: renderRichText(raw.programme),
    registrationUrl: httpsOnly(raw.registrationUrl),
    caseStudies: (raw.caseStudies ?? []).map((caseStudy) => ({
      documentId: caseStudy.documentId,
      slug: caseStudy.slug,
      title: caseStudy.title,
      buildingBlock: caseStudy.buildingBlock
        ? { slug: caseStudy.buildingBlock.slug, name: localizedName(caseStudy.buildingBlock, locale), number: caseStudy.buildingBlock.number ?? null }
        : null,
    })),
    materials: (raw.materials ?? []).map((file) => ({ name: file.name, url: file.url, sizeKb: file.size ?? null, mime: file.mime ?? null })),
    slugs,
    updatedAt: raw.updatedAt,
    publishedAt: raw.publishedAt ?? null,
  };
}

/** Every published event of a language, soonest first (Strapi caps a page at 100: read page by page). */
export async function loadEvents(fetch: CmsFetch, locale: Locale): Promise<EventPage[]> {
  const events: EventPage[] = [];
  for (let page = 1; ; page += 1) {
    const query = toStrapiQuery({ ...EVENT_QUERY, locale, status: 'published', sort: ['startsAt:asc', 'id:asc'], pagination: { page, pageSize: 100 } });
    const body = (await fetch('/events', query)) as { data: RawEvent[]; meta: { pagination: { pageCount: number } } } | null;
    if (!body) throw new Error('the CMS has no events collection');
    events.push(...body.data.map(toEventPage));
    if (page >= body.meta.pagination.pageCount) return events;
  }
}
