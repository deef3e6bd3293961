import type { Core } from '@strapi/strapi';
import { CASE_STUDY, TRANSFER_REPORT } from '../editorial/roles';
import { cmsEnvironment } from '../config/environment';
import type { Actor } from '../history/actor';
import { lastActors } from '../history/history-table';
import { record } from '../history/record-history';

/** Months after which a published case study is due for review again (REVIEW_INTERVAL_MONTHS). */
export function reviewIntervalMonths(): number {
  const months = cmsEnvironment().REVIEW_INTERVAL_MONTHS;
  return Number.isInteger(months) && months > 0 ? months : 12;
}

export interface QueueItem {
  documentId: string;
  locale: string;
  title: string;
}

interface Row {
  documentId: string;
  locale: string;
  title: string;
  submitted?: boolean | number | null;
  updatedAt?: string | Date;
  lastReviewed?: string | null;
}

/** Drafts waiting for the Chefredaktion ("Zur Prüfung"), the longest waiting first, with who sent them. */
export async function reviewQueue(
  strapi: Core.Strapi,
  limit = 10,
): Promise<{ total: number; items: (QueueItem & { sentAt: string; sentBy: string | null; submitted: boolean })[] }> {
  const where = { editorialState: 'zur-pruefung', publishedAt: null };
  const [rows, total] = await Promise.all([
    strapi.db.query(CASE_STUDY).findMany({
      where,
      select: ['documentId', 'locale', 'title', 'updatedAt', 'submitted'],
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      limit,
    }) as Promise<Row[]>,
    strapi.db.query(CASE_STUDY).count({ where }),
  ]);
  // Who sent it and when: the record's last submission to review, or the import, form or first save that wrote it so
  // (a later save by the reviewer does not make the entry theirs).
  const sent = await lastActors(strapi.db.connection, rows, ['create', 'submit', 'import', 'submission']);
  return {
    total,
    items: rows.map((row) => {
      const by = sent.get(`${row.documentId}:${row.locale}`);
      return {
        documentId: row.documentId,
        locale: row.locale,
        title: row.title,
        sentAt: new Date(by?.at ?? row.updatedAt!).toISOString(),
        sentBy: by?.name ?? null,
        submitted: Boolean(row.submitted),
      };
    }),
  };
}

/** The date `months` before `now`, as YYYY-MM-DD. */
function monthsBefore(now: Date, months: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return date.toISOString().slice(0, 10);
}

/**
 * Published case studies whose "Zuletzt geprüft" is missing or older than the review interval,
 * never reviewed first, then the oldest review. One entry per case study (the German title
 * where there is one): the date holds for every language.
 */
export async function reviewDue(
  strapi: Core.Strapi,
  limit = 10,
  now = new Date(),
): Promise<{ total: number; months: number; items: (QueueItem & { lastReviewed: string | null })[] }> {
  const months = reviewIntervalMonths();
  const rows = (await strapi.db.query(CASE_STUDY).findMany({
    where: { publishedAt: { $notNull: true }, $or: [{ lastReviewed: { $null: true } }, { lastReviewed: { $lt: monthsBefore(now, months) } }] },
    select: ['documentId', 'locale', 'title', 'lastReviewed'],
  })) as Row[];
  const byDocument = new Map<string, Row>();
  for (const row of rows) if (!byDocument.has(row.documentId) || row.locale === 'de') byDocument.set(row.documentId, row);
  const due = [...byDocument.values()].sort((a, b) => (a.lastReviewed ?? '').localeCompare(b.lastReviewed ?? '') || a.title.localeCompare(b.title, 'de'));
  return {
    total: due.length,
    months,
    items: due.slice(0, limit).map((row) => ({ documentId: row.documentId, locale: row.locale, title: row.title, lastReviewed: row.lastReviewed ?? null })),
  };
}

/**
 * "Als geprüft markieren": today's date on every version and language of the case study. It is
 * a fact about the case study, not an edit of its text, so it neither touches nor publishes a
 * pending draft. Returns false when there is no such case study.
 */
export async function markReviewed(strapi: Core.Strapi, documentId: string, now = new Date(), actor?: Actor): Promise<boolean> {
  const { count } = await strapi.db
    .query(CASE_STUDY)
    .updateMany({ where: { documentId }, data: { lastReviewed: now.toISOString().slice(0, 10), ...(actor?.id ? { updatedBy: actor.id } : {}) } });
  // The button's own act, recorded for each language (publishing records itself).
  if (count > 0 && actor) {
    const locales = (await strapi.db.query(CASE_STUDY).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] })) as {
      locale: string;
    }[];
    await record(
      strapi,
      [...new Set(locales.map((row) => row.locale))].map((locale) => ({ documentId, locale, action: 'reviewed', actor, fields: ['lastReviewed'] })),
    );
  }
  return count > 0;
}

/**
 * Reports of "Nachnutzung melden" waiting for review: confirmed by their reporter, not yet
 * published, the longest waiting first.
 */
export async function transferReportQueue(
  strapi: Core.Strapi,
  limit = 10,
): Promise<{ total: number; items: { documentId: string; title: string; since: number; sentAt: string }[] }> {
  const where = { editorialState: 'zur-pruefung', publishedAt: null };
  const [rows, total] = await Promise.all([
    strapi.db.query(TRANSFER_REPORT).findMany({
      where,
      select: ['documentId', 'title', 'since', 'createdAt'],
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      limit,
    }) as Promise<{ documentId: string; title: string; since: number; createdAt: string | Date }[]>,
    strapi.db.query(TRANSFER_REPORT).count({ where }),
  ]);
  return {
    total,
    items: rows.map((row) => ({ documentId: row.documentId, title: row.title, since: row.since, sentAt: new Date(row.createdAt).toISOString() })),
  };
}
