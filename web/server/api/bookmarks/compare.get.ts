import { MAX_COMPARED } from '@praxis/search';
import type { CaseStudyPage } from '../../../shared/case-study';
import { loadCaseStudiesByIds } from '../../case-studies/loader';
import { cmsFetch } from '../../cms/strapi';
import { bookmarkIdsOf } from '../../search/bookmark-ids';
import { localeQuery, parseWith } from '../../security/request-schemas';

export interface CompareAnswer {
  caseStudies: CaseStudyPage[];
  /** Ids that are not (or no longer) published in this language. */
  missing: number;
}

/** `GET /api/bookmarks/compare?ids=a,b,c&locale=de`: up to four case studies in full, from the CMS, for the compare view. */
export default defineEventHandler(async (event): Promise<CompareAnswer> => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const ids = bookmarkIdsOf(event);
  if (ids.length > MAX_COMPARED) {
    throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: `ids: at most ${MAX_COMPARED} case studies side by side, not ${ids.length}` });
  }
  const caseStudies = await loadCaseStudiesByIds(cmsFetch, ids, locale);
  setResponseHeader(event, 'cache-control', 'no-cache');
  return { caseStudies, missing: ids.length - caseStudies.length };
});
