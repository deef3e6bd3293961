// The CMS's own tables come from Strapi's database migrations (cms/database/migrations/), on SQLite
// and PostgreSQL alike (`npm run test:postgres` runs this file on PostgreSQL): an empty database
// gets them; a database the 2026-12 release built (its tables made at boot, a row in each) keeps
// every row and gets the new schema; a second start runs no migration again.
import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SEARCH_FILTERS_MAX_LENGTH, SEARCH_LOG_TABLE, topSearches } from '../../src/dashboard/search-log';
import { MAIL_TABLE } from '../../src/mail/mail-queue';
import { CONTACT_REQUEST_TABLE } from '../../src/requests/contact-requests';
import { SUBMISSION_IMAGE_TABLE, SUBMISSION_TABLE } from '../../src/requests/submission-tables';
import { OUTBOX_TABLE } from '../../src/sync/outbox-table';
import { HISTORY_TABLE } from '../../src/history/history-table';
import { REVIEW_COMMENT_TABLE } from '../../src/review/review-table';
import { DIGEST_TABLE, NOTIFICATION_SETTINGS_TABLE } from '../../src/notifications/settings-table';
import { TRASH_TABLE } from '../../src/trash/trash-table';
import { SCHEDULED_JOBS_TABLE } from '../../src/database/scheduled-job';
import { TRANSFER_REPORT_TABLE } from '../../src/requests/transfer-reports';
import { createReleaseTables, insertReleaseRows, RELEASE_ROWS, RELEASE_TABLES } from '../helpers/release-2026-12.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.mts';

const MIGRATIONS = [
  '2026.12.07T00.00.00.own-tables.js',
  '2026.12.07T16.00.00.search-log-filters.js',
  '2026.12.08T00.00.00.editorial-history.js',
  '2026.12.08T00.00.01.review-comments.js',
  '2026.12.08T00.00.02.notifications.js',
  '2026.12.08T00.00.03.trash.js',
  '2026.12.08T00.00.04.scheduled-jobs.js',
  '2026.12.08T00.00.05.outbox-target.js',
  '2026.12.08T01.00.00.transfer-reports.js',
  '2026.12.08T01.00.01.contact-follow-up.js',
];
/** Tables the release did not have: made by later migrations. */
const NEWER_TABLES = [HISTORY_TABLE, REVIEW_COMMENT_TABLE, NOTIFICATION_SETTINGS_TABLE, DIGEST_TABLE, TRASH_TABLE, SCHEDULED_JOBS_TABLE, TRANSFER_REPORT_TABLE];
const TABLES = {
  outbox: OUTBOX_TABLE,
  searchLog: SEARCH_LOG_TABLE,
  mail: MAIL_TABLE,
  contactRequests: CONTACT_REQUEST_TABLE,
  submissions: SUBMISSION_TABLE,
  submissionImages: SUBMISSION_IMAGE_TABLE,
};
/** The contact requests got the follow-up's columns (issue 39), the search log its filters, the outbox its target. */
const FOLLOW_UP_COLUMNS = ['follow_up_consent', 'follow_up_sent_at', 'follow_up_unsubscribed_at'];
const UNCHANGED = Object.values(TABLES).filter((name) => name !== SEARCH_LOG_TABLE && name !== CONTACT_REQUEST_TABLE && name !== OUTBOX_TABLE);

// knex as @strapi/database has it (the CMS does not depend on knex itself).
const knexOf = createRequire(createRequire(import.meta.url).resolve('@strapi/database'))('knex') as typeof import('knex').knex;
function connect(database: TestDatabase): Knex {
  return database.env.DATABASE_CLIENT === 'postgres'
    ? knexOf({ client: 'pg', connection: database.env.DATABASE_URL })
    : knexOf({ client: 'better-sqlite3', connection: { filename: database.env.DATABASE_FILENAME! }, useNullAsDefault: true });
}

interface Index {
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
}
/** A table's columns (knex's columnInfo) and indexes, on either database. */
async function shapeOf(knex: Knex, table: string): Promise<{ columns: Record<string, Knex.ColumnInfo>; indexes: Index[] }> {
  const columns = await knex(table).columnInfo();
  let indexes: Index[];
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw(
      `
      select i.relname as name, x.indisunique as "unique", x.indisprimary as "primary",
        array(select a.attname from unnest(x.indkey::int2[]) with ordinality k(attnum, n)
          join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum order by k.n)::text[] as columns
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname = ? order by i.relname`,
      [table],
    );
    indexes = rows;
  } else {
    const list: { name: string; unique: number; origin: string }[] = await knex.raw(`pragma index_list(${JSON.stringify(table)})`);
    indexes = await Promise.all(
      list.map(async (index) => ({
        name: index.name,
        unique: index.unique === 1,
        primary: index.origin === 'pk',
        columns: ((await knex.raw(`pragma index_info(${JSON.stringify(index.name)})`)) as { name: string }[]).map((column) => column.name),
      })),
    );
    indexes.sort((a, b) => a.name.localeCompare(b.name));
  }
  return { columns, indexes };
}

