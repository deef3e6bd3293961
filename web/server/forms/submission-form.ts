// "Praxisbeispiel einreichen": the form's fields, its steps and their checks. The form is flat
// HTML fields (it must work without JavaScript: every step posts all fields so far); here they
// become a submission in the shape of the import record and are checked with the one schema the
// CMS's import and submissions use (@praxis/search, submissionSchema). Each message belongs to
// the form field it is shown next to.
import { submissionSchema, submissionTextIssues, type Locale } from '@praxis/search';
import type { Vocabulary } from '~~/shared/vocabulary';
import { SUBMISSION_STEPS, type SubmissionStep } from '~~/shared/submission-form';

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

const TEXTS = {
  de: {
    required: 'Pflichtfeld: bitte ausfüllen.',
    unknownTown: (name: string) => `„${name}“ ist keine Kommune in Nordrhein-Westfalen. Bitte wählen Sie aus der Liste.`,
    ambiguousTown: (name: string, options: string) => `„${name}“ gibt es mehrmals: ${options}. Bitte wählen Sie eine davon.`,
  },
  en: {
    required: 'Required: please fill in.',
    unknownTown: (name: string) => `"${name}" is not a municipality in North Rhine-Westphalia. Please choose from the list.`,
    ambiguousTown: (name: string, options: string) => `There are several "${name}": ${options}. Please choose one of them.`,
  },
} satisfies Record<Locale, unknown>;

export interface TownChoice {
  ags: string;
  name: string;
  label: string;
}

/** The municipalities to choose from: "Name (Kreis)" for a town in a Kreis, the name alone for a kreisfreie Stadt. */
export function townChoices(vocabulary: Vocabulary): TownChoice[] {
  const districts = new Map(vocabulary.districts.map((district) => [district.ags, district.name]));
  return vocabulary.towns.map((town) => {
    const district = districts.get(town.districtAgs);
    return { ags: town.ags, name: town.name, label: district && district !== town.name ? `${town.name} (${district})` : town.name };
  });
}

