import { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, signPurge, type PurgeNotice } from '@praxis/search';
import { cmsEnvironment } from '../config/environment';

export interface PurgeNotifierOptions {
  /** Base URLs of every site instance (each keeps its own cache). */
  siteUrls: string[];
  secret: string;
  log: { warn(message: string): void; error(message: string): void };
  /** Attempts per notice and site before it is given up (the site's cache expiry then applies). */
  attempts?: number;
  firstRetryMs?: number;
}

/**
 * Tells the site what changed so that it drops exactly those cached answers. `notify` never
 * waits and never throws: notices collect while one is being delivered and go out together,
 * and a site that is down gets retries with backoff (250 ms, 500 ms, … about a minute in all).
 * A notice that cannot be delivered is dropped with a warning: the site's caches then expire
 * on their own (docs/operations.md, "Freshness").
 */
export class SitePurgeNotifier {
  private next: { caseStudies: Map<string, PurgeNotice['caseStudies'][number]>; vocabulary: boolean; all: boolean; events: boolean } | undefined;
  private delivering: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: PurgeNotifierOptions) {}

  notify(notice: Partial<PurgeNotice>): void {
    if (this.stopped || this.options.siteUrls.length === 0) return;
    this.next ??= { caseStudies: new Map(), vocabulary: false, all: false, events: false };
    for (const change of notice.caseStudies ?? []) this.next.caseStudies.set(`${change.locale}:${change.documentId}`, change);
    this.next.vocabulary ||= notice.vocabulary ?? false;
    this.next.all ||= notice.all ?? false;
    this.next.events ||= notice.events ?? false;
    this.delivering ??= this.deliverAll().finally(() => (this.delivering = undefined));
  }

  /** Resolves when every notice so far was delivered or given up (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.delivering) await this.delivering;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.settled();
  }

  private async deliverAll(): Promise<void> {
    while (this.next) {
      const { caseStudies, vocabulary, all, events } = this.next;
      this.next = undefined;
      const body = JSON.stringify({ caseStudies: [...caseStudies.values()], vocabulary, all, events } satisfies PurgeNotice);
      await Promise.all(this.options.siteUrls.map((url) => this.deliver(url, body)));
    }
  }

  private async deliver(siteUrl: string, body: string): Promise<void> {
    const { attempts = 9, firstRetryMs = 250 } = this.options;
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const timestamp = Date.now();
      try {
        const response = await fetch(new URL(PURGE_PATH, siteUrl), {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/json',
            [PURGE_TIMESTAMP_HEADER]: String(timestamp),
            [PURGE_SIGNATURE_HEADER]: signPurge(body, timestamp, this.options.secret),
          },
          signal: AbortSignal.timeout(5_000),
        });
        await response.body?.cancel();
        if (response.ok) return;
        problem = `HTTP ${response.status}`;
        // Refused (a wrong secret, a malformed notice): repeating the same request cannot help.
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) break;
      } catch (error) {
        problem = (error as Error).message;
      }
      if (this.stopped) break;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, firstRetryMs * 2 ** (attempt - 1)));
    }
    this.options.log.warn(`[sync] the site at ${siteUrl} did not take a cache purge (${problem}); its caches expire on their own.`);
  }
}

/** From SITE_PURGE_URLS (default SITE_URL) and PURGE_SECRET; without a secret nothing is sent. */
export function purgeNotifierFromEnv(log: PurgeNotifierOptions['log']): SitePurgeNotifier {
  const settings = cmsEnvironment();
  const secret = settings.PURGE_SECRET ?? '';
  const siteUrls = (settings.SITE_PURGE_URLS ?? settings.SITE_URL)
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (siteUrls.length > 0 && !secret) log.warn('[sync] PURGE_SECRET is not set: the site is not told about changes and shows them when its caches expire.');
  return new SitePurgeNotifier({ siteUrls: secret ? siteUrls : [], secret, log });
}
