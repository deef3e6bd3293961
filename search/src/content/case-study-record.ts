// A case study as a record of the import format (JSON, CSV, Excel): the one schema that the
// CMS's import and the site's submission form check against, with German messages.
import { z } from 'zod';
// Every limit comes from the catalogue (catalogue/fields.ts).
import { BUDGET_RANGES, FUNDING_YEAR_MAX, FUNDING_YEAR_MIN, PROJECT_STATUSES } from '../catalogue/domain.ts';
import {
  CASE_STUDY_FIELDS,
  EMAIL_MAX,
  fieldMax,
  fieldMin,
  LINK_LIMITS,
  LIST_ITEM_MAX,
  LIST_MAX,
  MARKDOWN_MAX,
  MUNICIPALITIES_MAX,
} from '../catalogue/fields.ts';
import { MUNICIPALITY_AGS_PATTERN, PHONE_PATTERN, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../catalogue/patterns.ts';

const slug = z
  .string()
  .trim()
  .regex(SLUG_PATTERN, 'nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche')
  .max(SLUG_MAX_LENGTH, `höchstens ${SLUG_MAX_LENGTH} Zeichen`);
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'darf nicht leer sein')
    .max(max, `höchstens ${max.toLocaleString('de-DE')} Zeichen`);
const markdown = z
  .string()
  .trim()
  .max(MARKDOWN_MAX, `höchstens ${MARKDOWN_MAX.toLocaleString('de-DE')} Zeichen`);
const year = z.coerce
  .number({ error: 'eine Jahreszahl wie 2021' })
  .int('eine ganze Jahreszahl')
  .min(FUNDING_YEAR_MIN, `frühestens ${FUNDING_YEAR_MIN}`)
  .max(FUNDING_YEAR_MAX, `spätestens ${FUNDING_YEAR_MAX}`);
const slugList = z.array(slug).max(LIST_MAX, `höchstens ${LIST_MAX} Einträge`).default([]);
const textList = z.array(text(LIST_ITEM_MAX)).max(LIST_MAX, `höchstens ${LIST_MAX} Einträge`).default([]);
const httpUrl = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `höchstens ${max} Zeichen`)
    .regex(/^https?:\/\/\S+$/, 'eine Adresse mit http:// oder https://');
/** Links a case study shows: encrypted only, as the CMS requires of editors (validation/field-messages.ts). */
const httpsUrl = z
  .string()
  .trim()
  .max(LINK_LIMITS.url, `höchstens ${LINK_LIMITS.url} Zeichen`)
  .regex(/^https:\/\/\S+$/, 'muss mit https:// beginnen');

const agsList = z
  .array(z.string().trim().regex(MUNICIPALITY_AGS_PATTERN, 'achtstellige NRW-Gemeindeschlüssel (AGS, 05…)'))
  .max(MUNICIPALITIES_MAX, `höchstens ${MUNICIPALITIES_MAX} Kommunen`);

/** The record's fields one by one (the submission form checks a step's fields with them). */
export const recordShape = z.object({
  slug: slug.optional(),
  translationOf: slug.optional(),
  title: text(fieldMax('title')),
  teaser: text(fieldMax('teaser')),
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
  fundingPhase: text(fieldMax('fundingPhase')).optional(),
  provider: text(fieldMax('provider')).optional(),
  partners: textList,
  staffFte: z.coerce
    .number({ error: 'eine Zahl wie 1,5' })
    .min(fieldMin('staffFte'), 'nicht negativ')
    .max(fieldMax('staffFte'), `höchstens ${fieldMax('staffFte')}`)
    .optional(),
  transferability: z
    .object({
      budgetRange: z.enum(BUDGET_RANGES, { error: `einer von ${BUDGET_RANGES.join(', ')}` }).optional(),
      durationMonths: z.coerce
        .number({ error: 'eine Zahl von Monaten' })
        .int('ganze Monate')
        .min(fieldMin('transferability.durationMonths'), `mindestens ${fieldMin('transferability.durationMonths')}`)
        .max(fieldMax('transferability.durationMonths'), `höchstens ${fieldMax('transferability.durationMonths')}`)
        .optional(),
      partnersNeeded: z
        .string()
        .trim()
        .max(fieldMax('transferability.partnersNeeded'), `höchstens ${fieldMax('transferability.partnersNeeded')} Zeichen`)
        .optional(),
      firstSteps: markdown.optional(),
    })
    .strict()
    .optional(),
  successFactors: textList,
  pitfalls: textList,
  contact: z
    .object({
      organisation: text(fieldMax('contact.organisation')).optional(),
      role: text(fieldMax('contact.role')).optional(),
      email: z.string().trim().max(EMAIL_MAX, `höchstens ${EMAIL_MAX} Zeichen`).pipe(z.email('eine E-Mail-Adresse')).optional(),
      phone: z.string().trim().regex(PHONE_PATTERN, 'eine Telefonnummer').optional(),
      website: httpUrl(fieldMax('contact.website')).optional(),
    })
    .strict()
    .optional(),
  links: z
    .array(z.object({ label: text(LINK_LIMITS.label), url: httpsUrl }).strict())
    .max(LIST_MAX, `höchstens ${LIST_MAX} Links`)
    .default([]),
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

const COLUMNS = CASE_STUDY_FIELDS.flatMap((field) => ('column' in field ? [{ name: field.name, ...field.column }] : []));

/** Field names a record may carry (a component's fields inside its object); anything else is ignored with a warning. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set(COLUMNS.map((column) => column.name.split('.')[0]!));

/** Fields whose values are lists (`;`-separated in CSV). */
export const LIST_FIELDS: ReadonlySet<string> = new Set<string>(
  COLUMNS.filter((column) => 'multiple' in column && column.multiple).map((column) => column.name),
);