const shapesOf = async (knex: Knex) =>
  Object.fromEntries(await Promise.all(Object.values(TABLES).map(async (name) => [name, await shapeOf(knex, name)] as const)));

/** PostgreSQL answers bigint columns (the epoch milliseconds) as strings. */
const plain = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^\d{13}$/.test(value) ? Number(value) : value]));

const migrationsRun = async (cms: TestStrapi) =>
  (await cms.strapi.db.connection('strapi_migrations').select('name', 'time').orderBy('id')).map((row: { name: string; time: unknown }) => ({
    name: row.name,
    time: String(row.time),
  }));

/** A copy of the seeded template as the 2026-12 release left it: the own tables made by its boot code, a row in each, no migration run. */
async function releaseDatabase(options: { firstRelease?: boolean } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase(inject('cmsTemplates').seeded);
  const knex = connect(database);
  try {
    for (const name of [...Object.values(TABLES), ...NEWER_TABLES, 'strapi_migrations']) await knex.schema.dropTableIfExists(name);
    await createReleaseTables(knex, options);
    await insertReleaseRows(knex, options);
  } finally {
    await knex.destroy();
  }
  return database;
}

/** The Strapi instances still running, stopped (and their databases dropped) at the end. */
const running = new Set<TestStrapi>();
async function stopAll(): Promise<void> {
  for (const cms of running) await cms.stop();
  running.clear();
}
/** Starts a test Strapi (one at a time: a process holds one Strapi). */
async function start(options: Parameters<typeof startTestStrapi>[0]): Promise<TestStrapi> {
  await stopAll();
  const cms = await startTestStrapi(options);
  running.add(cms);
  return cms;
}
afterAll(stopAll);

/** A release row as read back: the serial id it got (every table's first row), and no known filters in the search log. */
const releaseRow = (key: keyof typeof TABLES) =>
  key === 'searchLog'
    ? { ...RELEASE_ROWS[key], filters: null }
    : key === 'contactRequests'
      ? // Without the follow-up's consent: it did not exist then.
        {
          id: 1,
          ...RELEASE_ROWS[key],
          follow_up_consent: expect.toSatisfy((value: unknown) => !value),
          follow_up_sent_at: null,
          follow_up_unsubscribed_at: null,
        }
      : // An outbox row of the release names no Meilisearch: the sync hands it to each configured one.
        { id: 1, ...RELEASE_ROWS[key], ...(key === 'outbox' ? { target: null } : {}) };

/** What the migrations make of an empty database; the upgraded ones must look the same. */
let migrated: Awaited<ReturnType<typeof shapesOf>>;

