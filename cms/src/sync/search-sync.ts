import type { Core } from '@strapi/strapi';
import {
  createMeiliClient,
  ensureApiKeys,
  OutboxWorker,
  reconcile,
  reindexAll,
  SearchIndexes,
  syncStatus,
  type OutboxStats,
  type SyncStatus,
} from '@praxis/search';
import { KnexOutboxStore } from './knex-outbox-store';
import { runScheduled } from '../database/scheduled-job';
import { connectRetryMs, nextSynonymRetryMs } from './retry-delays';
import { purgeNotifierFromEnv, type SitePurgeNotifier } from './site-purge-notifier';
import { synonymSetsOf } from './search-terms';
import { StrapiPublishedSource } from './strapi-source';
import { cmsEnvironment } from '../config/environment';

/** A full reindex started from the admin, as its dashboard widget shows it. */
export interface ReindexJob {
  startedAt: Date;
  finishedAt: Date | null;
  /** Published case studies per locale when it started, and how many are in the new index so far. */
  total: Record<string, number>;
  done: Record<string, number>;
  error: string | null;
}

/**
 * The CMS side of the search sync: owns the outbox store, the worker and the
 * scheduled reconciliation. Without MEILI_URL it only records changes, which
 * a later start with Meilisearch then catches up on.
 */
export class SearchSync {
  readonly store: KnexOutboxStore;
  readonly source: StrapiPublishedSource;
  /** Tells the site which cached pages to drop once Meilisearch confirmed a change. */
  readonly purge: SitePurgeNotifier;
  indexes: SearchIndexes | undefined;
  private worker: OutboxWorker | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private setupTimer: NodeJS.Timeout | undefined;
  private started = false;
  private stopped = false;
  /** Per language: the synonym update waiting to run (changes meanwhile join it) and the chain it runs on. */
  private readonly synonymRuns = new Map<string, { waiting?: Promise<void>; tail: Promise<void> }>();
  private readonly synonymRetries = new Map<string, { timer: NodeJS.Timeout; delayMs: number }>();
  /** Languages whose sets changed before the sync was connected (perhaps after connecting read them). */
  private readonly synonymsChangedOffline = new Set<string>();
  lastReconciledAt: Date | null = null;
  reindexJob: ReindexJob | undefined;

  constructor(readonly strapi: Core.Strapi) {
    this.store = new KnexOutboxStore(strapi.db.connection);
    this.source = new StrapiPublishedSource(strapi);
    this.purge = purgeNotifierFromEnv(strapi.log);
  }

  notify(): void {
    this.worker?.notify();
  }

  /** Starts indexing: keys, indexes, worker, reconciliation. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const url = cmsEnvironment().MEILI_URL;
    if (!url) {
      this.strapi.log.warn('[sync] MEILI_URL is not set: changes are recorded in the outbox but not indexed.');
      return;
    }
    await this.connect(url);
  }

  /** Sets up keys and indexes; while Meilisearch is unreachable it retries in the background. */
  private async connect(url: string): Promise<void> {
    try {
      const key = await this.syncKey(url);
      // ensureIndex applies the editors' synonym sets with the settings: a change made while
      // Meilisearch was away reaches the index here.
      const indexes = new SearchIndexes(createMeiliClient(url, key), { synonymSets: (locale) => synonymSetsOf(this.strapi, locale) });
      for (const locale of await this.source.locales()) await indexes.ensureIndex(locale);
      this.indexes = indexes;
      for (const language of this.synonymsChangedOffline) void this.refreshSynonyms(language);
      this.synonymsChangedOffline.clear();
    } catch (error) {
      const delayMs = connectRetryMs(cmsEnvironment().SYNC_MAX_BACKOFF_MS);
      this.strapi.log.warn(
        `[sync] Meilisearch at ${url} not ready (${(error as Error).message}); retrying in ${delayMs / 1000} s. Changes are kept in the outbox.`,
      );
      if (!this.stopped) this.setupTimer = setTimeout(() => void this.connect(url), delayMs);
      return;
    }
    // CLIs (reindex, sync:status) connect but leave draining to the running CMS.
    if (!cmsEnvironment().SEARCH_SYNC_WORKER) return;
    await this.startWorker();
    this.strapi.log.info(`[sync] indexing into Meilisearch at ${url}`);
  }

  /**
   * Applies a language's synonym sets, as the database holds them when the update runs, to its
   * index (synonyms only: no document is re-indexed). Updates of a language run one after
   * another, and changes made while one waits join it. Never throws: while Meilisearch is
   * unreachable it retries in the background, and until the sync is connected there is nothing to
   * do (connecting applies the sets with the index settings).
   */
  refreshSynonyms(language: string): Promise<void> {
    const runs = this.synonymRuns.get(language) ?? { tail: Promise.resolve() };
    this.synonymRuns.set(language, runs);
    if (runs.waiting) return runs.waiting;
    const run = runs.tail.then(() => {
      runs.waiting = undefined;
      return this.applySynonyms(language);
    });
    runs.waiting = run;
    runs.tail = run;
    return run;
  }

  private async applySynonyms(language: string): Promise<void> {
    const indexes = this.indexes;
    if (this.stopped) return;
    if (!indexes) {
      this.synonymsChangedOffline.add(language);
      return;
    }
    const retry = this.synonymRetries.get(language);
    clearTimeout(retry?.timer);
    this.synonymRetries.delete(language);
    try {
      const sets = await synonymSetsOf(this.strapi, language);
      await indexes.applySynonyms(language, sets);
      this.strapi.log.info(`[sync] search terms (${language}) applied: ${sets.length} sets`);
      // The site's cached search pages were made with the old synonyms.
      this.purge.notify({ vocabulary: true });
    } catch (error) {
      if (this.stopped) return;
      const delayMs = nextSynonymRetryMs(retry?.delayMs, cmsEnvironment().SYNC_MAX_BACKOFF_MS);
      this.strapi.log.warn(`[sync] search terms (${language}) not applied (${(error as Error).message}); retrying in ${delayMs / 1000} s.`);
      this.synonymRetries.set(language, { delayMs, timer: setTimeout(() => void this.refreshSynonyms(language), delayMs) });
    }
  }

