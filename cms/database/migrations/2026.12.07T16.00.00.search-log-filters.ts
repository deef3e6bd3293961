// The search log counts a search per day, language, query text and the filters set with it
// (issue 32, "Log the words with the filters"): a `filters` column (JSON, null in the rows counted
// before, whose filters nobody knows), and the row's key takes it in. A primary key cannot hold a
// null, so the key becomes a unique index. On SQLite knex rebuilds the table to drop the primary
// key; the rows stay.
import type { Knex } from 'knex';
import { SEARCH_FILTERS_MAX_LENGTH, SEARCH_LOG_TABLE } from '../../src/dashboard/search-log';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable(SEARCH_LOG_TABLE, (table) => {
    table.string('filters', SEARCH_FILTERS_MAX_LENGTH).nullable();
  });
  await knex.schema.alterTable(SEARCH_LOG_TABLE, (table) => {
    table.dropPrimary();
    table.unique(['day', 'locale', 'query', 'filters'], { indexName: 'praxis_search_log_search_idx' });
  });
}
