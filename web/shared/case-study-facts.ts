// A case study's facts in words (names, not codes; numbers formatted for the language), shared by
// the compare view (pages/merkliste/vergleich.vue) and the PDF handout (server/case-studies/handout-pdf.ts).
import { budgetRangeName, isLocale, LANGUAGE_TAGS, placeLabel, projectStatusName, townClassName, townSizeOf, townTypeOf } from '@praxis/search/domain';
import type { CaseStudyPage } from './case-study';
import { fundingPeriod } from './vocabulary';

/** vue-i18n's `t` on the site, the message files read directly on the server. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface CaseStudyFact {
  label: string;
  /** Empty when the case study does not say. */
  values: string[];
}

/** Where, for whom and when (`about`), and what it takes to do the same (`effort`). */
export function caseStudyFacts(caseStudy: CaseStudyPage, locale: string, t: Translate): { about: CaseStudyFact[]; effort: CaseStudyFact[] } {
  const number = new Intl.NumberFormat(LANGUAGE_TAGS[isLocale(locale) ? locale : 'de']);
  const names = (terms: { name: string }[]) => terms.map((term) => term.name);
  const one = (value: string | null | undefined) => (value ? [value] : []);
  const { buildingBlock, transferability: effort } = caseStudy;
  const townKinds = caseStudy.places.flatMap((place) => {
    const type = townTypeOf(place.type);
    const size = townSizeOf(place.population);
    return type && size ? [`${townClassName(type, locale)}, ${townClassName(size, locale)}`] : [];
  });
  return {
    about: [
      {
        label: t('caseStudy.buildingBlock'),
        values: one(buildingBlock && `${t('home.bausteinNumber', { number: buildingBlock.number })}: ${buildingBlock.name}`),
      },
      { label: t('caseStudy.place'), values: caseStudy.places.map(placeLabel) },
      { label: t('caseStudy.townKind'), values: [...new Set(townKinds)] },
      { label: t('caseStudy.targetGroups'), values: names(caseStudy.targetGroups) },
      { label: t('caseStudy.topics'), values: names(caseStudy.topics) },
      { label: t('caseStudy.settings'), values: names(caseStudy.settings) },
      { label: t('caseStudy.status'), values: one(caseStudy.projectStatus && projectStatusName(caseStudy.projectStatus, locale)) },
      { label: t('caseStudy.funding'), values: one(fundingPeriod(caseStudy.fundingStart, caseStudy.fundingEnd)) },
    ],
    effort: [
      { label: t('caseStudy.staffFte'), values: one(effort?.staffFte != null ? t('caseStudy.staffValue', { fte: number.format(effort.staffFte) }) : null) },
      { label: t('caseStudy.budgetRange'), values: one(effort?.budgetRange && budgetRangeName(effort.budgetRange, locale)) },
      { label: t('caseStudy.durationMonths'), values: one(effort?.durationMonths ? t('caseStudy.durationValue', { months: effort.durationMonths }) : null) },
      { label: t('caseStudy.partnersNeeded'), values: one(effort?.partnersNeeded) },
    ],
  };
}
