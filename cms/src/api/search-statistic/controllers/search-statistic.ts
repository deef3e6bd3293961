import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCALES } from '@praxis/search';
import { z } from 'zod';
import { recordSearches } from '../../../dashboard/search-log';

const batch = z.strictObject({
  counts: z.array(z.strictObject({
    locale: z.enum(LOCALES),
    query: z.string().trim().min(1).max(100),
    searches: z.number().int().min(1).max(1_000_000),
    withoutResults: z.number().int().min(0).max(1_000_000),
  }).refine((count) => count.withoutResults <= count.searches, 'withoutResults must not exceed searches')).max(5_000),
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(ctx: { request: { body?: unknown }; status: number; body: unknown }) {
    const parsed = batch.safeParse(ctx.request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new errors.ValidationError(`${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    await recordSearches(strapi.db.connection, parsed.data.counts);
    ctx.status = 204;
    ctx.body = null;
  },
});
