// The query and route parameters the site's routes share, validated one way: h3's
// getValidatedQuery / getValidatedRouterParams with these zod schemas. A wrong value is a
// 400 whose message names each parameter and what is wrong with it.
import { DEFAULT_LOCALE, LOCALES, SLUG_MAX_LENGTH, SLUG_PATTERN } from '@praxis/search';
import { z } from 'zod';

/** `?locale=de|en`, German when absent. */
export const localeQuery = z.object({ locale: z.enum(LOCALES).default(DEFAULT_LOCALE) });

/** A case study's slug as the CMS makes them; checked before any CMS call. */
export const slugParam = z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN);

/** A validator for h3's getValidated* helpers: the parsed value, or an error naming every wrong parameter. */
export function parseWith<T>(schema: z.ZodType<T>): (input: unknown) => T {
  return (input) => {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    throw new Error(result.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '));
  };
}
