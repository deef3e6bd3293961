// A case study as a PDF handout (server/case-studies/handout-pdf.ts): the detail page's content and
// facts in the page's language, with its address in every page's footer.
import type { H3Event } from 'h3';
import { isLocale, LANGUAGE_TAGS, type Locale } from '@praxis/search';
import { caseStudyPath } from '../../shared/case-study';
import { caseStudyFacts, type CaseStudyFact } from '../../shared/case-study-facts';
import type { CaseStudyAnswer } from '../api/case-studies/[slug].get';
import { MESSAGES, translator } from '../site/messages';
import { renderCaseStudyPdf } from './handout-pdf';

const asHandoutFacts = (facts: CaseStudyFact[]) =>
  facts.filter((fact) => fact.values.length > 0).map((fact) => ({ label: fact.label, value: fact.values.join(', ') }));

/** `/praxisbeispiele/<slug>/handout.pdf` (`/en/case-studies/<slug>/handout.pdf`). */
export async function caseStudyHandout(event: H3Event, locale: Locale): Promise<Buffer> {
  const slug = getRouterParam(event, 'slug') ?? '';
  // The detail page's own answer and cache: the same case study, as fresh as its page.
  const answer = await $fetch<CaseStudyAnswer>(`/api/case-studies/${encodeURIComponent(slug)}`, { query: { locale } });
  if (answer.kind === 'translated' || answer.kind === 'moved') {
    await sendRedirect(event, `${caseStudyPath(locale, answer.slug)}/handout.pdf`, 301);
    return Buffer.alloc(0);
  }
  if (answer.kind !== 'found') throw createError({ statusCode: 404, statusMessage: 'Not Found', message: `no published case study "${slug}" in ${locale}` });
  const { caseStudy } = answer;
  const t = translator(locale);
  const { about, effort } = caseStudyFacts(caseStudy, locale, t);
  const longDate = new Intl.DateTimeFormat(LANGUAGE_TAGS[isLocale(locale) ? locale : 'de'], { dateStyle: 'long' });
  // Which quality criteria it meets and when the editors last checked it: what a reader weighs it by.
  const checked: CaseStudyFact[] = [
    { label: t('caseStudy.criteria'), values: caseStudy.criteria.map((criterion) => criterion.name) },
    { label: t('handout.lastReviewed'), values: caseStudy.lastReviewed ? [longDate.format(new Date(caseStudy.lastReviewed))] : [] },
  ];
  const pdf = await renderCaseStudyPdf({
    caseStudy,
    url: `${useRuntimeConfig().public.siteUrl}${caseStudyPath(locale, caseStudy.slug)}`,
    labels: {
      facts: t('caseStudy.facts'),
      sections: MESSAGES[locale].caseStudy.sections,
      transferability: t('caseStudy.transferability'),
      firstSteps: t('caseStudy.firstSteps'),
      successFactors: t('caseStudy.successFactors'),
      pitfalls: t('caseStudy.pitfalls'),
      partners: t('caseStudy.partners'),
      links: t('caseStudy.links'),
      contact: t('caseStudy.contact'),
      provider: t('caseStudy.provider'),
      contactPerson: t('handout.contactPerson'),
      email: t('caseStudy.email'),
      phone: t('caseStudy.phone'),
      website: t('caseStudy.website'),
      source: t('handout.source'),
      generatedOn: t('handout.generatedOn'),
    },
    facts: asHandoutFacts([...about, ...checked]),
    transferabilityFacts: asHandoutFacts(effort),
    generatedOn: longDate.format(new Date()),
  });
  setResponseHeader(event, 'content-type', 'application/pdf');
  setResponseHeader(event, 'content-disposition', `inline; filename="${caseStudy.slug}.pdf"`);
  setResponseHeader(event, 'cache-control', 'no-cache');
  return pdf;
}
