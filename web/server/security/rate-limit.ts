// A fixed-window request counter per client. Counted synchronously: Node runs one request's
// code at a time, so parallel requests cannot read the same count and each write it back
// minus one (nuxt-security's limiter awaits between reading and writing its counter, and
// measured here let 50 parallel requests through for every token it counted).

export interface RateLimitDecision {
  allowed: boolean;
  remaining: number;
  /** When the client's window ends (ms since the epoch). */
  resetAt: number;
}

interface Window {
  startedAt: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  /** `limit` requests per `windowMs` and client; at most `maxClients` windows are kept (the oldest go first). */
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxClients = 100_000,
  ) {}

  take(client: string, now = Date.now()): RateLimitDecision {
    let window = this.windows.get(client);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.windows.delete(client);
      window = { startedAt: now, count: 0 };
      this.windows.set(client, window);
      if (this.windows.size > this.maxClients) this.windows.delete(this.windows.keys().next().value!);
    }
    window.count += 1;
    return { allowed: window.count <= this.limit, remaining: Math.max(0, this.limit - window.count), resetAt: window.startedAt + this.windowMs };
  }
}
