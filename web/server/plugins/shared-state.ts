// With REDIS_URL, the site instances share their state in Redis: the cached answers of
// defineCachedFunction (Nitro's `cache` storage, an in-memory LRU otherwise), the rate-limit
// counters, the used proof-of-work challenges and the CMS's change notices
// (shared-state/). Whole rendered pages stay in each instance's memory (cache/page-cache.ts):
// they are served in microseconds from there, and a change notice reaches every instance.
import type Redis from 'ioredis';
import redisDriver from 'unstorage/drivers/redis';
import { applyChangeNotice, PURGED_CACHE_MAX_AGE_MS } from '../cache/purge';
import { RedisState } from '../shared-state/redis-state';
import { useSharedState } from '../shared-state/shared-state';

/** Redis options for a site that must answer while Redis is away: no queue of waiting commands, a bounded wait. */
const REDIS_OPTIONS = { enableOfflineQueue: false, commandTimeout: 1_000, maxRetriesPerRequest: 1, connectTimeout: 2_000 };

export default defineNitroPlugin((nitroApp) => {
  const url = process.env.REDIS_URL;
  if (!url) return;
  // Every answer expires in Redis after the longest time any cache keeps one (Nitro sets no expiry for stale-while-revalidate answers).
  const cache = redisDriver({ url, base: 'praxis:site:cache', ttl: PURGED_CACHE_MAX_AGE_MS / 1000, ...REDIS_OPTIONS });
  const storage = useStorage();
  // Unmounting without disposing runs synchronously: no request can see the storage without a cache mount.
  void storage.unmount('cache', false);
  storage.mount('cache', cache);
  const state = new RedisState(cache.getInstance!() as Redis);
  useSharedState(state);
  // Answers other instances cached while this one was down were judged by notices it never heard: it trusts none of those.
  applyChangeNotice({ caseStudies: [], vocabulary: false, all: true });
  nitroApp.hooks.hook('close', () => state.close());
});
