import { caseStudyHandout } from '../../../case-studies/handout';

/** `/praxisbeispiele/<slug>/handout.pdf`: the German case study as a PDF handout (server/case-studies/handout.ts). */
export default defineEventHandler((event) => caseStudyHandout(event, 'de'));
