import type { Core } from '@strapi/strapi';
import { reindexAll, syncStatus, type OutboxStats, type ReconcileResult, type SearchIndexes, type SyncStatus } from '@praxis/search';
import { KnexOutboxStore } from './knex-outbox-store';
import { runScheduled } from '../database/scheduled-job';
import { purgeNotifierFromEnv, type SitePurgeNotifier } from './site-purge-notifier';
import { StrapiPublishedSource } from './strapi-source';
import { SyncTarget } from './sync-target';
import { cmsEnvironment, meiliTargets } from '../config/environment';

/** A full reindex started from the admin, as its dashboard widget shows it. */
export interface ReindexJob {
  startedAt: Date;
  finishedAt: Date | null;
  /** Published case studies per locale when it started (times the Meilisearch instances), and how many are in the new indexes so far. */
  total: Record<string, number>;
  done: Record<string, number>;
  error: string | null;
}

/** One Meilisearch as the status views show it. */
export interface TargetStatus extends OutboxStats {
  url: string;
  connected: boolean;
  reachable: boolean;
  locales: SyncStatus['locales'];
  lastReconciledAt: Date | null;
}

/**
 * The CMS side of the search sync: owns the outbox store and one {@link SyncTarget} per
 * Meilisearch (MEILI_URL, then MEILI_REPLICA_URLS), each with its own outbox rows, worker and
 * reconciliation. Without MEILI_URL it only records changes, which a later start with Meilisearch
 * then catches up on.
 */
export class SearchSync {
  readonly store: KnexOutboxStore;
  readonly source: StrapiPublishedSource;
  /** Tells the site which cached pages to drop once Meilisearch confirmed a change. */
  readonly purge: SitePurgeNotifier;
  readonly targets: SyncTarget[];
  private reconcileTimer: NodeJS.Timeout | undefined;
  private started = false;
  reindexJob: ReindexJob | undefined;

  constructor(readonly strapi: Core.Strapi) {
    this.store = new KnexOutboxStore(strapi.db.connection, meiliTargets());
    this.source = new StrapiPublishedSource(strapi);
    this.purge = purgeNotifierFromEnv(strapi.log);
    const context = { strapi, source: this.source, store: this.store, purge: this.purge };
    this.targets = this.store.targets.map((url) => new SyncTarget(url, context));
  }

  /** The first connected Meilisearch's indexes (undefined while none is connected). */
  get indexes(): SearchIndexes | undefined {
    return this.targets.find((target) => target.indexes)?.indexes;
  }

  /** When every connected Meilisearch was last reconciled (the oldest of them). */
  get lastReconciledAt(): Date | null {
    const times = this.targets.filter((target) => target.indexes).map((target) => target.lastReconciledAt);
    if (times.length === 0 || times.some((time) => time === null)) return null;
    return new Date(Math.min(...times.map((time) => time!.getTime())));
  }

  notify(): void {
    for (const target of this.targets) target.notify();
  }

  /** Starts indexing into every Meilisearch: keys, indexes, workers, reconciliation. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.targets.length === 0) {
      this.strapi.log.warn('[sync] MEILI_URL is not set: changes are recorded in the outbox but not indexed.');
      return;
    }
    if (cmsEnvironment().SEARCH_SYNC_WORKER) {
      // Changes recorded before rows named their Meilisearch, or while none was configured.
      const adopted = await this.store.adoptUntargeted();
      if (adopted > 0) this.strapi.log.info(`[sync] ${adopted} waiting changes handed to ${this.targets.length} Meilisearch instance(s)`);
      const interval = cmsEnvironment().SYNC_RECONCILE_INTERVAL_MS;
      // Once per interval across all CMS instances (database/scheduled-job.ts): two reconciliations at once would queue each repair twice.
      this.reconcileTimer = setInterval(
        () => void runScheduled(this.strapi.db.connection, 'search-reconciliation', interval, () => this.reconcileNow()),
        interval,
      );
    }
    // One Meilisearch that is down does not hold up the others.
    await Promise.all(this.targets.map((target) => target.connect()));
  }

  /** Applies a language's synonym sets to every Meilisearch (never throws; see SyncTarget.refreshSynonyms). */
  async refreshSynonyms(language: string): Promise<void> {
    await Promise.all(this.targets.map((target) => target.refreshSynonyms(language)));
  }

  /** Starts the workers of the connected targets (the CLIs connect without them). */
  async startWorker(): Promise<void> {
    for (const target of this.targets) await target.startWorker();
  }

