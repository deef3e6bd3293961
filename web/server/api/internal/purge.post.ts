import { PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, purgeHeadersPlausible, purgeNoticeSchema, verifyPurge } from '@praxis/search';
import { lingerAfterAnswer, PURGE_BODY_LIMIT, readBoundedBody } from '../../security/request-body';
import { sharedState } from '../../shared-state/shared-state';

/**
 * `POST /api/internal/purge`: the CMS says which case studies Meilisearch has confirmed (or that
 * the vocabulary changed), signed with PURGE_SECRET; this instance stops serving cached answers
 * that show them, and so does every other instance sharing its Redis (shared-state/). A request whose headers cannot be genuine is refused before its body is read
 * (this route reads its own body: server/security/request-body.ts); unsigned, stale or wrongly signed
 * requests change nothing (401).
 */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const { purgeSecret } = useRuntimeConfig();
  if (!purgeSecret) throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  const timestamp = Number(getRequestHeader(event, PURGE_TIMESTAMP_HEADER));
  const signature = getRequestHeader(event, PURGE_SIGNATURE_HEADER) ?? '';
  const unsigned = () => createError({ statusCode: 401, statusMessage: 'Missing, expired or wrong purge signature' });
  if (!purgeHeadersPlausible(timestamp, signature)) {
    lingerAfterAnswer(event.node.req, event.node.res);
    throw unsigned();
  }
  const body = (
    await readBoundedBody(event.node.req, PURGE_BODY_LIMIT).catch(() => {
      lingerAfterAnswer(event.node.req, event.node.res);
      throw createError({ statusCode: 413, statusMessage: 'Purge notice too large' });
    })
  ).toString('utf8');
  if (!verifyPurge(body, timestamp, signature, purgeSecret)) throw unsigned();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw createError({ statusCode: 400, statusMessage: 'The purge notice is not JSON' });
  }
  const notice = purgeNoticeSchema.safeParse(json);
  if (!notice.success) throw createError({ statusCode: 400, statusMessage: `Invalid purge notice: ${notice.error.issues[0]?.message}` });
  const { caseStudies, vocabulary, all, events } = notice.data;
  // Applied here and passed on to the other site instances (with REDIS_URL); if that fails, the CMS sends it again.
  await sharedState()
    .announce({ caseStudies: caseStudies.map((change) => change.documentId), vocabulary, all, ...(events ? { events } : {}) })
    .catch(() => {
      throw createError({ statusCode: 503, statusMessage: 'The notice could not be passed on to the other site instances' });
    });
  setResponseStatus(event, 204);
  return null;
});
