// Each editor's choice for notices to the Chefredaktion (at once or a daily digest) and the
// digest's waiting paragraphs. Created by cms/database/migrations/2026.12.08T00.00.02.notifications.ts.
import type { Knex } from 'knex';

export const NOTIFICATION_SETTINGS_TABLE = 'praxis_notification_settings';
export const DIGEST_TABLE = 'praxis_notification_digest';

export type Delivery = 'sofort' | 'taeglich';

export async function deliveryOf(knex: Knex, userIds: number[]): Promise<Map<number, Delivery>> {
  const rows = userIds.length
    ? ((await knex(NOTIFICATION_SETTINGS_TABLE).select('user_id', 'delivery').whereIn('user_id', userIds)) as { user_id: number; delivery: Delivery }[])
    : [];
  return new Map(userIds.map((id) => [id, rows.find((row) => Number(row.user_id) === id)?.delivery ?? 'sofort']));
}

export async function setDelivery(knex: Knex, userId: number, delivery: Delivery): Promise<void> {
  await knex(NOTIFICATION_SETTINGS_TABLE).insert({ user_id: userId, delivery }).onConflict('user_id').merge(['delivery']);
}

export async function addDigestParagraph(knex: Knex, userId: number, paragraph: string, at = Date.now()): Promise<void> {
  await knex(DIGEST_TABLE).insert({ user_id: userId, paragraph, created_at: at });
}
