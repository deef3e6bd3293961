// The editors' signals (issue 34): mails through the durable mail queue, in each user's admin
// language, queued in the transaction of the change they tell of. To the author when an entry is
// returned (with the comment) or published; to the Chefredaktion when entries enter review or a
// submission is confirmed — at once or in a daily digest, as each of them chose.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CASE_STUDY, CHEFREDAKTION } from '../editorial/roles';
import type { NewHistoryEntry } from '../history/history-table';
import { lastAction } from '../history/history-table';
import { onHistoryRecorded } from '../history/record-history';
import { mailQueue } from '../mail/mail';
import { newsMail, newsParagraph, publishedMail, returnedMail, type MailItem, type MailLanguage, type ReviewNews } from './notification-texts';
import { addDigestParagraph, deliveryOf } from './settings-table';

interface Recipient {
  id: number;
  name: string;
  email: string;
  language: MailLanguage;
}

interface UserRow {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
  preferedLanguage: string | null;
  isActive: boolean | number;
  blocked: boolean | number | null;
}

const USER_FIELDS = ['id', 'firstname', 'lastname', 'email', 'preferedLanguage', 'isActive', 'blocked'];

function recipient(user: UserRow | null | undefined): Recipient | undefined {
  if (!user?.email || !user.isActive || user.blocked) return undefined;
  return {
    id: Number(user.id),
    name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email,
    email: user.email,
    language: user.preferedLanguage === 'en' ? 'en' : 'de',
  };
}

/** The edit view of a case study in a language. */
export function editLink(strapi: Core.Strapi, documentId: string, locale: string): string {
  const admin = String(strapi.config.get('admin.absoluteUrl') ?? 'http://localhost:1337/admin').replace(/\/$/, '');
  return `${admin}/content-manager/collection-types/${CASE_STUDY}/${documentId}?plugins[i18n][locale]=${locale}`;
}

async function chefredaktion(strapi: Core.Strapi): Promise<Recipient[]> {
  const users = (await strapi.db.query('admin::user').findMany({ where: { roles: { code: CHEFREDAKTION.code } }, select: USER_FIELDS })) as UserRow[];
  return users.flatMap((user) => recipient(user) ?? []);
}

/** The author of an entry in a language: who sent it to review, or wrote or imported it. */
async function authorOf(strapi: Core.Strapi, knex: Knex, documentId: string, locale: string): Promise<Recipient | undefined> {
  const sent = await lastAction(knex, documentId, locale, ['submit', 'create', 'import']);
  if (sent?.user.id == null) return undefined;
  return recipient((await strapi.db.query('admin::user').findOne({ where: { id: sent.user.id }, select: USER_FIELDS })) as UserRow | null);
}

const titleOf = (entry: NewHistoryEntry) => String(entry.snapshot?.title ?? '');
const entersReview = (entry: NewHistoryEntry) =>
  entry.action === 'submit' || (['create', 'import'].includes(entry.action) && entry.snapshot?.editorialState === 'zur-pruefung');

async function notify(strapi: Core.Strapi, entries: NewHistoryEntry[], trx: Knex): Promise<void> {
  const mails: { to: string; subject: string; text: string }[] = [];
  const item = (entry: NewHistoryEntry): MailItem => ({
    title: titleOf(entry),
    locale: entry.locale!,
    link: editLink(strapi, entry.documentId, entry.locale!),
  });

  for (const entry of entries) {
    if (!entry.locale || (entry.action !== 'return' && entry.action !== 'publish')) continue;
    const author = await authorOf(strapi, trx, entry.documentId, entry.locale);
    if (!author || author.id === entry.actor.id) continue;
    const mail =
      entry.action === 'return'
        ? returnedMail(author.language, author.name, entry.actor.name, item(entry), entry.comment ?? null)
        : publishedMail(author.language, author.name, entry.actor.name, item(entry));
    mails.push({ to: author.email, ...mail });
  }

  // One notice per batch and kind: an import of fifty entries for review is one mail, not fifty.
  const news: ReviewNews[] = [];
  const forReview = entries.filter((entry) => entry.locale && entersReview(entry));
  if (forReview.length > 0) news.push({ kind: 'review', by: forReview[0]!.actor.name, items: forReview.map(item) });
  for (const entry of entries.filter((candidate) => candidate.locale && candidate.action === 'submission')) {
    news.push({ kind: 'submission', by: entry.actor.name, items: [item(entry)] });
  }
  if (news.length > 0) {
    const reviewers = (await chefredaktion(strapi)).filter((reviewer) => !entries.some((entry) => entry.actor.id === reviewer.id));
    const delivery = await deliveryOf(
      trx,
      reviewers.map((reviewer) => reviewer.id),
    );
    for (const reviewer of reviewers) {
      for (const notice of news) {
        if (delivery.get(reviewer.id) === 'taeglich') await addDigestParagraph(trx, reviewer.id, newsParagraph(notice, reviewer.language));
        else mails.push({ to: reviewer.email, ...newsMail(reviewer.language, reviewer.name, notice) });
      }
    }
  }
  if (mails.length > 0) await mailQueue(strapi).enqueue(mails, trx);
}

export function registerNotifications(strapi: Core.Strapi): void {
  onHistoryRecorded(strapi, (entries, trx) => notify(strapi, entries, trx));
}
