// The case study's fields, once: each field's kind, limits, its German and English label, the help
// text and placeholder editors read in the admin, and its column in the import format (CSV, Excel,
// JSON) with what the template tells editors about it. Derived from this list: the import record's
// schema (case-study-record.ts), the CMS's admin labels, layout order and import columns, the
// submission form's limits; `cms/tests/schema-facts.test.ts` holds every schema.json to it.
// No imports but the patterns file: the admin's and the site's browser code import this file too.
import { SLUG_MAX_LENGTH } from './patterns.ts';

/** What a field holds, which decides how it is checked and shown. */
export type FieldKind =
  | 'line' // one line of plain text
  | 'text' // plain text with line breaks
  | 'markdown' // formatted text (the CMS's rich text)
  | 'slug'
  | 'year'
  | 'decimal'
  | 'integer'
  | 'date'
  | 'boolean'
  | 'enumeration'
  | 'email'
  | 'phone'
  | 'url' // http(s)
  | 'lines' // a list of texts (a repeatable list item), one per line in the import
  | 'links' // a list of label + https address
  | 'relation'
  | 'relations' // one or several entries of a vocabulary
  | 'component'
  | 'images'
  | 'files';

/** The vocabularies the import template lists, as values of a column. */
export type ValueList = 'buildingBlocks' | 'municipalities' | 'targetGroups' | 'topics' | 'settings' | 'criteria' | 'statuses' | 'budgetRanges' | 'yesNo';

/** Labels in the admin: `de` is what the German admin shows, `en` the English one. */
export interface FieldLabel {
  readonly de: string;
  readonly en: string;
  /** Heads the field's column in the admin's list view when it should be shorter than the label. */
  readonly list?: string;
}

export interface CaseStudyField {
  /** The field of the import record and the name of its column; `transferability.budgetRange` is a component's field. */
  readonly name: string;
  /**
   * Where the CMS stores it: an attribute of the case study or `<component field>.<attribute>`;
   * the name itself when absent; null when only the import knows it.
   */
  readonly cms?: string | null;
  readonly kind: FieldKind;
  /** Characters for text, the largest number for numbers, entries for lists. */
  readonly max?: number;
  /** The smallest number (numbers only). */
  readonly min?: number;
  /** Required to publish (a draft may leave it empty). */
  readonly required?: boolean;
  readonly label?: FieldLabel;
  /** What the admin tells editors under the field (German). */
  readonly help?: string;
  readonly placeholder?: string;
  /** Its column in the import format, with the template's explanation (German). */
  readonly column?: { readonly description: string; readonly multiple?: boolean; readonly values?: ValueList };
}

/** Markdown fields are long, but not unbounded: a page of 50,000 characters is a book chapter. */
export const MARKDOWN_MAX = 50_000;
/** Entries of a list (list items, links, vocabulary entries of one kind). */
export const LIST_MAX = 50;
/** A list item (a success factor, a pitfall, a partner). */
export const LIST_ITEM_MAX = 1_000;
/** Municipalities of one case study (a Kreis-wide project names its towns; NRW has 396). */
export const MUNICIPALITIES_MAX = 400;
const TITLE_MAX = 160;
const TEASER_MAX = 300;

/** An e-mail address (RFC 5321's limit for a path). */
export const EMAIL_MAX = 254;
/** A link's text and its address (the CMS's component case-study.link). */
export const LINK_LIMITS = { label: 200, url: 1_000 } as const;

/**
 * Every field, in the order the admin's edit view and the detail page read; the import's columns
 * follow the same order.
 */
