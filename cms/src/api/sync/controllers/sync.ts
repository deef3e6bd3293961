import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: { body: unknown }) {
    ctx.body = await strapi.service('api::sync.sync').status();
  },
  async backlog(ctx: { body: unknown }) {
    ctx.body = await strapi.service('api::sync.sync').backlog();
  },
});
