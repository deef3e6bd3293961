import type { CaseStudyEntry } from '../content/case-study-entry.ts';
import type { IndexedStamp } from './search-indexes.ts';

/** One recorded change: "document X in locale Y (null: every locale) may have changed". */
export interface OutboxRow {
  id: number;
  documentId: string;
  locale: string | null;
  attempts: number;
}

export interface OutboxStats {
  pending: number;
  failed: number;
  lastSuccessAt: Date | null;
  oldestPendingAt: Date | null;
}

/** The outbox table, kept in the CMS database so a change and its row commit together. */
export interface OutboxStore {
  enqueue(changes: { documentId: string; locale: string | null; reason: string }[]): Promise<void>;
  /** Leases up to `limit` due rows so that no other worker takes them until `leaseMs` has passed. */
  claim(limit: number, leaseMs: number): Promise<OutboxRow[]>;
  complete(ids: number[]): Promise<void>;
  /** Keeps the rows with their error and makes them due again at `retryAt`. */
  fail(ids: number[], error: string, retryAt: Date): Promise<void>;
  stats(): Promise<OutboxStats>;
}

/** The CMS's published case studies, read with an explicit populate. */
export interface PublishedSource {
  locales(): Promise<string[]>;
  /** Published entries of these documents in this locale; absent ids are not published there. */
  findPublished(documentIds: string[], locale: string): Promise<CaseStudyEntry[]>;
  /** documentId and updatedAt (epoch ms) of every published entry in the locale. */
  stamps(locale: string): Promise<IndexedStamp[]>;
  /** A page of published entries in a stable order, for a full reindex. */
  page(locale: string, offset: number, limit: number): Promise<CaseStudyEntry[]>;
}
