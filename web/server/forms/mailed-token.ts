// The one button of a page a mail links to (confirm a submission or a transfer report,
// unsubscribe from the follow-up): the mailed token handed to the CMS, answered with the CMS's
// answer and status; a CMS that is not reachable is a 503, never a 500.
import type { EventHandler } from 'h3';

/** A handler that posts `{ token }` to `cmsPath` on the CMS; `failure` names what failed in the log. */
export function mailedTokenHandler(cmsPath: string, failure: string): EventHandler {
  return defineEventHandler(async (event) => {
    setResponseHeader(event, 'cache-control', 'no-store');
    const body = await readBody<{ token?: unknown }>(event).catch(() => undefined);
    const token = typeof body?.token === 'string' ? body.token : '';
    const { strapiUrl, strapiToken } = useRuntimeConfig();
    try {
      // Typed: an untyped $fetch to a path ending like the route's own would take its answer type from that handler.
      return await $fetch<{ data?: unknown; error?: unknown }>(`${strapiUrl}${cmsPath}`, {
        method: 'POST',
        body: { token },
        timeout: 30_000,
        headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
      });
    } catch (error) {
      const { statusCode, data } = error as { statusCode?: number; data?: unknown };
      if (statusCode && statusCode >= 400 && statusCode < 500) {
        setResponseStatus(event, statusCode);
        return data;
      }
      console.error(`[forms] ${failure}: ${(error as Error).message}`);
      setResponseStatus(event, 503);
      return { data: null, error: { status: 503, message: 'The CMS is not reachable.' } };
    }
  });
}
