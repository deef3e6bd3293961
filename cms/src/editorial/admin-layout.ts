import type { Core } from '@strapi/strapi';
import {
  CASE_STUDY_FIELDS,
  CASE_STUDY_LIST,
  COMPONENT_FIELDS,
  EVENT_FIELDS,
  EVENT_LIST,
  MAIN_FIELDS,
  ORGANISATION_FIELDS,
  ORGANISATION_LIST,
  SEARCH_TERM_EDIT,
  SEARCH_TERM_FIELDS,
  SEARCH_TERM_LIST,
  TRANSFER_REPORT_FIELDS,
  TRANSFER_REPORT_LIST,
  TRANSFER_REPORT_READ_ONLY,
  type FieldText,
} from './admin-labels';
import { CASE_STUDY, EVENT, ORGANISATION, SEARCH_TERM, TRANSFER_REPORT } from './roles';

/**
 * Fields the edit view does not show: the review's comments are a thread with authors (the
 * *Prüfung* panel, src/review/), not a field anyone may overwrite; the old addresses are kept by
 * the slug rule for redirects, not written by hand.
 */
const NOT_IN_EDIT_VIEW = ['reviewComment', 'previousSlugs'];
/** Shown but not editable: set by the CMS ("Eingereicht über das Formular" comes from the form, never from an editor). */
const READ_ONLY = ['submitted'];
/** Strapi's own fields in the list, named for editors (the list showed "UPDATEDAT"). */
const SYSTEM_FIELD_TEXTS: Record<string, FieldText> = {
  updatedAt: { label: 'Zuletzt geändert' },
  createdAt: { label: 'Angelegt' },
};

interface Cell {
  name: string;
  size: number;
}
interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { edit: Cell[][]; list: string[] };
}
interface ConfigurationService {
  findContentType?(uid: string): unknown;
  findComponent?(uid: string): unknown;
  findConfiguration(model: unknown): Promise<Configuration>;
  updateConfiguration(model: unknown, configuration: Partial<Configuration>): Promise<unknown>;
}

