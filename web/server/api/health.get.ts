interface Check {
  ok: boolean;
  ms: number;
  error?: string;
}

async function timed(probe: () => Promise<unknown>): Promise<Check & { value?: unknown }> {
  const started = performance.now();
  try {
    const value = await probe();
    return { ok: true, ms: Math.round(performance.now() - started), value };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/**
 * `GET /api/health`: the site, the CMS and Meilisearch, with the sync backlog.
 * 200 when the site can serve searches and pages, 503 otherwise; never cached.
 */
export default defineEventHandler(async (event) => {
  const { strapiUrl, meiliUrl } = useRuntimeConfig();
  const [cms, meilisearch, backlog] = await Promise.all([
    timed(() => $fetch.raw(`${strapiUrl}/_health`, { timeout: 3_000 })),
    // Typed: an untyped $fetch to …/health would take its answer type from this very route.
    timed(() => $fetch<{ status: string }>(`${meiliUrl}/health`, { timeout: 3_000 })),
    timed(() =>
      $fetch<{ pending: number; failed: number; oldestPendingAt: string | null; lastSuccessAt: string | null; connected: boolean }>(
        `${strapiUrl}/api/sync/backlog`,
        { timeout: 3_000 },
      ),
    ),
  ]);
  const ok = cms.ok && meilisearch.ok;
  setResponseStatus(event, ok ? 200 : 503);
  setResponseHeader(event, 'cache-control', 'no-store');
  return {
    status: ok ? 'ok' : 'unavailable',
    site: { ok: true, uptimeSeconds: Math.round(process.uptime()) },
    cms: { ok: cms.ok, ms: cms.ms, error: cms.error },
    meilisearch: { ok: meilisearch.ok, ms: meilisearch.ms, error: meilisearch.error },
    sync: backlog.ok ? backlog.value : { error: backlog.error },
  };
});
