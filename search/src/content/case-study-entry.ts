import { z } from 'zod';
import { BUDGET_RANGES, PROJECT_STATUSES } from '../catalogue/domain.ts';

// A case study as the CMS hands it out — through its REST API (the site's detail page and
// preview) or its query engine (the index) — parsed once where it enters, so that a field the
// CMS stopped sending fails with its name instead of turning into an empty string somewhere
// downstream. `cms/src/sync/case-study-contract.ts` holds these fields equal to Strapi's generated
// types at compile time. Unknown fields are dropped.

const optionalText = z.string().nullish();
// PostgreSQL returns decimal columns as strings and may return dates as Date objects; the
// readers get numbers, ISO timestamps and "YYYY-MM-DD" dates whichever database answered.
const decimal = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform(Number)
  .nullish();
const timestamp = z.union([z.string(), z.date()]).transform((value) => (typeof value === 'string' ? value : value.toISOString()));
const calendarDate = z.union([z.string(), z.date()]).transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)));

const termEntry = z.object({ slug: z.string(), name: z.string(), nameEn: z.string().nullish() });
const textItem = z.object({ text: z.string().nullish() });

const municipalityEntry = z.object({
  ags: z.string(),
  name: z.string(),
  district: z.string(),
  districtAgs: z.string(),
  region: z.string(),
  lat: decimal,
  lon: decimal,
  /** "kreisfreie Stadt", "kreisangehörige Stadt" or "Gemeinde"; population of 31.12.2022 (GV100AD). */
  type: z.string().nullish(),
  population: z.number().int().nonnegative().nullish(),
});

export const caseStudyEntrySchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().min(2),
  slug: z.string().min(1),
  title: z.string(),
  teaser: optionalText,
  description: optionalText,
  startingSituation: optionalText,
  goals: optionalText,
  approach: optionalText,
  results: optionalText,
  afterFunding: optionalText,
  transferability: z
    .object({
      staffFte: decimal,
      budgetRange: z.enum(BUDGET_RANGES).nullish(),
      durationMonths: z.number().nullish(),
      partnersNeeded: optionalText,
      firstSteps: optionalText,
    })
    .nullish(),
  successFactors: z.array(textItem).nullish(),
  pitfalls: z.array(textItem).nullish(),
  partners: z.array(textItem).nullish(),
  provider: z.object({ name: z.string(), website: optionalText }).nullish(),
  contact: z
    .object({
      organisation: optionalText,
      role: optionalText,
      email: optionalText,
      phone: optionalText,
      website: optionalText,
    })
    .nullish(),
  links: z.array(z.object({ label: z.string(), url: z.string() })).nullish(),
  downloads: z.array(z.object({ name: z.string(), url: z.string(), size: decimal, mime: optionalText })).nullish(),
  buildingBlock: termEntry.extend({ number: z.number().int() }).nullish(),
  municipalities: z.array(municipalityEntry).nullish(),
  targetGroups: z.array(termEntry).nullish(),
  topics: z.array(termEntry).nullish(),
  settings: z.array(termEntry).nullish(),
  criteria: z.array(termEntry).nullish(),
  /** The Kommunen of the case study's published transfer reports (added by the CMS source, not a relation). */
  transfers: z.array(z.object({ ags: z.string() })).nullish(),
  projectStatus: z.enum(PROJECT_STATUSES).nullish(),
  fundingStart: z.number().int().nullish(),
  fundingEnd: z.number().int().nullish(),
  fundingPhase: optionalText,
  images: z
    .array(
      z.object({
        alt: z.string(),
        caption: optionalText,
        credit: optionalText,
        file: z
          .object({
            url: z.string(),
            width: z.number().nullish(),
            height: z.number().nullish(),
            formats: z.record(z.string(), z.object({ url: z.string() })).nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
  lastReviewed: calendarDate.nullish(),
  publishedAt: timestamp.nullish(),
  updatedAt: timestamp,
  localizations: z.array(z.object({ slug: z.string(), locale: z.string() })).nullish(),
});

/** A case study as the CMS returns it (what readers hand to {@link parseCaseStudyEntry}). */
export type CaseStudyEntry = z.input<typeof caseStudyEntrySchema>;
/** A case study after {@link parseCaseStudyEntry}: the shape mapping code works on. */
export type ParsedCaseStudyEntry = z.output<typeof caseStudyEntrySchema>;
export type TermEntry = z.output<typeof termEntry>;

/** Parses what the CMS returned; throws naming each field that does not match. */
export function parseCaseStudyEntry(value: unknown): ParsedCaseStudyEntry {
  const parsed = caseStudyEntrySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = (value as { documentId?: unknown; locale?: unknown } | null) ?? {};
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`).join('; ');
  throw new Error(`case study ${String(where.documentId ?? '?')} (${String(where.locale ?? '?')}) does not have the expected shape: ${fields}`);
}