  /**
   * Reconciles every connected Meilisearch; the results of all of them together. First hands out
   * rows that name no Meilisearch (written meanwhile by a CMS of the release before, during a
   * rolling update).
   */
  async reconcileNow(): Promise<(ReconcileResult & { target: string })[]> {
    await this.store
      .adoptUntargeted()
      .catch((error: unknown) => this.strapi.log.warn(`[sync] handing out waiting changes failed: ${(error as Error).message}`));
    const results: (ReconcileResult & { target: string })[] = [];
    for (const target of this.targets) results.push(...(await target.reconcileNow()).map((result) => ({ ...result, target: target.url })));
    return results;
  }

  /**
   * Rebuilds the indexes of every reachable Meilisearch without downtime, one after the other, then
   * replays every change recorded since its rebuild began, so nothing written meanwhile is missing
   * from a new index. One that is unreachable is left out (its reconciliation catches it up when it
   * is back), and the reindex then fails naming it, after the others were rebuilt.
   */
  async reindex(onProgress?: (locale: string, done: number) => void): Promise<Record<string, number>> {
    const ready = this.targets.filter((target) => target.indexes && target.reachable);
    if (ready.length === 0) throw new Error('Meilisearch is not connected (is MEILI_URL set and reachable?)');
    const doneBefore: Record<string, number> = {};
    let counts: Record<string, number> = {};
    for (const target of ready) {
      const startedAt = Date.now();
      counts = await reindexAll(this.source, target.indexes!, { onProgress: (locale, done) => onProgress?.(locale, (doneBefore[locale] ?? 0) + done) });
      for (const [locale, count] of Object.entries(counts)) doneBefore[locale] = (doneBefore[locale] ?? 0) + count;
      // A search term saved during the rebuild may have missed the new index's settings.
      for (const locale of Object.keys(counts)) await target.refreshSynonyms(locale);
      await target.store.replaySince(startedAt);
      target.notify();
    }
    this.purge.notify({ all: true });
    const left = this.targets.filter((target) => !ready.includes(target));
    if (left.length > 0) throw new Error(`Meilisearch at ${left.map((target) => target.url).join(', ')} not reachable: not reindexed (the others were)`);
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
    const instances = this.targets.filter((target) => target.indexes && target.reachable).length;
    const run = async () => {
      for (const locale of await this.source.locales()) job.total[locale] = (await this.source.stamps(locale)).length * instances;
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

  /**
   * Backlog, failures and counts: over all Meilisearch instances together (`locales` are the first
   * connected one's), and per instance in `targets`.
   */
  async status(): Promise<SyncStatus & { connected: boolean; failures: Awaited<ReturnType<KnexOutboxStore['failures']>>; targets: TargetStatus[] }> {
    const failures = await this.store.failures();
    const targets: TargetStatus[] = [];
    for (const target of this.targets) {
      const base = { url: target.url, connected: target.indexes !== undefined, reachable: target.reachable, lastReconciledAt: target.lastReconciledAt };
      if (!target.indexes) targets.push({ ...base, ...(await target.store.stats()), locales: [] });
      else targets.push({ ...base, ...(await syncStatus(target.store, this.source, target.indexes)) });
    }
    const first = targets.find((target) => target.connected);
    return { ...(await this.store.stats()), locales: first?.locales ?? [], connected: first !== undefined, failures, targets };
  }

  /**
   * Backlog figures only (no content, no errors, no addresses: the answer is public): cheap enough
   * for health checks. `targets` are per Meilisearch, in the order MEILI_URL, MEILI_REPLICA_URLS.
   */
  async backlog(): Promise<OutboxStats & { connected: boolean; targets: (OutboxStats & { reachable: boolean })[] }> {
    const targets = [];
    for (const target of this.targets) targets.push({ reachable: target.reachable, ...(await target.store.stats()) });
    return { ...(await this.store.stats()), connected: this.indexes !== undefined, targets };
  }

  async stop(): Promise<void> {
    clearInterval(this.reconcileTimer);
    await Promise.all(this.targets.map((target) => target.stop()));
    await this.purge.stop();
  }
}

let current: SearchSync | undefined;

/** The sync of the running CMS (one per Strapi instance). */
export function searchSync(strapi: Core.Strapi): SearchSync {
  if (current?.strapi !== strapi) current = new SearchSync(strapi);
  return current;
}
