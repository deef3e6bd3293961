// `POST /api/contact-requests/unsubscribe`: the button of the unsubscribe page, handed to the CMS
// (cms/src/requests/follow-up.ts). Answers with the CMS's answer and status.
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const body = await readBody<{ token?: unknown }>(event).catch(() => undefined);
  const token = typeof body?.token === 'string' ? body.token : '';
  const { strapiUrl, strapiToken } = useRuntimeConfig();
  try {
    return await $fetch<{ data?: unknown; error?: unknown }>(`${strapiUrl}/api/contact-requests/unsubscribe`, {
      method: 'POST',
      body: { token },
      timeout: 10_000,
      headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
    });
  } catch (error) {
    const { statusCode, data } = error as { statusCode?: number; data?: unknown };
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      setResponseStatus(event, statusCode);
      return data;
    }
    console.error(`[contact] the CMS did not take an unsubscription: ${(error as Error).message}`);
    setResponseStatus(event, 503);
    return { data: null, error: { status: 503, message: 'The CMS is not reachable.' } };
  }
});