export const CASE_STUDY_FIELDS = [
  {
    name: 'title',
    kind: 'line',
    max: TITLE_MAX,
    required: true,
    label: { de: 'Titel', en: 'Title' },
    help: `Der Name des Projekts, wie Praktikerinnen und Praktiker danach suchen (höchstens ${TITLE_MAX} Zeichen).`,
    placeholder: 'z. B. Stadtteilmütter in der Nordstadt',
    column: { description: `Titel, höchstens ${TITLE_MAX} Zeichen.` },
  },
  {
    name: 'slug',
    kind: 'slug',
    max: SLUG_MAX_LENGTH,
    label: { de: 'Adresse (Slug)', en: 'Address (slug)' },
    help: 'Teil der Internetadresse. Wird aus dem Titel gebildet (ä → ae, ß → ss); nur ändern, wenn nötig.',
    column: {
      description:
        'Adresse des Praxisbeispiels (a–z, 0–9, Bindestriche). Leer: wird aus dem Titel gebildet. Ein vorhandener Slug aktualisiert dieses Praxisbeispiel.',
    },
  },
  {
    name: 'translationOf',
    cms: null,
    kind: 'slug',
    max: SLUG_MAX_LENGTH,
    label: { de: 'Übersetzung von (Slug)', en: 'Translation of (slug)' },
    column: { description: 'Nur in der englischen Tabelle: Slug des deutschen Praxisbeispiels, dessen Übersetzung diese Zeile ist.' },
  },
  {
    name: 'teaser',
    kind: 'text',
    max: TEASER_MAX,
    required: true,
    label: { de: 'Kurzbeschreibung', en: 'Short description' },
    help: `Zwei, drei Sätze für die Trefferliste und Suchmaschinen: Was wird gemacht, für wen, mit welchem Ergebnis? Höchstens ${TEASER_MAX} Zeichen.`,
    placeholder: 'Geschulte Stadtteilmütter begleiten Familien …',
    column: { description: `Kurzbeschreibung für die Trefferliste, höchstens ${TEASER_MAX} Zeichen.` },
  },
  {
    name: 'description',
    kind: 'markdown',
    max: MARKDOWN_MAX,
    required: true,
    label: { de: 'Worum es geht', en: 'What it is about' },
    help: 'Das Projekt im Überblick.',
    column: { description: 'Worum es geht (Markdown).' },
  },
  {
    name: 'startingSituation',
    kind: 'markdown',
    max: MARKDOWN_MAX,
    label: { de: 'Ausgangslage', en: 'Starting situation' },
    help: 'Welches Problem gab es im Quartier, für wen?',
    column: { description: 'Ausgangslage (Markdown).' },
  },
  { name: 'goals', kind: 'markdown', max: MARKDOWN_MAX, label: { de: 'Ziele', en: 'Goals' }, column: { description: 'Ziele (Markdown).' } },
  {
    name: 'approach',
    kind: 'markdown',
    max: MARKDOWN_MAX,
    label: { de: 'Vorgehen', en: 'Approach' },
    help: 'Was wurde getan, von wem, wie oft, wo?',
    column: { description: 'Vorgehen (Markdown).' },
  },
  {
    name: 'results',
    kind: 'markdown',
    max: MARKDOWN_MAX,
    label: { de: 'Ergebnisse', en: 'Results' },
    help: 'Was hat sich verändert? Zahlen, Rückmeldungen, Evaluation.',
    column: { description: 'Ergebnisse (Markdown).' },
  },
  {
    name: 'transferability',
    kind: 'component',
    label: { de: 'Übertragbarkeit: Was es braucht', en: 'Transferability: what it takes' },
    help: 'Was eine andere Kommune braucht, um dasselbe zu tun: Personal, Budget, Dauer, Partner, erste Schritte.',
  },
  {
    name: 'staffFte',
    cms: 'transferability.staffFte',
    kind: 'decimal',
    min: 0,
    max: 100,
    label: { de: 'Personal (Vollzeitstellen)', en: 'Staff (full-time equivalents)' },
    placeholder: '1,5',
    column: { description: 'Personal in Vollzeitstellen, z. B. 1,5.' },
  },
  {
    name: 'transferability.budgetRange',
    kind: 'enumeration',
    label: { de: 'Budget pro Jahr', en: 'Budget per year' },
    column: { description: 'Budgetrahmen pro Jahr.', values: 'budgetRanges' },
  },
  {
    name: 'transferability.durationMonths',
    kind: 'integer',
    min: 1,
    max: 240,
    label: { de: 'Dauer bis zur Wirkung (Monate)', en: 'Time to impact (months)' },
    column: { description: 'Dauer bis zur Wirkung in Monaten.' },
  },
  {
    name: 'transferability.partnersNeeded',
    kind: 'text',
    max: 2_000,
    label: { de: 'Benötigte Partner', en: 'Partners needed' },
    placeholder: 'z. B. Jugendamt, Kita-Träger',
    column: { description: 'Welche Partner es braucht.' },
  },
  {
    name: 'transferability.firstSteps',
    kind: 'markdown',
    max: MARKDOWN_MAX,
    label: { de: 'Erste Schritte', en: 'First steps' },
    help: 'Womit eine Kommune anfängt, die das übernehmen will.',
    column: { description: 'Erste Schritte (Markdown).' },
  },
  {
    name: 'successFactors',
    kind: 'lines',
    max: LIST_MAX,
    label: { de: 'Gelingensbedingungen', en: 'Success factors' },
    help: 'Was hat wesentlich zum Erfolg beigetragen? Ein Punkt je Eintrag.',
    column: { description: 'Gelingensbedingungen, eine je Zeile.', multiple: true },
  },
  {
    name: 'pitfalls',
    kind: 'lines',
    max: LIST_MAX,
    label: { de: 'Stolpersteine', en: 'Pitfalls' },
    help: 'Was war schwierig, was würde man anders machen? Ein Punkt je Eintrag.',
    column: { description: 'Stolpersteine, einer je Zeile.', multiple: true },
  },
  {
    name: 'afterFunding',
    kind: 'markdown',
    max: MARKDOWN_MAX,
    label: { de: 'Was wurde daraus?', en: 'What became of it?' },
    help: 'Was geschah nach dem Ende der Förderung: verstetigt, übertragen, beendet – und warum?',
    column: { description: 'Was wurde daraus? (Markdown).' },
  },
  {
    name: 'buildingBlock',
    kind: 'relation',
    required: true,
    label: { de: 'Baustein', en: 'Building block' },
    column: { description: 'Baustein, mit seinem Namen wie im Blatt „Werte“.', values: 'buildingBlocks' },
  },
  {
    name: 'municipalities',
    kind: 'relations',
    max: MUNICIPALITIES_MAX,
    required: true,
    label: { de: 'Kommune(n)', en: 'Municipality (or municipalities)' },
    help: 'Ort des Projekts. Tippen Sie den Namen, z. B. „Bottrop“. Ein kreisweites Projekt nennt die Städte und Gemeinden des Kreises.',
    column: {
      description:
        'Kommune(n) mit ihrem Namen wie im Blatt „Werte“, z. B. „Bottrop (kreisfreie Stadt)“ oder „Lemgo (Kreis Lippe)“ (ohne Klammer, wo der Name in NRW nur einmal vorkommt), eine je Zeile. Der achtstellige Gemeindeschlüssel (AGS, z. B. 05512000) geht auch.',
      multiple: true,
      values: 'municipalities',
    },
  },
  {
    name: 'targetGroups',
    kind: 'relations',
    max: LIST_MAX,
    label: { de: 'Zielgruppen', en: 'Target groups' },
    column: { description: 'Zielgruppen, mit ihren Namen wie im Blatt „Werte“, ein Eintrag je Zeile.', multiple: true, values: 'targetGroups' },
  },
  {
    name: 'topics',
    kind: 'relations',
    max: LIST_MAX,
    label: { de: 'Handlungsfelder', en: 'Fields of action' },
    column: { description: 'Handlungsfelder, mit ihren Namen wie im Blatt „Werte“, ein Eintrag je Zeile.', multiple: true, values: 'topics' },
  },
  {
    name: 'settings',
    kind: 'relations',
    max: LIST_MAX,
    label: { de: 'Settings', en: 'Settings' },
    help: 'Wo das Angebot stattfindet, z. B. Kita, Schule, Quartierszentrum.',
    column: { description: 'Settings, mit ihren Namen wie im Blatt „Werte“, ein Eintrag je Zeile.', multiple: true, values: 'settings' },
  },
  {
    name: 'criteria',
    kind: 'relations',
    max: LIST_MAX,
    label: { de: 'Qualitätskriterien', en: 'Quality criteria' },
    help: 'Die Good-Practice-Kriterien, die das Projekt besonders erfüllt.',
    column: { description: 'Qualitätskriterien, mit ihren Namen wie im Blatt „Werte“, ein Eintrag je Zeile.', multiple: true, values: 'criteria' },
  },
  {
    name: 'status',
    cms: 'projectStatus',
    kind: 'enumeration',
    required: true,
    label: { de: 'Projektstatus', en: 'Project status' },
    column: { description: 'Projektstatus.', values: 'statuses' },
  },
  {
    name: 'fundingStart',
    kind: 'year',
    required: true,
    label: { de: 'Förderbeginn (Jahr)', en: 'Funding start (year)' },
    placeholder: '2024',
    column: { description: 'Förderbeginn (Jahr, z. B. 2024).' },
  },
  {
    name: 'fundingEnd',
    kind: 'year',
    label: { de: 'Förderende (Jahr)', en: 'Funding end (year)' },
    help: 'Leer lassen, solange die Förderung läuft.',
    placeholder: '2026',
    column: { description: 'Förderende (Jahr), nicht vor dem Förderbeginn.' },
  },
  {
    name: 'fundingPhase',
    kind: 'line',
    max: 120,
    label: { de: 'Förderphase', en: 'Funding phase' },
    placeholder: 'z. B. 1. Förderaufruf',
    column: { description: 'Förderphase, z. B. „1. Förderaufruf“.' },
  },
  {
    name: 'lastReviewed',
    kind: 'date',
    label: { de: 'Zuletzt geprüft', en: 'Last reviewed' },
    help: 'Wann die Redaktion die Angaben zuletzt mit dem Träger abgeglichen hat.',
    column: { description: 'Zuletzt geprüft (Datum JJJJ-MM-TT).' },
  },
  {
    // The import names the provider; the CMS relates the organisation of that name (or creates it).
    name: 'provider',
    kind: 'relation',
    max: 200,
    label: { de: 'Träger', en: 'Provider' },
    column: { description: 'Träger (Name der Organisation; eine neue wird angelegt).' },
  },
  {
    name: 'partners',
    kind: 'lines',
    max: LIST_MAX,
    label: { de: 'Partner', en: 'Partners' },
    help: 'Kooperationspartner vor Ort, ein Partner je Eintrag.',
    column: { description: 'Partner, einer je Zeile.', multiple: true },
  },
  { name: 'contact', kind: 'component', label: { de: 'Kontakt', en: 'Contact' } },
  {
    name: 'contact.organisation',
    kind: 'line',
    max: 200,
    label: { de: 'Organisation', en: 'Organisation' },
    column: { description: 'Kontakt: Organisation.' },
  },
  {
    name: 'contact.role',
    kind: 'line',
    max: 200,
    label: { de: 'Funktion', en: 'Role' },
    column: { description: 'Kontakt: Funktion (keine Namen von Personen).' },
  },
  { name: 'contact.email', kind: 'email', max: EMAIL_MAX, label: { de: 'E-Mail', en: 'E-mail' }, column: { description: 'Kontakt: E-Mail-Adresse.' } },
  { name: 'contact.phone', kind: 'phone', max: 50, label: { de: 'Telefon', en: 'Phone' }, column: { description: 'Kontakt: Telefon.' } },
  {
    name: 'contact.website',
    kind: 'url',
    max: 500,
    label: { de: 'Website', en: 'Website' },
    placeholder: 'https://',
    column: { description: 'Kontakt: Website (http:// oder https://).' },
  },
  {
    name: 'links',
    kind: 'links',
    max: LIST_MAX,
    label: { de: 'Links', en: 'Links' },
    help: 'Nur Adressen, die mit https:// beginnen.',
    column: { description: 'Links, einer je Zeile als „Bezeichnung|https://…“.', multiple: true },
  },
  {
    name: 'images',
    kind: 'images',
    label: { de: 'Bilder', en: 'Images' },
    help: 'Jedes Bild braucht einen Alternativtext für blinde und sehbehinderte Menschen.',
  },
  { name: 'downloads', kind: 'files', label: { de: 'Downloads', en: 'Downloads' } },
  {
    name: 'editorialState',
    kind: 'enumeration',
    label: { de: 'Redaktionsstatus', en: 'Editorial status' },
    help: 'Entwurf → Zur Prüfung → Freigegeben. Die Redaktion gibt zur Prüfung, die Chefredaktion gibt frei und veröffentlicht.',
  },
  {
    name: 'reviewComment',
    kind: 'text',
    max: 2_000,
    label: { de: 'Anmerkung der Prüfung', en: 'Review comment' },
    help: 'Was vor der Freigabe noch fehlt (für die Redaktion sichtbar, nie veröffentlicht).',
  },
  {
    name: 'submitted',
    kind: 'boolean',
    label: { de: 'Eingereicht über das Formular', en: 'Submitted through the form' },
    help: 'Ein Träger hat das Praxisbeispiel über „Praxisbeispiel einreichen“ geschickt und seine E-Mail-Adresse bestätigt. Vor der Freigabe mit dem Träger abgleichen.',
  },
  {
    name: 'publish',
    cms: null,
    kind: 'boolean',
    label: { de: 'Veröffentlichen', en: 'Publish' },
    column: {
      description:
        'Veröffentlichen? „ja“ oder „nein“. Beim Import in der Redaktion entscheidet die Chefredaktion; sonst kommen Praxisbeispiele als Entwurf „Zur Prüfung“.',
      values: 'yesNo',
    },
  },
] as const satisfies readonly CaseStudyField[];

export type CaseStudyFieldName = (typeof CASE_STUDY_FIELDS)[number]['name'];

/** Where the CMS stores a field (see {@link CaseStudyField.cms}); null when only the import knows it. */
export function cmsPathOf(field: CaseStudyField): string | null {
  return field.cms === undefined ? field.name : field.cms;
}

/** A field by its name in the import record. */
export function caseStudyField(name: CaseStudyFieldName): CaseStudyField {
  return CASE_STUDY_FIELDS.find((field) => field.name === name)!;
}

/** The largest value or length of a field (every field asked for here has one). */
export function fieldMax(name: CaseStudyFieldName): number {
  const max = caseStudyField(name).max;
  if (max === undefined) throw new Error(`The field ${name} has no maximum in the catalogue`);
  return max;
}

/** The smallest value of a number field. */
export function fieldMin(name: CaseStudyFieldName): number {
  const min = caseStudyField(name).min;
  if (min === undefined) throw new Error(`The field ${name} has no minimum in the catalogue`);
  return min;
}
