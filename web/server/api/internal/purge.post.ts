import { PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, purgeNoticeSchema, verifyPurge } from '@praxis/search';

/** 10,000 changes of about 60 bytes each, with room. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * `POST /api/internal/purge`: the CMS says which case studies Meilisearch has confirmed (or that
 * the vocabulary changed), signed with PURGE_SECRET; this instance stops serving cached answers
 * that show them. Unsigned, stale or wrongly signed requests change nothing (401).
 */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const { purgeSecret } = useRuntimeConfig();
  if (!purgeSecret) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > MAX_BODY_BYTES) throw createError({ statusCode: 413, statusMessage: 'Purge notice too large' });
  const body = (await readRawBody(event, 'utf8')) ?? '';
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw createError({ statusCode: 413, statusMessage: 'Purge notice too large' });
  const timestamp = Number(getRequestHeader(event, PURGE_TIMESTAMP_HEADER));
  const signature = getRequestHeader(event, PURGE_SIGNATURE_HEADER) ?? '';
  if (!verifyPurge(body, timestamp, signature, purgeSecret)) {
    throw createError({ statusCode: 401, statusMessage: 'Missing, expired or wrong purge signature' });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw createError({ statusCode: 400, statusMessage: 'The purge notice is not JSON' });
  }
  const notice = purgeNoticeSchema.safeParse(json);
  if (!notice.success) throw createError({ statusCode: 400, statusMessage: `Invalid purge notice: ${notice.error.issues[0]?.message}` });
  const { caseStudies, vocabulary, all } = notice.data;
  if (all) everythingChanged();
  if (caseStudies.length > 0) caseStudiesChanged(caseStudies.map((change) => change.documentId));
  if (vocabulary) vocabularyChanged();
  setResponseStatus(event, 204);
  return null;
});
