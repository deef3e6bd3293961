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

/** A notice being put together: the case studies by locale and id, and the flags. */
interface PendingNotice {
  caseStudies: Map<string, PurgeNotice['caseStudies'][number]>;
  vocabulary: boolean;
  all: boolean;
  events: boolean;
}

/** The notices waiting for one site instance, the delivery under way to it, and how to cut its retry wait short. */
interface SiteQueue {
  next: PendingNotice | undefined;
  delivering: Promise<void> | undefined;
  wake: (() => void) | undefined;
}

/**
 * Tells the site what changed so that it drops exactly those cached answers. `notify` never
 * waits and never throws: notices collect while one is being delivered and go out together,
 * and a site that is down gets retries with backoff (250 ms, 500 ms, … about a minute in all).
 * Each site instance has its own queue: one that is down delays no notice to the others (a
 * killed instance held the next notices back from the running one for a minute). A new notice
 * ends a retry's wait and goes out at once, together with the waiting one: a site that came up
 * after the CMS had the first publication's notice wait behind an earlier notice's backoff
 * (4 s and 21 s measured in test:cluster). A notice that cannot be delivered is dropped with a
 * warning: the site's caches then expire on their own (docs/operations.md, "Freshness").
 */
export class SitePurgeNotifier {
  private readonly queues: Map<string, SiteQueue>;
  private stopped = false;

  constructor(private readonly options: PurgeNotifierOptions) {
    this.queues = new Map(options.siteUrls.map((url) => [url, { next: undefined, delivering: undefined, wake: undefined }]));
  }

  notify(notice: Partial<PurgeNotice>): void {
    if (this.stopped) return;
    for (const [siteUrl, queue] of this.queues) {
      queue.next = merged(queue.next, notice);
      queue.wake?.();
      queue.delivering ??= this.deliverAll(siteUrl, queue).finally(() => (queue.delivering = undefined));
    }
  }

  /** Resolves when every notice so far was delivered or given up (tests, shutdown). */
  async settled(): Promise<void> {
    for (const queue of this.queues.values()) while (queue.delivering) await queue.delivering;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const queue of this.queues.values()) queue.wake?.();
    await this.settled();
  }

  private async deliverAll(siteUrl: string, queue: SiteQueue): Promise<void> {
    const { attempts = 9, firstRetryMs = 250 } = this.options;
    let pending: PendingNotice | undefined;
    let attempt = 0;
    while (queue.next || pending) {
      // What came meanwhile joins the notice, which gets its attempts anew.
      if (queue.next) {
        pending = merged(pending, {
          caseStudies: [...queue.next.caseStudies.values()],
          vocabulary: queue.next.vocabulary,
          all: queue.next.all,
          events: queue.next.events,
        });
        queue.next = undefined;
        attempt = 0;
      }
      attempt += 1;
      const notice = pending!;
      const body = JSON.stringify({
        caseStudies: [...notice.caseStudies.values()],
        vocabulary: notice.vocabulary,
        all: notice.all,
        events: notice.events,
      } satisfies PurgeNotice);
      const outcome = await this.send(siteUrl, body);
      if (outcome.delivered) {
        pending = undefined;
        continue;
      }
      if (outcome.final || attempt >= attempts || this.stopped) {
        this.options.log.warn(`[sync] the site at ${siteUrl} did not take a cache purge (${outcome.problem}); its caches expire on their own.`);
        pending = undefined;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, firstRetryMs * 2 ** (attempt - 1));
        queue.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      queue.wake = undefined;
    }
  }

  /** One attempt; `final` when the site refused the notice itself (repeating the same request cannot help). */
  private async send(siteUrl: string, body: string): Promise<{ delivered: true } | { delivered: false; problem: string; final: boolean }> {
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
      if (response.ok) return { delivered: true };
      // A wrong secret or a malformed notice is refused again; a timeout or a limit may pass.
      const final = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      return { delivered: false, problem: `HTTP ${response.status}`, final };
    } catch (error) {
      return { delivered: false, problem: (error as Error).message, final: false };
    }
  }
}

/** `notice` added to what is pending (the case studies by locale and id, the flags or-ed). */
function merged(pending: PendingNotice | undefined, notice: Partial<PurgeNotice>): PendingNotice {
  const result = pending ?? { caseStudies: new Map(), vocabulary: false, all: false, events: false };
  for (const change of notice.caseStudies ?? []) result.caseStudies.set(`${change.locale}:${change.documentId}`, change);
  result.vocabulary ||= notice.vocabulary ?? false;
  result.all ||= notice.all ?? false;
  result.events ||= notice.events ?? false;
  return result;
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
