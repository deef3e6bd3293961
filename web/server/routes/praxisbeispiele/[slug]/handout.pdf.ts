import { caseStudyHandout } from '../../../case-studies/handout';

/** `/praxisbeispiele/<slug>/handout.pdf`: the German case study as a PDF handout (server/utils/case-study-handout.ts). */
export default defineEventHandler((event) => caseStudyHandout(event, 'de'));
