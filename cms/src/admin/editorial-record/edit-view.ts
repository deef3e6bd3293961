// What the edit view's panels share: which case study and language the edit view shows, the
// admin's language, times as the newsroom reads them, field names, and whether the form holds
// unsaved changes.
import { useForm } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { CASE_STUDY_FIELDS, COMPONENT_FIELDS } from '../../editorial/admin-labels';
import type { Target } from './api';

export const CASE_STUDY = 'api::case-study.case-study';
/** An existing case study's edit view (not the create or clone page). */
const EDIT_PATH = /\/content-manager\/collection-types\/api::case-study\.case-study\/([^/]+)\/?$/;

/** The case study and language the edit view shows, or undefined on any other page (another type, the create page). */
export function useEditedCaseStudy(slug?: string): Target | undefined {
  const { pathname, search } = useLocation();
  const match = EDIT_PATH.exec(pathname);
  if ((slug !== undefined && slug !== CASE_STUDY) || !match || match[1] === 'create') return undefined;
  return { documentId: decodeURIComponent(match[1]!), locale: new URLSearchParams(search).get('plugins[i18n][locale]') ?? 'de' };
}

export type Language = 'de' | 'en';

/** The admin's language and a shorthand for our messages under `prefix`. */
export function useTexts(prefix: string) {
  const { formatMessage, locale } = useIntl();
  const language: Language = locale.startsWith('en') ? 'en' : 'de';
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${prefix}.${id}` }, values);
  return { text, language };
}

/** Date and time as the newsroom reads them: in Berlin, "07.12.2026, 19:15" (in English "7 Dec 2026, 19:15"). */
export function formatTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
    new Date(iso),
  );
}

export function formatDate(value: string, language: Language): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(date);
}

/** The single components of a case study and their uids (their fields' labels). */
const COMPONENT_OF: Record<string, string> = { transferability: 'case-study.transferability', contact: 'case-study.contact' };
/** Fields the catalogue does not label (the record keeps them too). */
const OWN_LABELS: Record<string, Record<Language, string>> = {
  previousSlugs: { de: 'Frühere Adressen', en: 'Earlier addresses' },
};

/** A field's label as the edit view shows it; `parent` names the component a field belongs to. */
export function fieldLabel(field: string, language: Language, parent?: string): string {
  const texts = parent ? COMPONENT_FIELDS[COMPONENT_OF[parent] ?? '']?.[field] : CASE_STUDY_FIELDS[field];
  if (texts) return language === 'en' ? (texts.labelEn ?? texts.label) : texts.label;
  return OWN_LABELS[field]?.[language] ?? field;
}

/** The edit view's field order (the catalogue's), for the comparison. */
export const FIELD_ORDER = Object.keys(CASE_STUDY_FIELDS);

/** True while the edit view's form holds changes not saved yet. */
export function useUnsavedChanges(): boolean {
  return useForm('PraxisEditorialRecord', (state) => state.modified);
}
