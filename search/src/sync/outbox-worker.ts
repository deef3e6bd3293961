import { processOutboxBatch, type BatchResult, type ProcessOptions } from './process-outbox.ts';
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
    while (this.running) {
      this.notified = false;
      let busy = false;
      try {
        const batch = await processOutboxBatch(this.store, this.source, this.indexes, this.options);
        busy = batch.rows > 0 && batch.failedRows < batch.rows;
        if (batch.indexed.length > 0) this.options.onIndexed?.(batch.indexed);
      } catch (error) {
        this.options.onError?.(error as Error);
      }
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
