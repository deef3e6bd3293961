export interface PublishedCaseStudy {
  documentId: string;
  locale: 'de' | 'en';
  slug: string;
  title: string;
  teaser: string | null;
  publishedAt: string;
  updatedAt: string;
}

/** Every published case study of both languages, from the CMS (for the sitemap and the feeds). */
export async function listPublishedCaseStudies(): Promise<PublishedCaseStudy[]> {
  const fields = ['slug', 'title', 'teaser', 'publishedAt', 'updatedAt'];
  const [de, en] = await Promise.all(['de', 'en'].map(async (locale) =>
    (await strapiGetAll<Omit<PublishedCaseStudy, 'locale'>>('case-studies', fields, { locale })).map((entry) => ({ ...entry, locale: locale as 'de' | 'en' }))));
  return [...de!, ...en!];
}

/** Public path of a case study: /praxisbeispiele/<slug> or /en/case-studies/<slug>. */
export function caseStudyPath(locale: string, slug: string): string {
  return locale === 'en' ? `/en/case-studies/${slug}` : `/praxisbeispiele/${slug}`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);
}
