// The follow-up of "Kontakt aufnehmen" (src/requests/follow-up.ts, issue 39): the requester's
// consent, when the one mail went out, and when they unsubscribed. Requests from before have no consent.
import type { Knex } from 'knex';
import { CONTACT_REQUEST_TABLE } from '../../src/requests/contact-requests';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable(CONTACT_REQUEST_TABLE, (table) => {
    table.boolean('follow_up_consent').notNullable().defaultTo(false);
    // epoch milliseconds, as the table's other times
    table.bigInteger('follow_up_sent_at').nullable();
    table.bigInteger('follow_up_unsubscribed_at').nullable();
  });
}
