import type { H3Event } from 'h3';
import { localePathPrefix, type Locale } from '@praxis/search';
import { caseStudyPath } from '../../shared/case-study';
import type { PublishedCaseStudy } from './published-case-studies';
import { escapeXml } from './xml';

const FEED_SIZE = 30;
const TITLES = {
  de: 'Praxisdatenbank „Zusammen im Quartier“: neue Praxisbeispiele',
  en: 'Case-study database “Zusammen im Quartier”: new case studies',
};

/** The Atom document for the newest of `published` in `locale`. */
export function renderAtomFeed(published: PublishedCaseStudy[], locale: Locale, siteUrl: string): string {
  const newest = published
    .filter((entry) => entry.locale === locale)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, FEED_SIZE);
  const self = `${siteUrl}${localePathPrefix(locale)}/feed.xml`;
  const entries = newest.map((entry) => {
    const url = siteUrl + caseStudyPath(entry.locale, entry.slug);
    return [
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <published>${entry.publishedAt}</published>`,
      `    <updated>${entry.updatedAt}</updated>`,
      `    <summary>${escapeXml(entry.teaser ?? '')}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <title>${escapeXml(TITLES[locale])}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl + (locale === 'en' ? '/en/case-studies' : '/praxisbeispiele'))}"/>`,
    `  <id>${escapeXml(self)}</id>`,
    `  <updated>${newest[0]?.publishedAt ?? new Date(0).toISOString()}</updated>`,
    '  <author><name>G.I.B. NRW – Redaktion Praxisdatenbank</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** An Atom feed of the newest published case studies of one language. */
export async function atomFeed(event: H3Event, locale: Locale): Promise<string> {
  const xml = renderAtomFeed(await listPublishedCaseStudies(), locale, useRuntimeConfig().public.siteUrl);
  setResponseHeader(event, 'content-type', 'application/atom+xml; charset=utf-8');
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return xml;
}
