// The daily digest for the Chefredaktion members who chose it: the waiting paragraphs in one mail,
// once a day from DIGEST_HOUR (Europe/Berlin, default 7). Several CMS instances may run this: a
// user's digest is claimed by a conditional update before it is sent, so it goes out once.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { cmsEnvironment } from '../config/environment';
import { mailQueue } from '../mail/mail';
import { digestMail } from './notification-texts';
import { DIGEST_TABLE, NOTIFICATION_SETTINGS_TABLE } from './settings-table';

const CHECK_INTERVAL_MS = 10 * 60 * 1000;
let timer: NodeJS.Timeout | undefined;

/** The start of today's digest hour in Berlin, as epoch milliseconds (the last one already passed, or yesterday's). */
export function lastDigestTime(now: number, hour: number): number {
  const berlin = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(berlin.formatToParts(new Date(now)).map((part) => [part.type, part.value]));
  // Berlin's offset now (an hour or two): the wall-clock difference to UTC.
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour));
  const offset = wall - Math.floor(now / 3_600_000) * 3_600_000;
  const todayAtHour = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), hour) - offset;
  return todayAtHour <= now ? todayAtHour : todayAtHour - 24 * 3_600_000;
}

interface UserRow {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
  preferedLanguage: string | null;
}

/** Sends each waiting digest whose user had none since the last digest hour; returns how many went out. */
export async function sendDigests(strapi: Core.Strapi, now = Date.now()): Promise<number> {
  const knex: Knex = strapi.db.connection;
  const since = lastDigestTime(now, cmsEnvironment().DIGEST_HOUR);
  const waiting = (await knex(DIGEST_TABLE).distinct('user_id')) as { user_id: number }[];
  let sent = 0;
  for (const { user_id: userId } of waiting) {
    const done = await strapi.db.transaction(async ({ trx }) => {
      // The claim: only one process moves last_digest_at past the hour.
      await trx(NOTIFICATION_SETTINGS_TABLE).insert({ user_id: userId, delivery: 'taeglich' }).onConflict('user_id').ignore();
      const claimed = await trx(NOTIFICATION_SETTINGS_TABLE)
        .where({ user_id: userId })
        .andWhere((where: Knex.QueryBuilder) => where.whereNull('last_digest_at').orWhere('last_digest_at', '<', since))
        .update({ last_digest_at: now });
      if (claimed === 0) return false;
      const paragraphs = (await trx(DIGEST_TABLE).where({ user_id: userId }).where('created_at', '<=', now).orderBy('id')) as {
        id: number;
        paragraph: string;
      }[];
      const user = (await strapi.db
        .query('admin::user')
        .findOne({ where: { id: userId, isActive: true }, select: ['id', 'firstname', 'lastname', 'email', 'preferedLanguage'] })) as UserRow | null;
      await trx(DIGEST_TABLE)
        .whereIn(
          'id',
          paragraphs.map((row) => row.id),
        )
        .delete();
      if (!user || paragraphs.length === 0) return false;
      const language = user.preferedLanguage === 'en' ? 'en' : 'de';
      const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;
      await mailQueue(strapi).enqueue(
        [
          {
            to: user.email,
            ...digestMail(
              language,
              name,
              paragraphs.map((row) => row.paragraph),
            ),
          },
        ],
        trx,
      );
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

export function startDigests(strapi: Core.Strapi): void {
  const run = () => sendDigests(strapi).catch((error: Error) => strapi.log.error(`[notifications] digest failed: ${error.message}`));
  void run();
  clearInterval(timer);
  timer = setInterval(run, CHECK_INTERVAL_MS);
  timer.unref();
}

export function stopDigests(): void {
  clearInterval(timer);
  timer = undefined;
}