/** Rows of at most 12 columns, fields in the given order with the sizes Strapi chose for them. */
export function packRows(order: string[], sizes: Map<string, number>): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let width = 0;
  for (const name of order) {
    const size = sizes.get(name);
    if (size === undefined) continue;
    if (width + size > 12) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push({ name, size });
    width += size;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function withTexts(
  metadatas: Record<string, Metadata>,
  texts: Record<string, FieldText>,
  mainFieldOf: (field: string) => string | undefined = () => undefined,
) {
  const next = { ...metadatas };
  for (const [field, text] of Object.entries(texts)) {
    const current = next[field];
    if (!current) continue;
    const mainField = mainFieldOf(field);
    next[field] = {
      edit: {
        ...current.edit,
        label: text.label,
        description: text.description ?? '',
        placeholder: text.placeholder ?? '',
        ...(mainField ? { mainField } : {}),
      },
      list: { ...current.list, label: text.listLabel ?? text.label, ...(mainField ? { mainField } : {}) },
    };
  }
  return next;
}

/** The fields' edit metadata with `editable: false`. */
function readOnly(metadatas: Record<string, Metadata>, fields: string[]): Record<string, Metadata> {
  return Object.fromEntries(
    Object.entries(metadatas).map(([field, metadata]) => [
      field,
      fields.includes(field) ? { ...metadata, edit: { ...metadata.edit, editable: false } } : metadata,
    ]),
  );
}

/**
 * The content manager as the newsroom needs it, from code and the same on every start: German
 * labels, help texts and placeholders; the edit view in the order the detail page reads; list
 * columns; pickers that show and search names ("Bottrop (kreisfreie Stadt)"), not codes.
 * A change made in the admin's layout editor is replaced on the next start: the layout is part
 * of the product, so that a fresh install and production look the same.
 */
export async function applyAdminLayout(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types') as unknown as ConfigurationService;
  const components = strapi.plugin('content-manager').service('components') as unknown as ConfigurationService;

  for (const [uid, mainField] of Object.entries(MAIN_FIELDS)) {
    const model = contentTypes.findContentType!(uid);
    const current = await contentTypes.findConfiguration(model);
    if (current.settings.mainField !== mainField) await contentTypes.updateConfiguration(model, { settings: { ...current.settings, mainField } });
  }

  const model = contentTypes.findContentType!(CASE_STUDY);
  const current = await contentTypes.findConfiguration(model);
  const sizes = new Map(current.layouts.edit.flat().map((cell) => [cell.name, cell.size]));
  const targets = strapi.contentTypes[CASE_STUDY as never] as { attributes: Record<string, { target?: string }> };
  const relationMainField = (field: string) => {
    const target = targets.attributes[field]?.target;
    return target ? MAIN_FIELDS[target] : undefined;
  };
  const order = [
    ...Object.keys(CASE_STUDY_FIELDS),
    ...current.layouts.edit
      .flat()
      .map((cell) => cell.name)
      .filter((name) => !(name in CASE_STUDY_FIELDS)),
  ].filter((name) => !NOT_IN_EDIT_VIEW.includes(name));
  await contentTypes.updateConfiguration(model, {
    settings: { ...current.settings, mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
    metadatas: readOnly(withTexts(current.metadatas, { ...CASE_STUDY_FIELDS, ...SYSTEM_FIELD_TEXTS }, relationMainField), READ_ONLY),
    layouts: { edit: packRows(order, sizes), list: CASE_STUDY_LIST.filter((field) => field in current.metadatas) },
  });

  // The search terms: a short list of sets, all on one page, the first words as the title.
  const searchTerms = contentTypes.findContentType!(SEARCH_TERM);
  const searchTermConfiguration = await contentTypes.findConfiguration(searchTerms);
  await contentTypes.updateConfiguration(searchTerms, {
    settings: { ...searchTermConfiguration.settings, mainField: 'words', defaultSortBy: 'words', defaultSortOrder: 'ASC', pageSize: 50 },
    metadatas: withTexts(searchTermConfiguration.metadatas, SEARCH_TERM_FIELDS),
    layouts: { edit: SEARCH_TERM_EDIT, list: SEARCH_TERM_LIST },
  });

  // The events: German labels and help texts, the edit view in the order their page reads, soonest first in the list.
  const events = contentTypes.findContentType!(EVENT);
  const eventConfiguration = await contentTypes.findConfiguration(events);
  const eventSizes = new Map(eventConfiguration.layouts.edit.flat().map((cell) => [cell.name, cell.size]));
  // The case studies' long titles were cut to a word at half width ("Beweg…"): the picker spans the row.
  if (eventSizes.has('caseStudies')) eventSizes.set('caseStudies', 12);
  await contentTypes.updateConfiguration(events, {
    settings: { ...eventConfiguration.settings, mainField: 'title', defaultSortBy: 'startsAt', defaultSortOrder: 'DESC' },
    metadatas: withTexts(eventConfiguration.metadatas, { ...EVENT_FIELDS, ...SYSTEM_FIELD_TEXTS }, (field) => (field === 'caseStudies' ? 'title' : undefined)),
    layouts: { edit: packRows(Object.keys(EVENT_FIELDS), eventSizes), list: EVENT_LIST },
  });

  // The Träger: labels, the proposals marked in the list ("Vorgeschlagen"), which only the dashboard's "Freigeben" ends.
  const organisations = contentTypes.findContentType!(ORGANISATION);
  const organisationConfiguration = await contentTypes.findConfiguration(organisations);
  await contentTypes.updateConfiguration(organisations, {
    settings: { ...organisationConfiguration.settings, defaultSortBy: 'name', defaultSortOrder: 'ASC' },
    metadatas: readOnly(withTexts(organisationConfiguration.metadatas, ORGANISATION_FIELDS), ['proposed']),
    layouts: { ...organisationConfiguration.layouts, list: ORGANISATION_LIST },
  });

  // "Nachnutzung": the reports in the order the form asks, the newest first; the Kommune picked by its name.
  const reports = contentTypes.findContentType!(TRANSFER_REPORT);
  const reportConfiguration = await contentTypes.findConfiguration(reports);
  const reportSizes = new Map(reportConfiguration.layouts.edit.flat().map((cell) => [cell.name, cell.size]));
  await contentTypes.updateConfiguration(reports, {
    settings: { ...reportConfiguration.settings, mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
    metadatas: readOnly(
      withTexts(reportConfiguration.metadatas, { ...TRANSFER_REPORT_FIELDS, ...SYSTEM_FIELD_TEXTS }, (field) =>
        field === 'municipality' ? MAIN_FIELDS['api::municipality.municipality'] : undefined,
      ),
      TRANSFER_REPORT_READ_ONLY,
    ),
    layouts: {
      edit: packRows(
        Object.keys(TRANSFER_REPORT_FIELDS).filter((name) => !NOT_IN_EDIT_VIEW.includes(name)),
        reportSizes,
      ),
      list: TRANSFER_REPORT_LIST.filter((field) => field in reportConfiguration.metadatas),
    },
  });

  for (const [uid, texts] of Object.entries(COMPONENT_FIELDS)) {
    const component = components.findComponent!(uid);
    if (!component) continue;
    const configuration = await components.findConfiguration(component);
    await components.updateConfiguration(component, { metadatas: withTexts(configuration.metadatas, texts) });
  }
}
