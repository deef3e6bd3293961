// When each timed job last ran, across all CMS instances (src/database/scheduled-job.ts, issue 38).
import type { Knex } from 'knex';
import { SCHEDULED_JOBS_TABLE } from '../../src/database/scheduled-job';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(SCHEDULED_JOBS_TABLE, (table) => {
    table.string('name', 100).primary();
    // epoch milliseconds of the last claimed run
    table.bigInteger('last_run_at').notNullable();
  });
}