const one = (values: FormValues, key: string) => {
  const value = values[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};
const many = (values: FormValues, key: string) => {
  const value = values[key];
  return (Array.isArray(value) ? value : value ? [value] : []).map((item) => item.trim()).filter(Boolean);
};
const lines = (values: FormValues, key: string) =>
  one(values, key)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
const optional = (text: string) => (text === '' ? undefined : text);
const number = (text: string) => optional(text.replace(',', '.'));

/** Municipality names (or "Name (Kreis)" labels) → AGS, with a message per name that matches none or several (also "Nachnutzung melden"'s one Kommune). */
export function resolveTowns(names: string[], towns: TownChoice[], locale: Locale): { ags: string[]; error?: string } {
  const ags: string[] = [];
  for (const name of names) {
    const wanted = name.toLocaleLowerCase('de');
    const byLabel = towns.filter((town) => town.label.toLocaleLowerCase('de') === wanted);
    const matches = byLabel.length > 0 ? byLabel : towns.filter((town) => town.name.toLocaleLowerCase('de') === wanted);
    if (matches.length === 0) return { ags, error: TEXTS[locale].unknownTown(name) };
    if (matches.length > 1) return { ags, error: TEXTS[locale].ambiguousTown(name, matches.map((town) => town.label).join(', ')) };
    if (!ags.includes(matches[0]!.ags)) ags.push(matches[0]!.ags);
  }
  return { ags };
}

/** The submission the CMS takes (unchecked) and the messages the conversion itself found. */
export function readSubmission(values: FormValues, towns: TownChoice[], locale: Locale): { submission: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const townNames = many(values, 'municipality');
  const municipalities = resolveTowns(townNames, towns, locale);
  if (municipalities.error) errors.municipality = municipalities.error;
  else if (townNames.length === 0) errors.municipality = TEXTS[locale].required;
  const transferability = Object.fromEntries(
    Object.entries({
      budgetRange: optional(one(values, 'budgetRange')),
      durationMonths: optional(one(values, 'durationMonths')),
      partnersNeeded: optional(one(values, 'partnersNeeded')),
      firstSteps: optional(one(values, 'firstSteps')),
    }).filter(([, value]) => value !== undefined),
  );
  const contact = Object.fromEntries(
    Object.entries({
      organisation: optional(one(values, 'contactOrganisation')),
      role: optional(one(values, 'contactRole')),
      email: optional(one(values, 'contactEmail')),
      phone: optional(one(values, 'contactPhone')),
      website: optional(one(values, 'contactWebsite')),
    }).filter(([, value]) => value !== undefined),
  );
  const labels = many(values, 'linkLabel');
  const urls = many(values, 'linkUrl');
  const project = Object.fromEntries(
    Object.entries({
      title: one(values, 'title'),
      teaser: one(values, 'teaser'),
      description: one(values, 'description'),
      startingSituation: optional(one(values, 'startingSituation')),
      goals: optional(one(values, 'goals')),
      approach: optional(one(values, 'approach')),
      results: optional(one(values, 'results')),
      buildingBlock: optional(one(values, 'buildingBlock')),
      municipalities: municipalities.ags,
      targetGroups: many(values, 'targetGroups'),
      topics: many(values, 'topics'),
      settings: many(values, 'settings'),
      status: optional(one(values, 'status')),
      fundingStart: number(one(values, 'fundingStart')),
      fundingEnd: number(one(values, 'fundingEnd')),
      provider: optional(one(values, 'provider')),
      partners: lines(values, 'partners'),
      staffFte: number(one(values, 'staffFte')),
      transferability: Object.keys(transferability).length > 0 ? transferability : undefined,
      successFactors: lines(values, 'successFactors'),
      pitfalls: lines(values, 'pitfalls'),
      contact: Object.keys(contact).length > 0 ? contact : undefined,
      links: urls.map((url, index) => ({ label: labels[index] || url, url })),
    }).filter(([, value]) => value !== undefined),
  );
  const submission = {
    locale,
    project,
    submitter: Object.fromEntries(
      Object.entries({
        name: one(values, 'submitterName'),
        organisation: optional(one(values, 'submitterOrganisation')),
        email: one(values, 'submitterEmail'),
      }).filter(([, value]) => value !== undefined),
    ),
    consent: one(values, 'consent') === 'ja',
  };
  return { submission, errors };
}

/** The form field a schema issue belongs to. */
function formField(path: PropertyKey[]): string {
  const [part, field, index, sub] = path.map(String);
  if (part === 'submitter') return `submitter${field ? field[0]!.toUpperCase() + field.slice(1) : 'Name'}`;
  if (part !== 'project') return part ?? '';
  if (field === 'transferability') return index ?? 'budgetRange';
  if (field === 'contact') return index ? `contact${index[0]!.toUpperCase()}${index.slice(1)}` : 'contactEmail';
  if (field === 'links') return sub === 'label' ? 'linkLabel' : 'linkUrl';
  if (field === 'municipalities') return 'municipality';
  return field ?? 'title';
}

/** Every message for the submission, per form field (the first for each). */
export function checkSubmission(values: FormValues, towns: TownChoice[], locale: Locale): { submission: Record<string, unknown>; errors: FieldErrors } {
  const { submission, errors } = readSubmission(values, towns, locale);
  const parsed = submissionSchema.safeParse(submission);
  if (!parsed.success) {
    // The rules for public text first: the schema applies them only once every field is there.
    for (const issue of submissionTextIssues(submission)) errors[formField(issue.path)] ??= issue.message;
    for (const issue of parsed.error.issues) {
      const field = formField(issue.path);
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      errors[field] ??= missing ? TEXTS[locale].required : issue.message;
    }
  }
  return { submission: parsed.success ? parsed.data : submission, errors };
}

/** The messages of one step's fields only (later steps are still empty). */
export function stepErrors(errors: FieldErrors, step: SubmissionStep): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => step.fields.includes(field)));
}

/** The first step that has a message, or undefined. */
export function firstStepWithErrors(errors: FieldErrors): number | undefined {
  const index = SUBMISSION_STEPS.findIndex((step) => Object.keys(errors).some((field) => step.fields.includes(field)));
  return index === -1 ? undefined : index;
}
