// The shared state of several site instances in Redis (shared-state.ts says what it holds).
// Counters are fixed windows counted atomically in Redis, claims are SET … NX, and change
// notices go to every instance over a pub/sub channel. If Redis cannot be reached, an
// instance falls back to its own memory for counters and claims (the site keeps answering;
// limits then count per instance), and when its subscription comes back it treats every
// cached answer as stale, since it may have missed notices in between.
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { applyChangeNotice, type ChangeNotice } from '../cache/purge';
import type { RateLimitDecision } from '../security/rate-limit';
import { MemoryState, type SharedState } from './shared-state';

/** Keys and the channel of this site in Redis (the cache storage has its own prefix: plugins/shared-state.ts). */
export const REDIS_PREFIX = 'praxis:site:';
const CHANGES_CHANNEL = `${REDIS_PREFIX}changes`;

/** Counts one request; the window starts with the first. Returns [count, milliseconds left in the window]. */
const TAKE_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

interface Envelope {
  from: string;
  notice: ChangeNotice;
}

export class RedisState implements SharedState {
  /** This instance, so that it does not apply its own notices twice. */
  private readonly instance = randomUUID();
  private readonly fallback: MemoryState;
  private readonly subscriber: Redis;
  private subscribedBefore = false;
  private lastFailureLog = 0;

  /** `apply` makes a notice take effect in this instance's caches. */
  constructor(
    private readonly client: Redis,
    private readonly apply: (notice: ChangeNotice) => void = applyChangeNotice,
    private readonly log: (message: string) => void = (message) => console.warn(message),
  ) {
    this.fallback = new MemoryState(apply);
    // The subscription waits for a connection; the commands above do not (the site answers without Redis).
    this.subscriber = client.duplicate({ enableOfflineQueue: true });
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    // Subscribed again after a lost connection: notices may have been missed, so nothing cached is trusted.
    this.subscriber.on('ready', () => {
      if (this.subscribedBefore) this.apply({ caseStudies: [], vocabulary: false, all: true });
      this.subscribedBefore = true;
    });
    this.client.on('error', (error: Error) => this.failed('connection', error));
    this.subscriber.on('error', (error: Error) => this.failed('subscription', error));
    void this.subscriber.subscribe(CHANGES_CHANNEL).catch((error: Error) => this.failed('subscription', error));
  }

  async take(name: string, client: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitDecision> {
    try {
      const [count, left] = (await this.client.eval(TAKE_SCRIPT, 1, `${REDIS_PREFIX}rate:${name}:${client}`, windowMs)) as [number, number];
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetAt: now + Math.max(0, left) };
    } catch (error) {
      this.failed('rate limit', error);
      return this.fallback.take(name, client, limit, windowMs, now);
    }
  }

  async claimOnce(key: string, expiresAt: number, now = Date.now()): Promise<boolean> {
    try {
      // At least a second: Redis refuses an expiry in the past, and a claim must hold while its challenge could still be checked.
      const until = Math.max(Math.ceil(expiresAt), Math.floor(now / 1000) + 1);
      return (await this.client.set(`${REDIS_PREFIX}claim:${key}`, '1', 'EXAT', until, 'NX')) === 'OK';
    } catch (error) {
      this.failed('proof-of-work claims', error);
      return this.fallback.claimOnce(key, expiresAt, now);
    }
  }

  async announce(notice: ChangeNotice): Promise<void> {
    this.apply(notice);
    const envelope: Envelope = { from: this.instance, notice };
    try {
      await this.client.publish(CHANGES_CHANNEL, JSON.stringify(envelope));
    } catch (error) {
      this.failed('change notice', error);
      throw error;
    }
  }

  /** Quits a connection that is up (no command left to fail); one that is down is dropped. */
  async close(): Promise<void> {
    await Promise.all(
      [this.subscriber, this.client].map((connection) =>
        connection.status === 'ready'
          ? connection.quit().then(
              () => undefined,
              () => connection.disconnect(),
            )
          : connection.disconnect(),
      ),
    );
  }

  private receive(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === this.instance || !envelope.notice) return;
    const { caseStudies, vocabulary, all, events } = envelope.notice;
    this.apply({
      caseStudies: Array.isArray(caseStudies) ? caseStudies.map(String) : [],
      vocabulary: vocabulary === true,
      all: all === true,
      ...(events === true ? { events: true } : {}),
    });
  }

  /** Logs a Redis failure at most once a minute: an outage must not flood the log. */
  private failed(what: string, error: unknown): void {
    const now = Date.now();
    if (now - this.lastFailureLog < 60_000) return;
    this.lastFailureLog = now;
    this.log(`[shared-state] Redis unavailable for ${what} (this instance uses its own memory meanwhile): ${(error as Error)?.message ?? error}`);
  }
}
