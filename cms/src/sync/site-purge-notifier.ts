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

/** The notices waiting for one site instance, and the delivery under way to it. */
interface SiteQueue {
  next: { caseStudies: Map<string, PurgeNotice['caseStudies'][number]>; vocabulary: boolean; all: boolean; events: boolean } | undefined;
  delivering: Promise<void> | undefined;
}

/**
 * Tells the site what changed so that it drops exactly those cached answers. `notify` never
 * waits and never throws: notices collect while one is being delivered and go out together,
 * and a site that is down gets retries with backoff (250 ms, 500 ms, … about a minute in all).
 * Each site instance has its own queue: one that is down delays no notice to the others (a
 * killed instance held the next notices back from the running one for a minute). A notice that
 * cannot be delivered is dropped with a warning: the site's caches then expire on their own
 * (docs/operations.md, "Freshness").
 */
export class SitePurgeNotifier {
  private readonly queues: Map<string, SiteQueue>;
  private stopped = false;

  constructor(private readonly options: PurgeNotifierOptions) {
    this.queues = new Map(options.siteUrls.map((url) => [url, { next: undefined, delivering: undefined }]));
  }

  notify(notice: Partial<PurgeNotice>): void {
    if (this.stopped) return;
    for (const [siteUrl, queue] of this.queues) {
      queue.next ??= { caseStudies: new Map(), vocabulary: false, all: false, events: false };
      for (const change of notice.caseStudies ?? []) queue.next.caseStudies.set(`${change.locale}:${change.documentId}`, change);
      queue.next.vocabulary ||= notice.vocabulary ?? false;
      queue.next.all ||= notice.all ?? false;
      queue.next.events ||= notice.events ?? false;
      queue.delivering ??= this.deliverAll(siteUrl, queue).finally(() => (queue.delivering = undefined));
    }
  }

  /** Resolves when every notice so far was delivered or given up (tests, shutdown). */
  async settled(): Promise<void> {
    for (const queue of this.queues.values()) while (queue.delivering) await queue.delivering;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.settled();
  }

  private async deliverAll(siteUrl: string, queue: SiteQueue): Promise<void> {
    while (queue.next) {
      const { caseStudies, vocabulary, all, events } = queue.next;
      queue.next = undefined;
      await this.deliver(siteUrl, JSON.stringify({ caseStudies: [...caseStudies.values()], vocabulary, all, events } satisfies PurgeNotice));
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
