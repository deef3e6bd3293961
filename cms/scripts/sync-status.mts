// `npm run sync:status`: the search sync's backlog, failures, last success and counts per locale, for each Meilisearch.
import type { SearchSync } from '../src/sync/search-sync';
import { loadCliEnv } from './cli-env.mts';
import { loadStrapi, stopStrapi } from './strapi-app.mts';

loadCliEnv();
const strapi = await loadStrapi({ logLevel: 'error' });
try {
  const status = await (strapi.service('api::sync.sync') as unknown as Pick<SearchSync, 'status'>).status();
  // Each Meilisearch the sync writes to (MEILI_URL, then MEILI_REPLICA_URLS) has its own rows and counts.
  for (const target of status.targets) {
    console.log(`Meilisearch      ${target.url} (${target.connected ? 'connected' : 'NOT reachable'})`);
    console.log(`  Pending rows   ${target.pending}${target.oldestPendingAt ? ` (oldest from ${target.oldestPendingAt.toISOString()})` : ''}`);
    console.log(`  Failed rows    ${target.failed}`);
    console.log(`  Last success   ${target.lastSuccessAt?.toISOString() ?? 'never'}`);
    for (const locale of target.locales) {
      const mark = locale.indexed === locale.published ? 'in sync' : 'DIFFERENT';
      console.log(
        `  Locale ${locale.locale.padEnd(7)} ${String(locale.published).padStart(6)} published, ${String(locale.indexed ?? '?').padStart(6)} indexed  ${mark}${locale.indexError ? ` (${locale.indexError})` : ''}`,
      );
    }
  }
  if (status.targets.length === 0) console.log(`Meilisearch      not configured (MEILI_URL); pending rows ${status.pending}`);
  for (const failure of status.failures) {
    console.log(
      `  failing at ${failure.target ?? 'every Meilisearch'}: ${failure.documentId} [${failure.locale ?? 'all locales'}] after ${failure.attempts} attempts: ${failure.error}`,
    );
  }
  const healthy =
    status.targets.length > 0 &&
    status.failed === 0 &&
    status.targets.every((target) => target.connected && target.locales.every((l) => l.indexed === l.published));
  process.exitCode = healthy ? 0 : 1;
} finally {
  await stopStrapi(strapi);
}
