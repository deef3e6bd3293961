import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows `limit` requests per window and client, then refuses until the window ends', () => {
    const limiter = new RateLimiter(3, 60_000);
    const decisions = [0, 1, 2, 3].map((offset) => limiter.take('10.0.0.1', 1_000 + offset));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]!.resetAt).toBe(61_000);
    expect(limiter.take('10.0.0.2', 2_000).allowed).toBe(true);
    expect(limiter.take('10.0.0.1', 60_999).allowed).toBe(false);
    expect(limiter.take('10.0.0.1', 61_000)).toEqual({ allowed: true, remaining: 2, resetAt: 121_000 });
  });

  it('counts every one of many parallel requests', async () => {
    const limiter = new RateLimiter(100, 60_000);
    const decisions = await Promise.all(Array.from({ length: 150 }, async () => limiter.take('10.0.0.1')));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(100);
  });

  it('keeps at most maxClients windows, forgetting the oldest', () => {
    const limiter = new RateLimiter(1, 60_000, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    expect(limiter.take('a', 1).allowed).toBe(true);
    expect(limiter.take('c', 1).allowed).toBe(false);
  });
});
