import { z } from 'zod';
import { TERM_FIELDS } from './analysis/document-terms.ts';
import { BUDGET_RANGES } from './catalogue/domain.ts';

const term = z.object({ slug: z.string(), name: z.string() });

/** A municipality as the index carries it: enough to filter by Kreis and Regierungsbezirk and to print "Lünen (Kreis Unna)". */
export const searchMunicipalitySchema = z.object({
  ags: z.string().regex(/^\d{8}$/),
  name: z.string(),
  district: z.string(),
  districtAgs: z.string().regex(/^\d{5}$/),
  region: z.string(),
});

/**
 * One published case study in one locale, denormalised for search, facets and
 * result cards. Primary key: `documentId` (one index per locale).
 */
export const searchDocumentSchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().min(2),
  slug: z.string().min(1),
  title: z.string(),
  titleSort: z.string(),
  teaser: z.string(),
  description: z.string(),
  startingSituation: z.string(),
  goals: z.string(),
  approach: z.string(),
  results: z.string(),
  afterFunding: z.string(),
  /** Partners needed and first steps run together: what a search looks in (`effort` has them apart). */
  transferability: z.string(),
  /** What it takes to do the same (content/effort.ts), for the exports and open data; first steps as plain text. */
  effort: z
    .object({
      staffFte: z.number().nullable(),
      budgetRange: z.enum(BUDGET_RANGES).nullable(),
      durationMonths: z.number().int().nullable(),
      partnersNeeded: z.string().nullable(),
      firstSteps: z.string(),
    })
    .nullable(),
  /** Whom to ask, as the detail page shows it: the organisation and its e-mail address. */
  contact: z.object({ organisation: z.string().nullable(), email: z.string().nullable() }).nullable(),
  successFactors: z.array(z.string()),
  pitfalls: z.array(z.string()),
  partners: z.array(z.string()),
  provider: z.string().nullable(),
  buildingBlock: term.extend({ number: z.number().int() }).nullable(),
  buildingBlockSlug: z.string().nullable(),
  municipalities: z.array(searchMunicipalitySchema),
  municipalityAgs: z.array(z.string()),
  municipalityNames: z.array(z.string()),
  districtAgs: z.array(z.string()),
  districtNames: z.array(z.string()),
  regions: z.array(z.string()),
  /** Gemeindetyp and Einwohnerzahl class of the case study's municipalities ("Kommunen wie meine"). */
  townTypes: z.array(z.string()),
  townSizes: z.array(z.string()),
  targetGroups: z.array(term),
  targetGroupSlugs: z.array(z.string()),
  targetGroupNames: z.array(z.string()),
  topics: z.array(term),
  topicSlugs: z.array(z.string()),
  topicNames: z.array(z.string()),
  settings: z.array(term),
  settingSlugs: z.array(z.string()),
  settingNames: z.array(z.string()),
  criteria: z.array(term),
  criterionSlugs: z.array(z.string()),
  /** The Kommunen (AGS) that reported taking the project over, each once: published transfer reports only. */
  transferredTo: z.array(z.string().regex(/^\d{8}$/)),
  /** Taken over in another Kommune at least once: the facet "in anderen Kommunen übernommen". */
  transferred: z.boolean(),
  status: z.string().nullable(),
  fundingStart: z.number().int().nullable(),
  fundingEnd: z.number().int().nullable(),
  /** Every year the project was funded, for "Förderzeitraum" range filters. */
  fundingYears: z.array(z.number().int()),
  image: z.object({ url: z.string(), alt: z.string() }).nullable(),
  _geo: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  /** Epoch milliseconds, sortable. */
  publishedAt: z.number(),
  updatedAt: z.number(),
  lastReviewed: z.string().nullable(),
  /** What a search looks in: the analysed terms of each searched field (analysis/terms.ts); never shown. */
  terms: z.record(z.enum(TERM_FIELDS), z.union([z.string(), z.array(z.string())])),
  /** For the title's and teaser's terms, the word each belongs to (analysis/highlight.ts). */
  termOwners: z.object({ title: z.array(z.number().int()), teaser: z.array(z.number().int()) }),
  /** The ANALYSIS_VERSION the terms were made with: a document made with another is re-indexed. */
  analysis: z.number().int(),
});

export type SearchDocument = z.infer<typeof searchDocumentSchema>;
