import { LOCALES, verifyPreview } from '@praxis/search';
import { z } from 'zod';
import { loadCaseStudyPreview } from '../../case-studies/loader';
import { cmsFetch } from '../../cms/strapi';

const query = z.object({
  locale: z.enum(LOCALES),
  status: z.enum(['draft', 'published']),
  expires: z.coerce.number().int().positive(),
  signature: z.string().min(1).max(200),
});

/**
 * `GET /api/preview/<documentId>?locale&status&expires&signature`: a draft for the
 * editor's preview, only with a valid signed link from the CMS. Anything else is a
 * 404, so a missing signature reveals nothing. Never cached, never indexed.
 */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'private, no-store');
  setResponseHeader(event, 'x-robots-tag', 'noindex, nofollow');
  const documentId = getRouterParam(event, 'documentId') ?? '';
  const parsed = query.safeParse(getQuery(event));
  const { previewSecret } = useRuntimeConfig();
  const valid =
    parsed.success &&
    /^[a-z0-9]{1,64}$/.test(documentId) &&
    verifyPreview({ documentId, locale: parsed.data.locale, status: parsed.data.status, expires: parsed.data.expires }, parsed.data.signature, previewSecret);
  if (!valid) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  const caseStudy = await loadCaseStudyPreview(cmsFetch, documentId, parsed.data.locale, parsed.data.status, previewSecret);
  if (!caseStudy) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  return caseStudy;
});