describe('database migrations', () => {
  it('keeps the table names the release used', () => {
    expect(TABLES).toEqual(RELEASE_TABLES);
  });

  it("create the own tables on an empty database, as the release made them, with the search log's filters", async () => {
    const cms = await start({ database: 'empty' });
    migrated = await shapesOf(cms.strapi.db.connection);
    expect((await migrationsRun(cms)).map((row) => row.name)).toEqual(MIGRATIONS);
    await stopAll();

    // The release's tables, made by its code on a database of their own.
    const scratch = await createTestDatabase();
    const knex = connect(scratch);
    let release: typeof migrated;
    try {
      await createReleaseTables(knex);
      release = await shapesOf(knex);
    } finally {
      await knex.destroy();
      await scratch.drop();
    }
    for (const name of UNCHANGED) expect(migrated[name], name).toEqual(release[name]);
    const contact = migrated[CONTACT_REQUEST_TABLE]!;
    expect(Object.fromEntries(Object.entries(contact.columns).filter(([column]) => !FOLLOW_UP_COLUMNS.includes(column)))).toEqual(
      release[CONTACT_REQUEST_TABLE]!.columns,
    );
    for (const column of FOLLOW_UP_COLUMNS) expect(contact.columns, column).toHaveProperty(column);
    expect(contact.indexes).toEqual(release[CONTACT_REQUEST_TABLE]!.indexes);

    // The outbox gets the Meilisearch each row is for, and an index to claim one Meilisearch's rows by.
    const outbox = migrated[OUTBOX_TABLE]!;
    const { target, ...releaseColumns } = outbox.columns;
    expect(releaseColumns).toEqual(release[OUTBOX_TABLE]!.columns);
    expect(target).toMatchObject({ nullable: true });
    expect(Number(target!.maxLength)).toBe(255);
    expect(outbox.indexes.filter((index) => index.name !== 'praxis_sync_outbox_target_idx')).toEqual(release[OUTBOX_TABLE]!.indexes);
    expect(outbox.indexes).toContainEqual({ name: 'praxis_sync_outbox_target_idx', unique: false, primary: false, columns: ['target', 'done_at', 'due_at'] });

    const log = migrated[SEARCH_LOG_TABLE]!;
    expect(Object.keys(log.columns).sort()).toEqual(['day', 'filters', 'locale', 'query', 'searches', 'without_results']);
    expect(log.columns.filters).toMatchObject({ nullable: true });
    expect(Number(log.columns.filters!.maxLength)).toBe(SEARCH_FILTERS_MAX_LENGTH);
    const { filters: _filters, ...before } = log.columns;
    expect(before).toEqual(release[SEARCH_LOG_TABLE]!.columns);
    // The key of a row: day, language, query text and filters (a unique index: a primary key cannot hold null).
    expect(log.indexes.filter((index) => index.primary)).toEqual([]);
    expect(log.indexes).toContainEqual({ name: 'praxis_search_log_search_idx', unique: true, primary: false, columns: ['day', 'locale', 'query', 'filters'] });
  });

  let upgraded: TestStrapi;
  it('keep every row of a database the 2026-12 release built, and give it the new schema', async () => {
    upgraded = await start({ database: await releaseDatabase() });
    const knex = upgraded.strapi.db.connection;
    expect(await shapesOf(knex)).toEqual(migrated);
    for (const [key, name] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
      expect((await knex(name).select()).map(plain), name).toEqual([releaseRow(key)]);
    }
    expect((await migrationsRun(upgraded)).map((row) => row.name)).toEqual(MIGRATIONS);
  });

  it('store the filters a search was made with, one row per language, words and filters', async () => {
    const record = (counts: unknown) =>
      fetch(`${upgraded.url}/api/search-statistics`, {
        method: 'POST',
        body: JSON.stringify({ counts }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${upgraded.siteToken}` },
      });
    const query = RELEASE_ROWS.searchLog.query;
    const withTopic = JSON.stringify({ topic: ['bewegung'] });
    expect(
      (
        await record([
          { locale: 'de', query, filters: withTopic, searches: 2, withoutResults: 2 },
          { locale: 'de', query, filters: '{}', searches: 1, withoutResults: 0 },
        ])
      ).status,
    ).toBe(204);
    expect(
      (
        await record([
          { locale: 'de', query, filters: withTopic, searches: 1, withoutResults: 1 },
          // A site of the 2026-12 release sends no filters: added to the row whose filters nobody knows.
          { locale: 'de', query, searches: 1, withoutResults: 1 },
        ])
      ).status,
    ).toBe(204);
    expect((await record([{ locale: 'de', query, filters: 'topic=bewegung', searches: 1, withoutResults: 0 }])).status).toBe(400);
    expect((await record([{ locale: 'de', query, filters: JSON.stringify({ topic: ['x'.repeat(500)] }), searches: 1, withoutResults: 0 }])).status).toBe(400);

    const knex = upgraded.strapi.db.connection;
    const rows = await knex(SEARCH_LOG_TABLE).where({ query }).select('filters', 'searches', 'without_results').orderBy('filters');
    const byFilters = Object.fromEntries(
      rows.map((row: { filters: string | null; searches: number; without_results: number }) => [String(row.filters), [row.searches, row.without_results]]),
    );
    expect(byFilters).toEqual({
      null: [(RELEASE_ROWS.searchLog.searches as number) + 1, (RELEASE_ROWS.searchLog.without_results as number) + 1],
      '{}': [1, 0],
      [withTopic]: [3, 3],
    });
    // The dashboard counts the words, whatever the filters.
    const { mostFrequent } = await topSearches(knex, 30);
    expect(mostFrequent.find((entry) => entry.query === query)).toMatchObject({ searches: 12, withoutResults: 7 });
  });

  it('run no migration again on the next start', async () => {
    const before = await migrationsRun(upgraded);
    running.delete(upgraded);
    await upgraded.shutdown();
    upgraded = await start({ restartOf: upgraded });
    expect(await upgraded.strapi.db.migrations.shouldRun()).toBe(false);
    expect(await migrationsRun(upgraded)).toEqual(before);
    expect(await shapesOf(upgraded.strapi.db.connection)).toEqual(migrated);
    expect((await upgraded.strapi.db.connection(SUBMISSION_TABLE).select()).map(plain)).toEqual([releaseRow('submissions')]);
  });

  it('add `failed_confirmations` to the submissions table of the first release', async () => {
    const cms = await start({ database: await releaseDatabase({ firstRelease: true }) });
    expect(await shapesOf(cms.strapi.db.connection)).toEqual(migrated);
    expect((await cms.strapi.db.connection(SUBMISSION_TABLE).select()).map(plain)).toEqual([{ ...releaseRow('submissions'), failed_confirmations: 0 }]);
  });
});