  /** Starts draining the outbox and the scheduled reconciliation (once connected). */
  async startWorker(): Promise<void> {
    if (!this.indexes || this.worker) return;
    const settings = cmsEnvironment();
    this.worker = new OutboxWorker(this.store, this.source, this.indexes, {
      batchSize: settings.SYNC_BATCH_SIZE,
      maxBackoffMs: settings.SYNC_MAX_BACKOFF_MS,
      pollIntervalMs: settings.SYNC_POLL_INTERVAL_MS,
      onError: (error) => this.strapi.log.error(`[sync] ${error.message}`),
      onIndexed: (indexed) => {
        this.purge.notify({
          caseStudies: indexed.flatMap(({ locale, documentIds }) => documentIds.map((documentId) => ({ documentId, locale }))),
        });
        // Meilisearch answers again: search terms that failed meanwhile need not wait for their retry.
        for (const language of this.synonymRetries.keys()) void this.refreshSynonyms(language);
      },
    });
    this.worker.start();
    await this.reconcileNow();
    const interval = settings.SYNC_RECONCILE_INTERVAL_MS;
    // Once per interval across all CMS instances (database/scheduled-job.ts): two reconciliations at once would queue each repair twice.
    this.reconcileTimer = setInterval(
      () => void runScheduled(this.strapi.db.connection, 'search-reconciliation', interval, () => this.reconcileNow()),
      interval,
    );
  }

  /** MEILI_SYNC_KEY if given; otherwise the scoped sync key derived once from the master key. */
  private async syncKey(url: string): Promise<string> {
    const { MEILI_SYNC_KEY: syncKey, MEILI_MASTER_KEY: master } = cmsEnvironment();
    if (syncKey) return syncKey;
    if (!master) throw new Error('set MEILI_SYNC_KEY or MEILI_MASTER_KEY');
    return (await ensureApiKeys(createMeiliClient(url, master))).syncKey;
  }

  async reconcileNow() {
    if (!this.indexes) return [];
    try {
      const results = await reconcile(this.store, this.source, this.indexes);
      this.lastReconciledAt = new Date();
      const repairs = results.reduce((sum, r) => sum + r.missing + r.stale + r.orphaned, 0);
      if (repairs > 0) this.strapi.log.info(`[sync] reconciliation queued ${repairs} repairs: ${JSON.stringify(results)}`);
      this.notify();
      return results;
    } catch (error) {
      this.strapi.log.warn(`[sync] reconciliation failed: ${(error as Error).message}`);
      return [];
    }
  }

  /**
   * Rebuilds the indexes without downtime, then replays every change recorded
   * since the rebuild began, so nothing written meanwhile is missing from the new index.
   */
  async reindex(onProgress?: (locale: string, done: number) => void): Promise<Record<string, number>> {
    if (!this.indexes) throw new Error('Meilisearch is not connected (is MEILI_URL set and reachable?)');
    const startedAt = Date.now();
    const counts = await reindexAll(this.source, this.indexes, { onProgress });
    // A search term saved during the rebuild may have missed the new index's settings.
    for (const locale of Object.keys(counts)) await this.refreshSynonyms(locale);
    await this.store.replaySince(startedAt);
    this.notify();
    this.purge.notify({ all: true });
    return counts;
  }

  /**
   * Starts {@link reindex} in the background for the admin's "Neu indexieren", with progress in
   * `reindexJob`. False when one is already running or Meilisearch is not connected.
   */
  startReindexJob(): boolean {
    if (!this.indexes || (this.reindexJob && !this.reindexJob.finishedAt)) return false;
    const job: ReindexJob = { startedAt: new Date(), finishedAt: null, total: {}, done: {}, error: null };
    this.reindexJob = job;
    const run = async () => {
      for (const locale of await this.source.locales()) job.total[locale] = (await this.source.stamps(locale)).length;
      await this.reindex((locale, done) => (job.done[locale] = done));
    };
    void run()
      .catch((error: unknown) => {
        job.error = (error as Error).message;
        this.strapi.log.error(`[sync] reindex from the admin failed: ${job.error}`);
      })
      .finally(() => (job.finishedAt = new Date()));
    return true;
  }

  async status(): Promise<SyncStatus & { connected: boolean; failures: Awaited<ReturnType<KnexOutboxStore['failures']>> }> {
    const failures = await this.store.failures();
    if (!this.indexes) {
      const stats = await this.store.stats();
      return { ...stats, locales: [], connected: false, failures };
    }
    return { ...(await syncStatus(this.store, this.source, this.indexes)), connected: true, failures };
  }

  /** Backlog figures only (no content, no errors): cheap enough for health checks. */
  async backlog(): Promise<OutboxStats & { connected: boolean }> {
    return { ...(await this.store.stats()), connected: this.indexes !== undefined };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.setupTimer);
    clearInterval(this.reconcileTimer);
    for (const { timer } of this.synonymRetries.values()) clearTimeout(timer);
    await this.worker?.stop();
    await this.purge.stop();
  }
}

let current: SearchSync | undefined;

/** The sync of the running CMS (one per Strapi instance). */
export function searchSync(strapi: Core.Strapi): SearchSync {
  if (current?.strapi !== strapi) current = new SearchSync(strapi);
  return current;
}
