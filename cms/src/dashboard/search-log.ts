import type { Knex } from 'knex';

/**
 * What practitioners searched for, counted per day, language, normalised query text and the
 * filters set with it: no address, no user, no cookie, no time of day (the Datenschutz page says
 * so). Created and changed by the migrations in cms/database/migrations/. The site sends
 * its counts in batches (POST /api/search-statistics); editors see the most frequent searches and
 * those that found nothing in the dashboard, which tells them which case studies are missing.
 */
export const SEARCH_LOG_TABLE = 'praxis_search_log';
/** Days a count is kept; the dashboard looks back 30 days at most. */
export const SEARCH_LOG_RETENTION_DAYS = 90;
/** Longest `filters` text (the site sends each facet's number of values instead of a longer list). */
export const SEARCH_FILTERS_MAX_LENGTH = 500;

export interface SearchCount {
  locale: string;
  query: string;
  /**
   * The filters set with the query, as the site describes them (JSON; `{}` for none). Missing
   * from a site of the 2026-12 release, and null in the rows counted before: not known.
   */
  filters?: string;
  searches: number;
  withoutResults: number;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Adds a batch of counts to today's rows (one per language, query and filters), and forgets days older than the retention. */
export async function recordSearches(knex: Knex, counts: SearchCount[], now = new Date()): Promise<void> {
  if (counts.length === 0) return;
  const today = day(now);
  await knex.transaction(async (trx) => {
    for (const count of counts) {
      const key = { day: today, locale: count.locale, query: count.query };
      const add = {
        searches: trx.raw('?? + ?', [`${SEARCH_LOG_TABLE}.searches`, count.searches]),
        without_results: trx.raw('?? + ?', [`${SEARCH_LOG_TABLE}.without_results`, count.withoutResults]),
      };
      const row = { ...key, filters: count.filters ?? null, searches: count.searches, without_results: count.withoutResults };
      if (count.filters === undefined) {
        // No unique index tells two unknown (null) filters apart: add to that row by hand.
        if ((await trx(SEARCH_LOG_TABLE).where(key).whereNull('filters').update(add)) === 0) await trx(SEARCH_LOG_TABLE).insert(row);
      } else {
        await trx(SEARCH_LOG_TABLE).insert(row).onConflict(['day', 'locale', 'query', 'filters']).merge(add);
      }
    }
    await trx(SEARCH_LOG_TABLE)
      .where('day', '<', day(new Date(now.getTime() - SEARCH_LOG_RETENTION_DAYS * 86_400_000)))
      .delete();
  });
}

export interface TopSearch {
  query: string;
  locale: string;
  searches: number;
  withoutResults: number;
  /** On how many different days it was searched. */
  daysSearched: number;
  /** On how many different days it found nothing: 6 days is a gap in the content, 40 misses on one day are one person or one script. */
  daysWithoutResults: number;
}

/**
 * The most frequent searches of the last `days` days, and those that found nothing, the ones that
 * found nothing on the most days first (then the most misses). Counted in SQL, the same on SQLite
 * and PostgreSQL.
 */
export async function topSearches(knex: Knex, days: number, limit = 10, now = new Date()): Promise<{ withoutResults: TopSearch[]; mostFrequent: TopSearch[] }> {
  const since = day(new Date(now.getTime() - (days - 1) * 86_400_000));
  const daysSearched = 'count(distinct case when searches > 0 then day end)';
  const daysWithoutResults = 'count(distinct case when without_results > 0 then day end)';
  const totals = () =>
    knex(SEARCH_LOG_TABLE)
      .where('day', '>=', since)
      .where('day', '<=', day(now))
      .select('query', 'locale', knex.raw(`${daysSearched} as ??`, ['daysSearched']), knex.raw(`${daysWithoutResults} as ??`, ['daysWithoutResults']))
      .sum({ searches: 'searches', withoutResults: 'without_results' })
      .groupBy('query', 'locale');
  type Row = { query: string; locale: string; searches: unknown; withoutResults: unknown; daysSearched: unknown; daysWithoutResults: unknown };
  // PostgreSQL answers sums and counts as strings (bigint).
  const read = (rows: Record<string, unknown>[]): TopSearch[] =>
    (rows as Row[]).map((row) => ({
      query: row.query,
      locale: row.locale,
      searches: Number(row.searches),
      withoutResults: Number(row.withoutResults),
      daysSearched: Number(row.daysSearched),
      daysWithoutResults: Number(row.daysWithoutResults),
    }));
  const [withoutResults, mostFrequent] = await Promise.all([
    totals().havingRaw('sum(without_results) > 0').orderByRaw(`${daysWithoutResults} desc, sum(without_results) desc, query asc, locale asc`).limit(limit),
    totals().orderByRaw('sum(searches) desc, query asc, locale asc').limit(limit),
  ]);
  return { withoutResults: read(withoutResults), mostFrequent: read(mostFrequent) };
}
