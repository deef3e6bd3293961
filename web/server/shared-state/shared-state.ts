// What the site instances share when there are several: rate-limit counters, the proof-of-work
// challenges already used, and the CMS's change notices. With REDIS_URL they live in Redis
// (redis-state.ts, plugins/shared-state.ts); without it each instance keeps its own in memory,
// which is exact for one instance.
import { CappedMap } from 'altcha-lib';
import { applyChangeNotice, type ChangeNotice } from '../cache/purge';
import { RateLimiter, type RateLimitDecision } from '../security/rate-limit';

export interface SharedState {
  /** Counts one request of `client` in the counter `name`: `limit` per `windowMs`. */
  take(name: string, client: string, limit: number, windowMs: number, now?: number): Promise<RateLimitDecision>;
  /** True the first time `key` is claimed; false while an earlier claim holds (until `expiresAt`, seconds since the epoch). */
  claimOnce(key: string, expiresAt: number, now?: number): Promise<boolean>;
  /** Applies a change notice here and passes it on to every other instance. */
  announce(notice: ChangeNotice): Promise<void>;
  close(): Promise<void>;
}

/** One instance's own state: counters and claims in bounded maps, notices applied here only. */
export class MemoryState implements SharedState {
  private readonly limiters = new Map<string, RateLimiter>();
  /** Claimed keys with their expiry; bounded, so a flood cannot grow memory without end. */
  private readonly claims = new CappedMap<string, number>({ maxSize: 100_000 });

  /** `apply` makes a notice take effect in this instance's caches. */
  constructor(private readonly apply: (notice: ChangeNotice) => void = applyChangeNotice) {}

  async take(name: string, client: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitDecision> {
    let limiter = this.limiters.get(name);
    if (!limiter) this.limiters.set(name, (limiter = new RateLimiter(limit, windowMs)));
    return limiter.take(client, now);
  }

  async claimOnce(key: string, expiresAt: number, now = Date.now()): Promise<boolean> {
    // Claims are kept in the order they came; all of one form's challenges live equally long, so the expired ones are first.
    for (const [claimed, until] of this.claims) {
      if (until > now / 1000) break;
      this.claims.delete(claimed);
    }
    return this.claims.setIfAbsent(key, expiresAt);
  }

  async announce(notice: ChangeNotice): Promise<void> {
    this.apply(notice);
  }

  async close(): Promise<void> {}
}

let current: SharedState = new MemoryState();

/** The state this instance uses: Redis when REDIS_URL is set (plugins/shared-state.ts), else its own memory. */
export function sharedState(): SharedState {
  return current;
}

export function useSharedState(state: SharedState): void {
  current = state;
}
