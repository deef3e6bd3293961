// Invitations to the newsroom: a user created in the admin ("Benutzer einladen") gets the
// registration link by mail (Strapi only shows it once, in the admin); Administration sees who has
// not registered yet and sends the invitation again ("Einladung erneut senden", a dashboard tile).
import type { Core } from '@strapi/strapi';
import { actingActor } from '../history/actor';
import { mailQueue } from '../mail/mail';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { invitationMail } from './notification-texts';

interface InvitedUser {
  id?: number;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
  isActive?: boolean;
  registrationToken?: string | null;
  preferedLanguage?: string | null;
  createdAt?: string | Date;
}

const nameOf = (user: InvitedUser) => [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || '';
const isOpen = (user: InvitedUser | null | undefined): user is InvitedUser & { email: string; registrationToken: string } =>
  Boolean(user?.email && !user.isActive && user.registrationToken);

/** Queues the invitation mail with the user's registration link. */
async function sendInvitation(strapi: Core.Strapi, user: InvitedUser & { email: string; registrationToken: string }): Promise<void> {
  const admin = String(strapi.config.get('admin.absoluteUrl') ?? 'http://localhost:1337/admin').replace(/\/$/, '');
  const link = `${admin}/auth/register?registrationToken=${encodeURIComponent(user.registrationToken)}`;
  const mail = invitationMail(user.preferedLanguage === 'en' ? 'en' : 'de', nameOf(user), actingActor(strapi).name, link);
  await strapi.db.transaction(({ trx }) => mailQueue(strapi).enqueue([{ to: user.email, ...mail }], trx));
}

const USER_FIELDS = ['id', 'email', 'firstname', 'lastname', 'isActive', 'registrationToken', 'preferedLanguage', 'createdAt'];

function handlers(strapi: Core.Strapi) {
  const users = () => strapi.db.query('admin::user');
  return {
    /** Who was invited and has not registered, newest first. */
    async list(ctx: Context) {
      const open = (
        (await users().findMany({
          where: { isActive: false, registrationToken: { $notNull: true } },
          select: USER_FIELDS,
          orderBy: { createdAt: 'desc' },
        })) as InvitedUser[]
      ).filter(isOpen);
      ctx.body = {
        total: open.length,
        items: open.slice(0, 20).map((user) => ({ id: user.id, name: nameOf(user), email: user.email, invitedAt: user.createdAt })),
      };
    },
    /** "Einladung erneut senden": the same link again (it stays valid until the user registers). */
    async resend(ctx: Context) {
      const id = /^[1-9][0-9]{0,15}$/.test(ctx.params.id ?? '') ? Number(ctx.params.id) : undefined;
      const user = id ? ((await users().findOne({ where: { id }, select: USER_FIELDS })) as InvitedUser | null) : null;
      if (!user) return refuse(ctx, 404, 'NotFoundError', 'Diesen Benutzer gibt es nicht.');
      if (!isOpen(user)) return refuse(ctx, 409, 'ConflictError', `${nameOf(user)} hat sich schon registriert; eine Einladung ist nicht mehr nötig.`);
      await sendInvitation(strapi, user);
      ctx.status = 202;
      ctx.body = { data: { id: user.id, email: user.email } };
    },
  };
}

export function registerInvitations(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    async afterCreate(event: { result?: InvitedUser }) {
      if (isOpen(event.result)) await sendInvitation(strapi, event.result);
    },
  } as never);
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/invitations', handle.list, 'invite'],
    ['POST', '/invitations/:id/resend', handle.resend, 'invite'],
  ]);
}
