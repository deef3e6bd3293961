// `npm run sync:status`: the search sync's backlog, failures, last success and counts per locale.
import type { SearchSync } from '../src/sync/search-sync';
import { loadCliEnv } from './cli-env.mts';
import { loadStrapi, stopStrapi } from './strapi-app.mts';

loadCliEnv();
const strapi = await loadStrapi({ logLevel: 'error' });
try {
  const status = await (strapi.service('api::sync.sync') as unknown as Pick<SearchSync, 'status'>).status();
  console.log(`Meilisearch      ${process.env.MEILI_URL} (${status.connected ? 'connected' : 'NOT reachable'})`);
  console.log(`Pending rows     ${status.pending}${status.oldestPendingAt ? ` (oldest from ${status.oldestPendingAt.toISOString()})` : ''}`);
  console.log(`Failed rows      ${status.failed}`);
  console.log(`Last success     ${status.lastSuccessAt?.toISOString() ?? 'never'}`);
  for (const locale of status.locales) {
    const mark = locale.indexed === locale.published ? 'in sync' : 'DIFFERENT';
    console.log(
      `Locale ${locale.locale.padEnd(9)} ${String(locale.published).padStart(6)} published, ${String(locale.indexed ?? '?').padStart(6)} indexed  ${mark}${locale.indexError ? ` (${locale.indexError})` : ''}`,
    );
  }
  for (const failure of status.failures) {
    console.log(`  failing: ${failure.documentId} [${failure.locale ?? 'all locales'}] after ${failure.attempts} attempts: ${failure.error}`);
  }
  const healthy = status.connected && status.failed === 0 && status.locales.every((l) => l.indexed === l.published);
  process.exitCode = healthy ? 0 : 1;
} finally {
  await stopStrapi(strapi);
}
