import type { Core } from '@strapi/strapi';
import { createMeiliClient, ensureApiKeys, OutboxWorker, reconcile, SearchIndexes, type ReconcileResult } from '@praxis/search';
import { cmsEnvironment } from '../config/environment';
import type { KnexOutboxStore } from './knex-outbox-store';
import { connectRetryMs, nextSynonymRetryMs } from './retry-delays';
import { synonymSetsOf } from './search-terms';
import type { SitePurgeNotifier } from './site-purge-notifier';
import type { StrapiPublishedSource } from './strapi-source';

/** What every target shares: the CMS, its published entries, the outbox and the site's purge notices. */
export interface SyncContext {
  strapi: Core.Strapi;
  source: StrapiPublishedSource;
  store: KnexOutboxStore;
  purge: SitePurgeNotifier;
}

/**
 * One Meilisearch the sync writes to, with its own outbox rows, worker, synonym updates and
 * reconciliation: while it is down its rows wait (with backoff) and nothing else does. Once
 * connected it checks the Meilisearch's health every poll interval; when it answers again after
 * an outage, its indexes and settings are made sure of (a Meilisearch that lost its data gets them
 * back), its failed rows are made due at once and it is reconciled.
 */
export class SyncTarget {
  readonly store: KnexOutboxStore;
  indexes: SearchIndexes | undefined;
  /** False from a failed health check until the Meilisearch answers and is caught up on again. */
  reachable = false;
  lastReconciledAt: Date | null = null;
  private worker: OutboxWorker | undefined;
  private setupTimer: NodeJS.Timeout | undefined;
  private healthTimer: NodeJS.Timeout | undefined;
  private checking = false;
  private stopped = false;
  /** Per language: the synonym update waiting to run (changes meanwhile join it) and the chain it runs on. */
  private readonly synonymRuns = new Map<string, { waiting?: Promise<void>; tail: Promise<void> }>();
  private readonly synonymRetries = new Map<string, { timer: NodeJS.Timeout; delayMs: number }>();
  /** Languages whose sets changed before the target was connected (perhaps after connecting read them). */
  private readonly synonymsChangedOffline = new Set<string>();

  constructor(
    readonly url: string,
    private readonly context: SyncContext,
  ) {
    this.store = context.store.forTarget(url);
  }

  private get log() {
    return this.context.strapi.log;
  }

  notify(): void {
    this.worker?.notify();
  }

  /** Sets up keys and indexes; while the Meilisearch is unreachable it retries in the background. */
  async connect(): Promise<void> {
    try {
      const key = await this.syncKey();
      // ensureIndex applies the editors' synonym sets with the settings: a change made while
      // Meilisearch was away reaches the index here.
      const indexes = new SearchIndexes(createMeiliClient(this.url, key), { synonymSets: (locale) => synonymSetsOf(this.context.strapi, locale) });
      for (const locale of await this.context.source.locales()) await indexes.ensureIndex(locale);
      this.indexes = indexes;
      this.reachable = true;
      for (const language of this.synonymsChangedOffline) void this.refreshSynonyms(language);
      this.synonymsChangedOffline.clear();
    } catch (error) {
      const delayMs = connectRetryMs(cmsEnvironment().SYNC_MAX_BACKOFF_MS);
      this.log.warn(
        `[sync] Meilisearch at ${this.url} not ready (${(error as Error).message}); retrying in ${delayMs / 1000} s. Changes are kept in the outbox.`,
      );
      if (!this.stopped) this.setupTimer = setTimeout(() => void this.connect(), delayMs);
      return;
    }
    // CLIs (reindex, sync:status) connect but leave draining to the running CMS.
    if (!cmsEnvironment().SEARCH_SYNC_WORKER) return;
    await this.startWorker();
    this.log.info(`[sync] indexing into Meilisearch at ${this.url}`);
  }

  /** MEILI_SYNC_KEY if given; otherwise the scoped sync key derived once from the master key (the same key at every Meilisearch with that master key). */
  private async syncKey(): Promise<string> {
    const { MEILI_SYNC_KEY: syncKey, MEILI_MASTER_KEY: master } = cmsEnvironment();
    if (syncKey) return syncKey;
    if (!master) throw new Error('set MEILI_SYNC_KEY or MEILI_MASTER_KEY');
    return (await ensureApiKeys(createMeiliClient(this.url, master))).syncKey;
  }

