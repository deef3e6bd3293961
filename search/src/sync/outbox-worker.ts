import { sendOutboxBatch, settleOutboxBatch, type BatchResult, type ProcessOptions, type SentBatch } from './process-outbox.ts';
import type { OutboxStore, PublishedSource } from './outbox.ts';
import type { SearchIndexes } from './search-indexes.ts';

export interface WorkerOptions extends ProcessOptions {
  /** How often to look for due rows when nobody called `notify`. */
  pollIntervalMs?: number;
  onError?(error: Error): void;
  /** After each batch, with the documents Meilisearch confirmed (never awaited: it must not slow the sync). */
  onIndexed?(indexed: BatchResult['indexed']): void;
}

/**
 * Drains the outbox continuously: immediately after `notify()` (a change was
 * committed), otherwise every `pollIntervalMs` (retries that became due,
 * rows written by other processes).
 */
export class OutboxWorker {
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private notified = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly source: PublishedSource,
    private readonly indexes: SearchIndexes,
    private readonly options: WorkerOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    // The next batch is read from the CMS and sent while Meilisearch indexes the one before:
    // reading and indexing overlap instead of taking turns.
    let inFlight: SentBatch | undefined;
    while (this.running || inFlight) {
      this.notified = false;
      let next: SentBatch | undefined;
      try {
        if (this.running) next = await sendOutboxBatch(this.store, this.source, this.indexes, this.options);
      } catch (error) {
        this.options.onError?.(error as Error);
      }
      if (inFlight) {
        try {
          const batch = await settleOutboxBatch(this.store, this.indexes, inFlight, this.options);
          if (batch.indexed.length > 0) this.options.onIndexed?.(batch.indexed);
        } catch (error) {
          this.options.onError?.(error as Error);
        }
      }
      inFlight = next && next.rows.length > 0 ? next : undefined;
      const busy = inFlight !== undefined;
      if (busy || this.notified || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 1_000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
