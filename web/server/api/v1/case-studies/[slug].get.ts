// `GET /api/v1/case-studies/<slug>`: the answer of `/api/case-studies/<slug>`, except that a slug
// that is nowhere (no case study, no translation, no earlier name) is a 404 with a JSON problem
// body, as an API client expects. The unversioned address keeps its 200 `{"kind":"missing"}` for
// the site's own pages.
import { caseStudyAnswer } from '../../case-studies/[slug].get';

export default defineEventHandler(async (event) => {
  const answer = await caseStudyAnswer(event);
  if (answer.kind !== 'missing') return answer;
  throw createError({
    statusCode: 404,
    statusMessage: 'Not Found',
    message: 'no published case study has this slug, in any language or under an earlier name',
  });
});
