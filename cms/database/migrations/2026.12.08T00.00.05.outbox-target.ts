// Each outbox row names the Meilisearch it is for (issue 38): the sync writes to every configured
// Meilisearch with rows of its own, so one that is down neither stops nor loses the others' changes.
// Rows from before (and rows recorded while no Meilisearch is configured) have none: the CMS hands
// them to every configured Meilisearch when its sync starts (KnexOutboxStore.adoptUntargeted).
import type { Knex } from 'knex';
import { OUTBOX_TABLE } from '../../src/sync/outbox-table';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable(OUTBOX_TABLE, (table) => {
    // the Meilisearch's URL as configured (MEILI_URL, MEILI_REPLICA_URLS); null: not yet handed out
    table.string('target', 255).nullable();
    table.index(['target', 'done_at', 'due_at'], 'praxis_sync_outbox_target_idx');
  });
}
