// `npm run reindex`: rebuilds the search indexes from the CMS without downtime.
import { createProgressBar } from './progress-bar.mts';
import { loadCliEnv } from './cli-env.mts';
import { loadStrapi, stopStrapi } from './strapi-app.mts';

loadCliEnv();
const strapi = await loadStrapi({ logLevel: 'warn' });
try {
  const started = Date.now();
  const bars = new Map<string, ReturnType<typeof createProgressBar>>();
  const published = Object.fromEntries(
    await Promise.all(
      ['de', 'en'].map(async (locale) => [
        locale,
        await strapi.db.query('api::case-study.case-study').count({ where: { locale, publishedAt: { $notNull: true } } }),
      ]),
    ),
  );
  const sync = strapi.service('api::sync.sync') as { reindex(onProgress: (locale: string, done: number) => void): Promise<Record<string, number>> };
  const counts = await sync.reindex((locale, done) => {
    if (!bars.has(locale)) bars.set(locale, createProgressBar(`Reindexing case-studies-${locale}`));
    bars.get(locale)!.update(done, Math.max(done, published[locale] ?? done));
  });
  const summary = Object.entries(counts)
    .map(([locale, count]) => `${locale}: ${count}`)
    .join(', ');
  console.log(`Reindexed in ${((Date.now() - started) / 1000).toFixed(1)} s (${summary}); the new indexes are live.`);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await stopStrapi(strapi);
}
