// Two site instances sharing one real Redis: what one counts or claims, the other sees; a change
// notice announced at one takes effect at the other; without Redis both keep answering.
import { startRedis, type RedisHandle } from '@praxis/tooling/redis';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../cache/purge';
import { RedisState } from './redis-state';

let redis: RedisHandle;
/** This test's instances, closed after it (none left to reconnect while a later test stops Redis). */
let states: RedisState[] = [];

/** A site instance: its own connection, its own applied notices and log. */
function instance() {
  const applied: ChangeNotice[] = [];
  const logged: string[] = [];
  const client = new Redis(redis.url, { enableOfflineQueue: false, commandTimeout: 1_000, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  const state = new RedisState(
    client,
    (notice) => applied.push(notice),
    (message) => logged.push(message),
  );
  states.push(state);
  return { state, client, applied, logged };
}

const connected = (client: Redis) => expect.poll(() => client.status, { timeout: 10_000 }).toBe('ready');

beforeAll(async () => {
  redis = await startRedis();
});

afterEach(async () => {
  await Promise.all(states.map((state) => state.close()));
  states = [];
});

afterAll(async () => {
  await redis?.stop();
});

describe('the shared site state in Redis', () => {
  it('counts one client across instances and leaves other clients alone', async () => {
    const [a, b] = [instance(), instance()];
    await Promise.all([connected(a.client), connected(b.client)]);
    const decisions = [];
    for (const state of [a.state, b.state, a.state, b.state, a.state, b.state]) decisions.push(await state.take('pages', '10.0.0.1', 5, 60_000));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    // The window is the first request's: it ends within the minute for both instances.
    const now = Date.now();
    expect(decisions[5]!.resetAt).toBeGreaterThan(now);
    expect(decisions[5]!.resetAt).toBeLessThanOrEqual(now + 60_000);
    expect((await b.state.take('pages', '10.0.0.2', 5, 60_000)).remaining).toBe(4);
    // Another counter (the forms') is counted apart from the pages'.
    expect((await b.state.take('form-solved', '10.0.0.1', 5, 60_000)).remaining).toBe(4);
  });

  it('counts parallel requests at two instances exactly', async () => {
    const [a, b] = [instance(), instance()];
    await Promise.all([connected(a.client), connected(b.client)]);
    const decisions = await Promise.all(Array.from({ length: 150 }, (_, i) => (i % 2 ? a : b).state.take('pages', '10.0.0.9', 100, 60_000)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(100);
  });

  it('accepts a proof-of-work challenge once, at whichever instance sees it first', async () => {
    const [a, b] = [instance(), instance()];
    await Promise.all([connected(a.client), connected(b.client)]);
    const expiresAt = Math.floor(Date.now() / 1000) + 3_600;
    expect(await a.state.claimOnce('proof:nonce-1', expiresAt)).toBe(true);
    expect(await b.state.claimOnce('proof:nonce-1', expiresAt)).toBe(false);
    expect(await a.state.claimOnce('proof:nonce-1', expiresAt)).toBe(false);
    expect(await b.state.claimOnce('proof:nonce-2', expiresAt)).toBe(true);
    // The claim lasts as long as the challenge could be checked, then Redis forgets it.
    const ttl = await a.client.ttl('praxis:site:claim:proof:nonce-1');
    expect(ttl).toBeGreaterThan(3_590);
    expect(ttl).toBeLessThanOrEqual(3_600);
  });

  it('passes a change notice to every other instance once', async () => {
    const [a, b, c] = [instance(), instance(), instance()];
    await Promise.all([connected(a.client), connected(b.client), connected(c.client)]);
    // Subscriptions are made on their own connections: wait until Redis counts all of them.
    await expect.poll(async () => (await a.client.pubsub('NUMSUB', 'praxis:site:changes'))[1], { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const notice: ChangeNotice = { caseStudies: ['doc-1', 'doc-2'], vocabulary: true, all: false };
    await a.state.announce(notice);
    await expect.poll(() => [b.applied, c.applied], { timeout: 5_000 }).toEqual([[notice], [notice]]);
    // The announcing instance applied it itself, and not a second time from the channel.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.applied).toEqual([notice]);
  });

  it('keeps answering while Redis is away, and distrusts its caches once it is back', async () => {
    const a = instance();
    await connected(a.client);
    await expect.poll(async () => (await a.client.pubsub('NUMSUB', 'praxis:site:changes'))[1], { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const port = redis.port;
    await redis.stop();
    // Counters and claims fall back to the instance's own memory: answers, not errors.
    const decision = await a.state.take('pages', '10.0.0.3', 5, 60_000);
    expect(decision).toMatchObject({ allowed: true, remaining: 4 });
    const expiresAt = Math.floor(Date.now() / 1000) + 60;
    expect(await a.state.claimOnce('proof:offline', expiresAt)).toBe(true);
    expect(await a.state.claimOnce('proof:offline', expiresAt)).toBe(false);
    expect(a.logged.join('\n')).toMatch(/Redis unavailable for rate limit/);
    // A notice that cannot be passed on is an error the CMS sees (it sends the notice again); this instance applied it.
    await expect(a.state.announce({ caseStudies: ['doc-3'], vocabulary: false, all: false })).rejects.toThrow();
    expect(a.applied).toEqual([{ caseStudies: ['doc-3'], vocabulary: false, all: false }]);

    redis = await startRedis(port);
    // Subscribed again: notices may have been missed, so everything cached is stale.
    await expect.poll(() => a.applied.at(-1), { timeout: 20_000 }).toEqual({ caseStudies: [], vocabulary: false, all: true });
    await connected(a.client);
    expect((await a.state.take('pages', '10.0.0.4', 5, 60_000)).remaining).toBe(4);
  });
});
