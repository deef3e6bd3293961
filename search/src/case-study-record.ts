// A case study as a record of the import format (JSON, CSV, Excel): the one schema that the
// CMS's import and the site's submission form check against, with German messages.
import { z } from 'zod';
import { BUDGET_RANGES, FUNDING_YEAR_MAX, FUNDING_YEAR_MIN, PROJECT_STATUSES } from './domain.ts';

export const TEASER_MAX = 300;
export const TITLE_MAX = 160;

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche')
  .max(120, 'höchstens 120 Zeichen');
const text = (max: number) => z.string().trim().min(1, 'darf nicht leer sein').max(max, `höchstens ${max} Zeichen`);
const markdown = z.string().trim().max(50_000, 'höchstens 50.000 Zeichen');
const year = z.coerce
  .number({ error: 'eine Jahreszahl wie 2021' })
  .int('eine ganze Jahreszahl')
  .min(FUNDING_YEAR_MIN, `frühestens ${FUNDING_YEAR_MIN}`)
  .max(FUNDING_YEAR_MAX, `spätestens ${FUNDING_YEAR_MAX}`);
const slugList = z.array(slug).max(50, 'höchstens 50 Einträge').default([]);
const textList = z.array(text(1000)).max(50, 'höchstens 50 Einträge').default([]);
const httpUrl = z.string().trim().max(1000, 'höchstens 1000 Zeichen').regex(/^https?:\/\/\S+$/, 'eine Adresse mit http:// oder https://');
/** Links a case study shows: encrypted only, as the CMS requires of editors (validation/field-messages.ts). */
const httpsUrl = z.string().trim().max(1000, 'höchstens 1000 Zeichen').regex(/^https:\/\/\S+$/, 'muss mit https:// beginnen');

const agsList = z.array(z.string().trim().regex(/^05\d{6}$/, 'achtstellige NRW-Gemeindeschlüssel (AGS, 05…)')).max(400, 'höchstens 400 Kommunen');

/** The record's fields one by one (the submission form checks a step's fields with them). */
export const recordShape = z
  .object({
    slug: slug.optional(),
    translationOf: slug.optional(),
    title: text(TITLE_MAX),
    teaser: text(TEASER_MAX),
    description: markdown.min(1, 'darf nicht leer sein'),
    startingSituation: markdown.optional(),
    goals: markdown.optional(),
    approach: markdown.optional(),
    results: markdown.optional(),
    afterFunding: markdown.optional(),
    buildingBlock: slug,
    municipalities: agsList.min(1, 'mindestens eine Kommune (AGS)'),
    targetGroups: slugList,
    topics: slugList,
    settings: slugList,
    criteria: slugList,
    status: z.enum(PROJECT_STATUSES, { error: `einer von ${PROJECT_STATUSES.join(', ')}` }),
    fundingStart: year,
    fundingEnd: year.optional(),
    fundingPhase: text(120).optional(),
    provider: text(200).optional(),
    partners: textList,
    staffFte: z.coerce.number({ error: 'eine Zahl wie 1,5' }).min(0, 'nicht negativ').max(100, 'höchstens 100').optional(),
    transferability: z
      .object({
        budgetRange: z.enum(BUDGET_RANGES, { error: `einer von ${BUDGET_RANGES.join(', ')}` }).optional(),
        durationMonths: z.coerce.number({ error: 'eine Zahl von Monaten' }).int('ganze Monate').min(1, 'mindestens 1').max(240, 'höchstens 240').optional(),
        partnersNeeded: z.string().trim().max(2000, 'höchstens 2000 Zeichen').optional(),
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
        email: z.email('eine E-Mail-Adresse').optional(),
        phone: z.string().trim().regex(/^[+0-9 ()/-]{3,50}$/, 'eine Telefonnummer').optional(),
        website: httpUrl.optional(),
      })
      .strict()
      .optional(),
    links: z.array(z.object({ label: text(200), url: httpsUrl }).strict()).max(50).default([]),
    lastReviewed: z.iso.date('ein Datum JJJJ-MM-TT').optional(),
    publish: z.boolean({ error: 'ja oder nein (true oder false)' }).default(true),
  });

const fundingInOrder = {
  check: (record: { fundingStart?: number; fundingEnd?: number }) =>
    record.fundingEnd === undefined || record.fundingStart === undefined || record.fundingEnd >= record.fundingStart,
  issue: { path: ['fundingEnd'], message: 'nicht vor fundingStart' },
};

/** A record to publish: everything the site shows must be there. */
export const importRecordSchema = recordShape.refine(fundingInOrder.check, fundingInOrder.issue);

/**
 * A record kept as a draft (`publish` false) may be as incomplete as a draft in the admin: only
 * the title is required, so that an export of unfinished drafts imports again.
 */
export const draftRecordSchema = recordShape
  .extend({
    teaser: recordShape.shape.teaser.optional(),
    description: recordShape.shape.description.optional(),
    buildingBlock: recordShape.shape.buildingBlock.optional(),
    municipalities: agsList.default([]),
    status: recordShape.shape.status.optional(),
    fundingStart: recordShape.shape.fundingStart.optional(),
    publish: z.literal(false),
  })
  .refine(fundingInOrder.check, fundingInOrder.issue);

/** The schema a raw record is checked with: the draft one when it says `publish: false`. */
export const recordSchemaFor = (value: unknown) => ((value as { publish?: unknown } | null)?.publish === false ? draftRecordSchema : importRecordSchema);

/** A record as the importer writes it: validated, defaults filled in. */
export type ImportRecord = z.infer<typeof importRecordSchema> | z.infer<typeof draftRecordSchema>;

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
