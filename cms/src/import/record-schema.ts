import { BUDGET_RANGES, PROJECT_STATUSES } from '@praxis/search';
import { z } from 'zod';

export const TEASER_MAX = 300;
export const TITLE_MAX = 160;

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters a–z, digits and single hyphens')
  .max(120, 'must be at most 120 characters');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const markdown = z.string().trim().max(50_000, 'must be at most 50,000 characters');
const year = z.coerce
  .number({ error: 'must be a year such as 2021' })
  .int('must be a whole year')
  .min(2000, 'must be 2000 or later')
  .max(2100, 'must be 2100 or earlier');
const slugList = z.array(slug).max(50, 'must name at most 50 entries').default([]);
const textList = z.array(text(1000)).max(50, 'must have at most 50 entries').default([]);
const httpUrl = z.string().trim().max(1000).regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');
/** Links a case study shows: encrypted only, as the CMS requires of editors (validation/field-messages.ts). */
const httpsUrl = z.string().trim().max(1000).regex(/^https:\/\/\S+$/, 'must start with https://');

export const importRecordSchema = z
  .object({
    slug: slug.optional(),
    translationOf: slug.optional(),
    title: text(TITLE_MAX),
    teaser: text(TEASER_MAX),
    description: markdown.min(1, 'must not be empty'),
    startingSituation: markdown.optional(),
    goals: markdown.optional(),
    approach: markdown.optional(),
    results: markdown.optional(),
    afterFunding: markdown.optional(),
    buildingBlock: slug,
    municipalities: z.array(z.string().trim().regex(/^05\d{6}$/, 'must be 8-digit NRW AGS keys (05…)')).min(1, 'must name at least one municipality (AGS)').max(400),
    targetGroups: slugList,
    topics: slugList,
    settings: slugList,
    criteria: slugList,
    status: z.enum(PROJECT_STATUSES, { error: `must be one of ${PROJECT_STATUSES.join(', ')}` }),
    fundingStart: year,
    fundingEnd: year.optional(),
    fundingPhase: text(120).optional(),
    provider: text(200).optional(),
    partners: textList,
    staffFte: z.coerce.number({ error: 'must be a number such as 1.5' }).min(0, 'must not be negative').max(100).optional(),
    transferability: z
      .object({
        budgetRange: z.enum(BUDGET_RANGES, { error: `must be one of ${BUDGET_RANGES.join(', ')}` }).optional(),
        durationMonths: z.coerce.number({ error: 'must be a number of months' }).int().min(1).max(240).optional(),
        partnersNeeded: z.string().trim().max(2000).optional(),
        firstSteps: markdown.optional(),
      })
      .strict()
      .optional(),
    successFactors: textList,
    pitfalls: textList,
    contact: z
      .object({
        organisation: text(200).optional(),
        role: text(200).optional(),
        email: z.email('must be an email address').optional(),
        phone: z.string().trim().regex(/^[+0-9 ()/-]{3,50}$/, 'must be a phone number').optional(),
        website: httpUrl.optional(),
      })
      .strict()
      .optional(),
    links: z.array(z.object({ label: text(200), url: httpsUrl }).strict()).max(50).default([]),
    lastReviewed: z.iso.date('must be a date YYYY-MM-DD').optional(),
    publish: z.boolean({ error: 'must be true or false' }).default(true),
  })
  .refine((record) => record.fundingEnd === undefined || record.fundingEnd >= record.fundingStart, {
    path: ['fundingEnd'],
    message: 'must not be before fundingStart',
  });

/** A record as the importer writes it: validated, defaults filled in. */
export type ImportRecord = z.infer<typeof importRecordSchema>;

/** Field names a record may carry; anything else is ignored with a warning. */
export const KNOWN_FIELDS = new Set([
  'slug', 'translationOf', 'title', 'teaser', 'description', 'startingSituation', 'goals', 'approach', 'results',
  'afterFunding', 'buildingBlock', 'municipalities', 'targetGroups', 'topics', 'settings', 'criteria', 'status',
  'fundingStart', 'fundingEnd', 'fundingPhase', 'provider', 'partners', 'staffFte', 'transferability',
  'successFactors', 'pitfalls', 'contact', 'links', 'lastReviewed', 'publish',
]);

/** Fields whose values are lists (`;`-separated in CSV). */
export const LIST_FIELDS = new Set([
  'municipalities', 'targetGroups', 'topics', 'settings', 'criteria', 'partners', 'successFactors', 'pitfalls', 'links',
]);
