// Jobs on a timer (the hourly retention and Papierkorb purge, the search reconciliation) run in
// every CMS instance, but once per interval across all of them. An instance claims a run by
// moving the job's last run forward with a conditional update — the others find it claimed and
// skip — and on PostgreSQL it runs under a transaction-scoped advisory lock too, so a run that
// outlasts its interval is never run a second time beside itself.
import type { Knex } from 'knex';

export const SCHEDULED_JOBS_TABLE = 'praxis_scheduled_jobs';

/** Timers drift: a run is due a little before its full interval is over, so that a late claim does not skip a whole interval. */
const DUE_SHARE = 0.9;

export type ScheduledRun<T> = { ran: true; result: T } | { ran: false };

const isPostgres = (knex: Knex) => ['postgres', 'pg'].includes(knex.client.config.client as string);

/** Runs `job` if no instance ran the job `name` within the last `intervalMs` and none is running it now. */
export async function runScheduled<T>(knex: Knex, name: string, intervalMs: number, job: () => Promise<T>, now = Date.now()): Promise<ScheduledRun<T>> {
  await knex(SCHEDULED_JOBS_TABLE).insert({ name, last_run_at: 0 }).onConflict('name').ignore();
  const claimed = await knex(SCHEDULED_JOBS_TABLE)
    .where({ name })
    .andWhere('last_run_at', '<=', now - intervalMs * DUE_SHARE)
    .update({ last_run_at: now });
  if (claimed === 0) return { ran: false };
  if (!isPostgres(knex)) return { ran: true, result: await job() };
  return knex.transaction(async (trx) => {
    const { rows } = (await trx.raw('SELECT pg_try_advisory_xact_lock(hashtext(?)) AS locked', [`${SCHEDULED_JOBS_TABLE}:${name}`])) as {
      rows: { locked: boolean }[];
    };
    if (!rows[0]?.locked) return { ran: false } as const;
    return { ran: true, result: await job() } as const;
  });
}
