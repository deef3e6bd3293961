// `POST /api/transfer-reports/confirm`: the button on the confirmation page, handed to the CMS,
// which turns the report into a draft "Nachnutzung" "Zur Prüfung". Answers with the CMS's answer and status.
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const body = await readBody<{ token?: unknown }>(event).catch(() => undefined);
  const token = typeof body?.token === 'string' ? body.token : '';
  const { strapiUrl, strapiToken } = useRuntimeConfig();
  try {
    // Typed: an untyped $fetch to a path ending like this route's own would take its answer type from this handler.
    return await $fetch<{ data?: unknown; error?: unknown }>(`${strapiUrl}/api/transfer-reports/confirm`, {
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
    console.error(`[transfer] the CMS did not confirm a report: ${(error as Error).message}`);
    setResponseStatus(event, 503);
    return { data: null, error: { status: 503, message: 'The CMS is not reachable.' } };
  }
});
