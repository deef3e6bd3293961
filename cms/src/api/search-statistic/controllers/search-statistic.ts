import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCALES } from '@praxis/search';
import { z } from 'zod';
import { recordSearches, SEARCH_FILTERS_MAX_LENGTH } from '../../../dashboard/search-log';

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const batch = z.strictObject({
  counts: z
    .array(
      z
        .strictObject({
          locale: z.enum(LOCALES),
          query: z.string().trim().min(1).max(100),
          // JSON of the filters set with the query ({} for none); a site of the 2026-12 release sends none.
          filters: z.string().max(SEARCH_FILTERS_MAX_LENGTH).refine(isJsonObject, 'must be a JSON object').optional(),
          searches: z.number().int().min(1).max(1_000_000),
          withoutResults: z.number().int().min(0).max(1_000_000),
        })
        .refine((count) => count.withoutResults <= count.searches, 'withoutResults must not exceed searches'),
    )
    .max(5_000),
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
