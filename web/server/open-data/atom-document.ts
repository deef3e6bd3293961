// The Atom document of a feed (/feed.xml, atom-feed.ts): its head and entries as XML, every text
// escaped and cleared of what XML forbids.
import type { Locale } from '@praxis/search';
import { caseStudyPath } from '../../shared/case-study';
import { escapeXml } from '../exports/xml';
import type { PublishedCaseStudy } from './published-case-studies';

/** A case study as a feed lists it: a published one, or a match of a saved search. */
export type FeedEntry = Omit<PublishedCaseStudy, 'documentId'>;

export interface FeedHead {
  locale: Locale;
  siteUrl: string;
  title: string;
  /** The feed's own path and query, and the page it mirrors. */
  selfPath: string;
  alternatePath: string;
}

/** The Atom document for `entries`, in the order given. */
export function renderAtomFeed(entries: FeedEntry[], head: FeedHead): string {
  const self = `${head.siteUrl}${head.selfPath}`;
  const updated =
    entries
      .map((entry) => entry.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const items = entries.map((entry) => {
    const url = head.siteUrl + caseStudyPath(entry.locale, entry.slug);
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
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${head.locale}">`,
    `  <title>${escapeXml(head.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(head.siteUrl + head.alternatePath)}"/>`,
    `  <id>${escapeXml(self)}</id>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>G.I.B. NRW – Redaktion Praxisdatenbank</name></author>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
