/**
 * The outbox lives in the CMS database (not a content type: only the sync reads and writes it);
 * created and changed by the migrations in cms/database/migrations/.
 */
export const OUTBOX_TABLE = 'praxis_sync_outbox';