  /** Starts draining this target's rows and watching its health (once connected). */
  async startWorker(): Promise<void> {
    if (!this.indexes || this.worker || this.stopped) return;
    const settings = cmsEnvironment();
    this.worker = new OutboxWorker(this.store, this.context.source, this.indexes, {
      batchSize: settings.SYNC_BATCH_SIZE,
      maxBackoffMs: settings.SYNC_MAX_BACKOFF_MS,
      pollIntervalMs: settings.SYNC_POLL_INTERVAL_MS,
      onError: (error) => this.log.error(`[sync] ${this.url}: ${error.message}`),
      onIndexed: (indexed) => {
        this.context.purge.notify({
          caseStudies: indexed.flatMap(({ locale, documentIds }) => documentIds.map((documentId) => ({ documentId, locale }))),
        });
        // Meilisearch answers again: search terms that failed meanwhile need not wait for their retry.
        for (const language of this.synonymRetries.keys()) void this.refreshSynonyms(language);
      },
    });
    this.worker.start();
    await this.reconcileNow();
    this.healthTimer = setInterval(() => void this.checkHealth(), settings.SYNC_POLL_INTERVAL_MS);
  }

  /** One health check; after an outage it catches the Meilisearch up before it counts as reachable. */
  private async checkHealth(): Promise<void> {
    const indexes = this.indexes;
    if (!indexes || this.checking || this.stopped) return;
    this.checking = true;
    try {
      await indexes.client.health();
      if (!this.reachable) await this.catchUp(indexes);
    } catch (error) {
      if (this.reachable) this.log.warn(`[sync] Meilisearch at ${this.url} unreachable (${(error as Error).message}): its changes wait in the outbox.`);
      this.reachable = false;
    } finally {
      this.checking = false;
    }
  }

  private async catchUp(indexes: SearchIndexes): Promise<void> {
    for (const locale of await this.context.source.locales()) await indexes.ensureIndex(locale);
    for (const { timer } of this.synonymRetries.values()) clearTimeout(timer);
    this.synonymRetries.clear();
    const due = await this.store.retryNow();
    this.reachable = true;
    this.log.info(`[sync] Meilisearch at ${this.url} reachable again: ${due} waiting changes retried now, reconciling.`);
    this.notify();
    await this.reconcileNow();
  }

  async reconcileNow(): Promise<ReconcileResult[]> {
    if (!this.indexes) return [];
    try {
      const results = await reconcile(this.store, this.context.source, this.indexes);
      this.lastReconciledAt = new Date();
      const repairs = results.reduce((sum, r) => sum + r.missing + r.stale + r.orphaned, 0);
      if (repairs > 0) this.log.info(`[sync] reconciliation of ${this.url} queued ${repairs} repairs: ${JSON.stringify(results)}`);
      this.notify();
      return results;
    } catch (error) {
      this.log.warn(`[sync] reconciliation of ${this.url} failed: ${(error as Error).message}`);
      return [];
    }
  }

  /**
   * Applies a language's synonym sets, as the database holds them when the update runs, to this
   * Meilisearch's index (synonyms only: no document is re-indexed). Updates of a language run one
   * after another, and changes made while one waits join it. Never throws: while the Meilisearch
   * is unreachable it retries in the background, and until it is connected there is nothing to
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
      const sets = await synonymSetsOf(this.context.strapi, language);
      await indexes.applySynonyms(language, sets);
      this.log.info(`[sync] search terms (${language}) applied at ${this.url}: ${sets.length} sets`);
      // The site's cached search pages were made with the old synonyms.
      this.context.purge.notify({ vocabulary: true });
    } catch (error) {
      if (this.stopped) return;
      const delayMs = nextSynonymRetryMs(retry?.delayMs, cmsEnvironment().SYNC_MAX_BACKOFF_MS);
      this.log.warn(`[sync] search terms (${language}) not applied at ${this.url} (${(error as Error).message}); retrying in ${delayMs / 1000} s.`);
      this.synonymRetries.set(language, { delayMs, timer: setTimeout(() => void this.refreshSynonyms(language), delayMs) });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.setupTimer);
    clearInterval(this.healthTimer);
    for (const { timer } of this.synonymRetries.values()) clearTimeout(timer);
    await this.worker?.stop();
  }
}
