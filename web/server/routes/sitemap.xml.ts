import { queryCollection } from '@nuxt/content/server';
import { caseStudyPath } from '../../shared/case-study';
import { escapeXml } from '../exports/xml';
import { listPublishedCaseStudies } from '../open-data/published-case-studies';
import { eventPath } from '../../shared/event';
import { publishedEvents } from '../events/published-events';

/** `/sitemap.xml`: home, search, events, editorial pages, every published case study and event, with hreflang alternates. */
export default defineEventHandler(async (event) => {
  const { siteUrl } = useRuntimeConfig().public;
  const entries: { loc: string; lastmod?: string; alternates: Record<string, string> }[] = [
    { loc: '/', alternates: { de: '/', en: '/en' } },
    { loc: '/en', alternates: { de: '/', en: '/en' } },
    { loc: '/praxisbeispiele', alternates: { de: '/praxisbeispiele', en: '/en/case-studies' } },
    { loc: '/en/case-studies', alternates: { de: '/praxisbeispiele', en: '/en/case-studies' } },
    { loc: '/veranstaltungen', alternates: { de: '/veranstaltungen', en: '/en/events' } },
    { loc: '/en/events', alternates: { de: '/veranstaltungen', en: '/en/events' } },
  ];
  const [pagesDe, pagesEn] = await Promise.all([queryCollection(event, 'pages_de').all(), queryCollection(event, 'pages_en').all()]);
  for (const page of pagesDe) entries.push({ loc: page.path, alternates: { de: page.path, en: `/en/${page.translation}` } });
  for (const page of pagesEn) entries.push({ loc: `/en${page.path}`, alternates: { en: `/en${page.path}`, de: `/${page.translation}` } });

  const caseStudies = await listPublishedCaseStudies();
  const byDocument = Map.groupBy(caseStudies, (entry) => entry.documentId);
  for (const entry of caseStudies) {
    const alternates = Object.fromEntries(
      (byDocument.get(entry.documentId) ?? []).map((version) => [version.locale, caseStudyPath(version.locale, version.slug)]),
    );
    entries.push({ loc: caseStudyPath(entry.locale, entry.slug), lastmod: entry.updatedAt, alternates });
  }

  for (const event of [...(await publishedEvents('de')), ...(await publishedEvents('en'))]) {
    const alternates = Object.fromEntries(Object.entries(event.slugs).map(([locale, slug]) => [locale, eventPath(locale, slug)]));
    entries.push({ loc: eventPath(event.locale, event.slug), lastmod: event.updatedAt, alternates });
  }

  const xml = entries.map((entry) =>
    [
      '  <url>',
      `    <loc>${escapeXml(siteUrl + entry.loc)}</loc>`,
      ...(entry.lastmod ? [`    <lastmod>${entry.lastmod}</lastmod>`] : []),
      ...Object.entries(entry.alternates).map(([locale, path]) => `    <xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(siteUrl + path)}"/>`),
      '  </url>',
    ].join('\n'),
  );
  setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8');
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${xml.join('\n')}\n</urlset>\n`;
});
