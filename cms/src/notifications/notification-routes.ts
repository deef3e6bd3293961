// Each editor's delivery of the Chefredaktion's notices (the dashboard's "Benachrichtigungen"), and
// the invitation mail: a user created in the admin gets the registration link by mail.
import type { Core } from '@strapi/strapi';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { actingActor } from '../history/actor';
import { mailQueue } from '../mail/mail';
import { invitationMail } from './notification-texts';
import { deliveryOf, setDelivery, type Delivery } from './settings-table';

const DELIVERIES: Delivery[] = ['sofort', 'taeglich'];

function handlers(strapi: Core.Strapi) {
  return {
    async show(ctx: Context) {
      const delivery = (await deliveryOf(strapi.db.connection, [ctx.state.user.id])).get(ctx.state.user.id);
      ctx.body = { data: { delivery } };
    },
    async update(ctx: Context) {
      const delivery = ctx.request.body?.delivery;
      if (typeof delivery !== 'string' || !DELIVERIES.includes(delivery as Delivery)) {
        return refuse(ctx, 400, 'ValidationError', 'delivery muss „sofort“ oder „taeglich“ sein.');
      }
      await setDelivery(strapi.db.connection, ctx.state.user.id, delivery as Delivery);
      ctx.body = { data: { delivery } };
    },
  };
}

interface CreatedUser {
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
  isActive?: boolean;
  registrationToken?: string | null;
  preferedLanguage?: string | null;
}

/** Strapi shows an invited user's registration link once, in the admin; the invited person gets it by mail. */
function mailInvitations(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    async afterCreate(event: { result?: CreatedUser }) {
      const user = event.result;
      if (!user?.email || user.isActive || !user.registrationToken) return;
      const admin = String(strapi.config.get('admin.absoluteUrl') ?? 'http://localhost:1337/admin').replace(/\/$/, '');
      const link = `${admin}/auth/register?registrationToken=${encodeURIComponent(user.registrationToken)}`;
      const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;
      const mail = invitationMail(user.preferedLanguage === 'en' ? 'en' : 'de', name, actingActor(strapi).name, link);
      await strapi.db.transaction(({ trx }) => mailQueue(strapi).enqueue([{ to: user.email!, ...mail }], trx));
    },
  } as never);
}

export function registerNotificationRoutes(strapi: Core.Strapi): void {
  mailInvitations(strapi);
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/notification-settings', handle.show, 'read'],
    ['PUT', '/notification-settings', handle.update, 'read'],
  ]);
}
