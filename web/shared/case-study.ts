import type { Locale } from '@praxis/search/domain';
import type { Term } from './vocabulary';

export { caseStudyPath } from '@praxis/search/domain';

/** A municipality of a case study, with what the locator map and the place line need. */
export interface CaseStudyPlace {
  ags: string;
  name: string;
  district: string;
  districtAgs: string;
  region: string;
  lat: number | null;
  lon: number | null;
  /** As the CMS's Kommune records them: "kreisfreie Stadt", …, and the population (for "Ähnliche Kommunen"). */
  type?: string | null;
  population?: number | null;
}

/** Everything the detail page shows; rich text is already sanitised HTML. */
/** A town like one of the case study's own (same Gemeindetyp and Einwohnerzahl class) where case studies ran. */
export interface SimilarTown {
  ags: string;
  name: string;
  /** Published case studies in that town. */
  count: number;
}

/** A published report of a Kommune that took the case study over ("Übertragen nach"). */
export interface Transfer {
  town: string;
  ags: string;
  since: number;
  text: string;
  /** The language the report was written in (shown with its `lang`). */
  locale: Locale;
}

export interface CaseStudyPage {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  teaser: string;
  buildingBlock: (Term & { number: number }) | null;
  places: CaseStudyPlace[];
  targetGroups: Term[];
  topics: Term[];
  settings: Term[];
  criteria: Term[];
  projectStatus: string | null;
  fundingStart: number | null;
  fundingEnd: number | null;
  fundingPhase: string | null;
  html: {
    description: string;
    startingSituation: string;
    goals: string;
    approach: string;
    results: string;
    afterFunding: string;
  };
  transferability: {
    staffFte: number | null;
    budgetRange: string | null;
    durationMonths: number | null;
    partnersNeeded: string | null;
    firstStepsHtml: string;
  } | null;
  successFactors: string[];
  pitfalls: string[];
  partners: string[];
  provider: { name: string; website: string | null } | null;
  contact: { organisation: string | null; role: string | null; email: string | null; phone: string | null; website: string | null } | null;
  links: { label: string; url: string }[];
  downloads: { name: string; url: string; sizeKb: number | null; mime: string | null }[];
  images: { url: string; alt: string; caption: string | null; credit: string | null; width: number | null; height: number | null }[];
  lastReviewed: string | null;
  publishedAt: string | null;
  updatedAt: string;
  /** Slug of this case study per locale, for the language switcher and hreflang. */
  slugs: Partial<Record<Locale, string>>;
}
