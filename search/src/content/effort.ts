import type { ParsedCaseStudyEntry } from './case-study-entry.ts';

/**
 * What it takes to do the same, as a case study states it; the detail page and PDF handout
 * (web/server/case-studies/loader.ts) and the search document (map.ts), and through it the exports
 * and open data, read it from here. `firstSteps` is the CMS's Markdown.
 */
export interface Effort {
  staffFte: number | null;
  budgetRange: NonNullable<NonNullable<ParsedCaseStudyEntry['transferability']>['budgetRange']> | null;
  durationMonths: number | null;
  partnersNeeded: string | null;
  firstSteps: string | null;
}

/** Whom to ask about a case study. */
export interface Contact {
  organisation: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

/** The case study's effort data, null when it states none. */
export function effortOf(entry: Pick<ParsedCaseStudyEntry, 'transferability'>): Effort | null {
  const effort = entry.transferability;
  if (!effort) return null;
  return {
    staffFte: effort.staffFte ?? null,
    budgetRange: effort.budgetRange ?? null,
    durationMonths: effort.durationMonths ?? null,
    partnersNeeded: effort.partnersNeeded ?? null,
    firstSteps: effort.firstSteps ?? null,
  };
}

/** The case study's contact, null when it names none. */
export function contactOf(entry: Pick<ParsedCaseStudyEntry, 'contact'>): Contact | null {
  const contact = entry.contact;
  if (!contact) return null;
  return {
    organisation: contact.organisation ?? null,
    role: contact.role ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    website: contact.website ?? null,
  };
}
