import { caseStudyHandout } from '../../../../case-studies/handout';

/** `/en/case-studies/<slug>/handout.pdf`: the English case study as a PDF handout (server/case-studies/handout.ts). */
export default defineEventHandler((event) => caseStudyHandout(event, 'en'));
