// The editors' notices (issue 34): each user's delivery (at once or a daily digest) and the
// digest's waiting paragraphs (src/notifications/).
import type { Knex } from 'knex';
import { DIGEST_TABLE, NOTIFICATION_SETTINGS_TABLE } from '../../src/notifications/settings-table';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(NOTIFICATION_SETTINGS_TABLE, (table) => {
    table.integer('user_id').primary();
    table.string('delivery', 10).notNullable().defaultTo('sofort');
    // epoch milliseconds of the last digest sent: the claim that makes it go out once
    table.bigInteger('last_digest_at').nullable();
  });
  await knex.schema.createTable(DIGEST_TABLE, (table) => {
    table.increments('id');
    table.integer('user_id').notNullable().index('praxis_notification_digest_user_idx');
    table.text('paragraph').notNullable();
    table.bigInteger('created_at').notNullable();
  });
}
