// NUXT_RATE_LIMIT requests per minute and client to the pages and the API (0 = no limit);
// built files under /_nuxt/ are not counted. The client is the address that
// server/plugins/client-address.ts determined; with several instances they count together
// (shared-state/). A page's own calls to the API run inside the
// page request and are not counted again, so a limited reader gets a clean 429, not a page
// whose data is missing.
import { CLIENT_ADDRESS_HEADER, isInternalRequest } from '../security/client-address';
import { sharedState } from '../shared-state/shared-state';

export default defineEventHandler(async (event) => {
  if (isInternalRequest(event) || event.path.startsWith('/_nuxt/')) return;
  const limit = Number(useRuntimeConfig().rateLimit);
  if (!(limit > 0)) return;
  const decision = await sharedState().take('pages', getRequestHeader(event, CLIENT_ADDRESS_HEADER)!, limit, 60_000);
  event.context.rateBudgetUsed = 1 - decision.remaining / limit;
  setResponseHeaders(event, {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(Math.ceil(decision.resetAt / 1000)),
  });
  if (!decision.allowed) {
    setResponseHeader(event, 'retry-after', Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 1000)));
    throw createError({ statusCode: 429, statusMessage: 'Too Many Requests', message: `At most ${limit} requests per minute; please try again in a minute.` });
  }
});
