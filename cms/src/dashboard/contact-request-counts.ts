// "Kontaktanfragen" on the editors' dashboard: how many requests each case study received, a
// signal of which projects others want to copy. Counts only: who wrote and what stays out of
// the admin (the mails went to the project; src/requests/contact-requests.ts).
import type { Core } from '@strapi/strapi';
import { CONTACT_PURPOSES, type ContactPurpose } from '@praxis/search';
import { CASE_STUDY } from '../editorial/roles';
import { CONTACT_REQUEST_TABLE } from '../requests/contact-requests';

export interface ContactRequestCounts {
  days: number;
  /** Requests in the last `days` days, all case studies. */
  recent: number;
  total: number;
  byPurpose: Record<ContactPurpose, number>;
  /** The case studies with the most requests in the last `days` days, then of all time. */
  items: { documentId: string; locale: string; title: string; recent: number; total: number }[];
}

interface CountRow {
  documentId: string;
  purpose?: string;
  recent: number | string;
  total: number | string;
}

export async function contactRequestCounts(strapi: Core.Strapi, days = 90, limit = 10, now = Date.now()): Promise<ContactRequestCounts> {
  const knex = strapi.db.connection;
  const since = now - days * 24 * 60 * 60 * 1000;
  const counts = (column: string) =>
    knex(CONTACT_REQUEST_TABLE)
      .select({ [column === 'purpose' ? 'purpose' : 'documentId']: column })
      .select(knex.raw('sum(case when created_at >= ? then 1 else 0 end) as recent', [since]))
      .count({ total: '*' })
      .groupBy(column) as unknown as Promise<CountRow[]>;
  const [perCaseStudy, perPurpose] = await Promise.all([counts('case_study_document_id'), counts('purpose')]);

  const byPurpose = Object.fromEntries(CONTACT_PURPOSES.map((purpose) => [purpose, 0])) as Record<ContactPurpose, number>;
  for (const row of perPurpose) if (row.purpose && row.purpose in byPurpose) byPurpose[row.purpose as ContactPurpose] = Number(row.recent);

  const top = perCaseStudy
    .map((row) => ({ documentId: row.documentId, recent: Number(row.recent), total: Number(row.total) }))
    .sort((a, b) => b.recent - a.recent || b.total - a.total)
    .slice(0, limit);
  const entries =
    top.length === 0
      ? []
      : ((await strapi.db.query(CASE_STUDY).findMany({
          where: { documentId: { $in: top.map((row) => row.documentId) } },
          select: ['documentId', 'locale', 'title'],
        })) as { documentId: string; locale: string; title: string }[]);
  // The German title where there is one: requests count for the case study, whatever its language.
  const titles = new Map<string, { locale: string; title: string }>();
  for (const entry of entries) if (!titles.has(entry.documentId) || entry.locale === 'de') titles.set(entry.documentId, entry);

  return {
    days,
    recent: perCaseStudy.reduce((sum, row) => sum + Number(row.recent), 0),
    total: perCaseStudy.reduce((sum, row) => sum + Number(row.total), 0),
    byPurpose,
    items: top.flatMap((row) => {
      const entry = titles.get(row.documentId);
      // A deleted case study's requests still count in the totals, but have no line to link to.
      return entry ? [{ ...row, ...entry }] : [];
    }),
  };
}
