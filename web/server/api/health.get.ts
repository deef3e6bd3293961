import { meiliUrls } from '../search/meilisearch';

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
 * `GET /api/health`: the site, the CMS and each Meilisearch it reads from, with the sync backlog.
 * 200 when the site can serve searches and pages (the CMS and at least one Meilisearch answer),
 * 503 otherwise; never cached.
 */
export default defineEventHandler(async (event) => {
  const { strapiUrl } = useRuntimeConfig();
  const [cms, instances, backlog] = await Promise.all([
    timed(() => $fetch.raw(`${strapiUrl}/_health`, { timeout: 3_000 })),
    // Typed: an untyped $fetch to …/health would take its answer type from this very route.
    Promise.all(meiliUrls().map((url) => timed(() => $fetch<{ status: string }>(`${url}/health`, { timeout: 3_000 })))),
    timed(() =>
      $fetch<{ pending: number; failed: number; oldestPendingAt: string | null; lastSuccessAt: string | null; connected: boolean }>(
        `${strapiUrl}/api/sync/backlog`,
        { timeout: 3_000 },
      ),
    ),
  ]);
  // The first that answers is the one searches go to (server/search/meilisearch.ts).
  const meilisearch = instances.find((instance) => instance.ok) ?? instances[0]!;
  const ok = cms.ok && meilisearch.ok;
  setResponseStatus(event, ok ? 200 : 503);
  setResponseHeader(event, 'cache-control', 'no-store');
  return {
    status: ok ? 'ok' : 'unavailable',
    site: { ok: true, uptimeSeconds: Math.round(process.uptime()) },
    cms: { ok: cms.ok, ms: cms.ms, error: cms.error },
    meilisearch: {
      ok: meilisearch.ok,
      ms: meilisearch.ms,
      error: meilisearch.error,
      // With replicas: each in the order they are asked (addresses stay private).
      ...(instances.length > 1 ? { instances: instances.map(({ ok, ms, error }) => ({ ok, ms, error })) } : {}),
    },
    sync: backlog.ok ? backlog.value : { error: backlog.error },
  };
});
