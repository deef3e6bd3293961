// Each editor's delivery of the Chefredaktion's notices (the dashboard's "Benachrichtigungen"), and
// the invitations (invitations.ts).
import type { Core } from '@strapi/strapi';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { registerInvitations } from './invitations';
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

export function registerNotificationRoutes(strapi: Core.Strapi): void {
  registerInvitations(strapi);
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/notification-settings', handle.show, 'read'],
    ['PUT', '/notification-settings', handle.update, 'read'],
  ]);
}
