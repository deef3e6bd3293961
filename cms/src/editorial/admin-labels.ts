// What editors read in the admin: German labels (with the English ones for the English admin),
// help texts and placeholders for every field, in the order the detail page reads. Applied by
// admin-layout.ts; the English labels reach the admin as translations (src/admin/translations.ts).
// The case study's labels, help texts and placeholders are the catalogue's (@praxis/search); the
// texts here are those of the admin's own types and components.
import { CASE_STUDY_FIELDS as CATALOGUE, cmsPathOf, TAXONOMIES, type CaseStudyField } from '@praxis/search/catalogue';

/**
 * `label` is what the German admin shows; `labelEn` replaces it when an editor chose English.
 * `listLabel` heads the field's column in the list view when it should be shorter than the label.
 */
export interface FieldText {
  label: string;
  labelEn?: string;
  listLabel?: string;
  description?: string;
  placeholder?: string;
}

/** A catalogue field's texts as the admin's layout takes them. */
const textsOf = (field: CaseStudyField): FieldText => ({
  label: field.label!.de,
  labelEn: field.label!.en,
  ...(field.label?.list ? { listLabel: field.label.list } : {}),
  ...(field.help ? { description: field.help } : {}),
  ...(field.placeholder ? { placeholder: field.placeholder } : {}),
});
const labelled = (CATALOGUE as readonly CaseStudyField[]).filter((field) => field.label && cmsPathOf(field) !== null);

/** The case study's own fields (catalogue order is the edit view's order). */
export const CASE_STUDY_FIELDS: Record<string, FieldText> = Object.fromEntries(
  labelled.filter((field) => !cmsPathOf(field)!.includes('.')).map((field) => [cmsPathOf(field)!, textsOf(field)]),
);

/** The fields of a component the case study holds once (transferability, contact), from the catalogue. */
const componentTexts = (component: string): Record<string, FieldText> =>
  Object.fromEntries(
    labelled.filter((field) => cmsPathOf(field)!.startsWith(`${component}.`)).map((field) => [cmsPathOf(field)!.slice(component.length + 1), textsOf(field)]),
  );

/** Field labels of the components, per component uid. */
export const COMPONENT_FIELDS: Record<string, Record<string, FieldText>> = {
  'case-study.transferability': componentTexts('transferability'),
  'case-study.contact': componentTexts('contact'),
  'case-study.link': { label: { label: 'Linktext' }, url: { label: 'Adresse', placeholder: 'https://' } },
  'case-study.list-item': { text: { label: 'Text' } },
  'media.image': {
    file: { label: 'Bilddatei' },
    alt: { label: 'Alternativtext', description: 'Was auf dem Bild zu sehen ist, in einem Satz. Pflicht.' },
    caption: { label: 'Bildunterschrift' },
    credit: { label: 'Bildnachweis', placeholder: 'Foto: …' },
  },
};

/** The list view's columns: what editors ask of the list, fitting a 1366 px screen (the Baustein, with its long names, is a filter). */
export const CASE_STUDY_LIST = ['title', 'editorialState', 'lastReviewed', 'updatedAt'];

/**
 * The search terms ("Suchbegriffe", api::search-term): German only. Strapi looks a field's
 * translation up under one id for the list's column and the edit view's label, so a translation
 * would make "Richtung" and "Nur in eine Richtung" the same; the labels below are used as they are.
 */
export const SEARCH_TERM_FIELDS: Record<string, FieldText> = {
  language: { label: 'Sprache', description: 'Die Gruppe gilt für die Suche in dieser Sprache (deutsche oder englische Website).' },
  // The limits are MAX_SYNONYMS_PER_SET and MAX_SYNONYM_LENGTH of @praxis/search (held equal by tests/integration/search-terms.test.ts).
  words: {
    label: 'Begriffe (einer pro Zeile)',
    listLabel: 'Begriffe',
    description:
      'Wörter oder kurze Wendungen, die in der Suche dasselbe meinen: jeder Begriff in einer eigenen Zeile, mindestens zwei, höchstens 20, je höchstens 60 Zeichen. Wer einen sucht, findet auch die anderen. Groß- und Kleinschreibung, Umlaute und Mehrzahl spielen keine Rolle.',
    placeholder: 'Kita\nKindertagesstätte\nKindergarten',
  },
  oneWay: { label: 'Nur in eine Richtung', listLabel: 'Richtung', description: 'Das erste Wort findet auch die anderen, aber nicht umgekehrt.' },
  note: { label: 'Notiz', description: 'Nur für die Redaktion, z. B. warum es diese Gruppe gibt. Erscheint nicht auf der Website.' },
};

/** The search terms' list columns and edit view, in reading order. */
export const SEARCH_TERM_LIST = ['language', 'words', 'oneWay'];
export const SEARCH_TERM_EDIT: { name: string; size: number }[][] = [
  [{ name: 'language', size: 6 }],
  [{ name: 'words', size: 12 }],
  [{ name: 'oneWay', size: 6 }],
  [{ name: 'note', size: 12 }],
];

/**
 * The Träger (api::organisation), in the Chefredaktion's edit view and in the form the
 * Redaktion fills in from a case study's relation picker to propose one. German only, like the
 * search terms.
 */
export const ORGANISATION_FIELDS: Record<string, FieldText> = {
  name: {
    label: 'Name',
    description: 'Der vollständige Name des Trägers, wie er auf der Website erscheint, z. B. „Caritasverband für die Stadt Bottrop e. V.“.',
  },
  slug: { label: 'Adresse (Slug)', description: 'Leer gelassen, bildet das System sie beim Speichern aus dem Namen.' },
  website: { label: 'Website', placeholder: 'https://' },
  proposed: {
    label: 'Vorgeschlagen',
    description:
      'Von der Redaktion vorgeschlagen und noch nicht freigegeben: erscheint nicht auf der Website, und ein Praxisbeispiel mit diesem Träger lässt sich erst nach der Freigabe veröffentlichen. Die Chefredaktion gibt ihn auf der Startseite unter „Vorgeschlagene Träger“ frei.',
  },
};
/** The Träger list's columns. */
export const ORGANISATION_LIST = ['name', 'website', 'proposed'];
/** "Nachnutzung" (api::transfer-report): reports from the site's form "Nachnutzung melden", German only (like the search terms). */
export const TRANSFER_REPORT_FIELDS: Record<string, FieldText> = {
  title: { label: 'Bezeichnung', description: 'Kommune und Praxisbeispiel; nur für die Liste der Redaktion.' },
  caseStudyTitle: { label: 'Praxisbeispiel', description: 'Das übernommene Praxisbeispiel (aus dem Formular).' },
  caseStudyDocumentId: { label: 'Kennung des Praxisbeispiels', description: 'Verknüpft den Bericht mit dem Praxisbeispiel; vom Formular gesetzt.' },
  municipality: { label: 'Kommune', description: 'Die Kommune, die das Projekt übernommen hat.' },
  since: { label: 'Seit (Jahr)', listLabel: 'Seit' },
  reportLocale: {
    label: 'Sprache des Berichts',
    listLabel: 'Sprache',
    description: 'de: Deutsch, en: Englisch. Der Bericht erscheint auf der Seite des Praxisbeispiels in dieser Sprache.',
  },
  adopted: { label: 'Was wurde übernommen?', description: 'Erscheint als Kurztext unter „Übertragen nach“ auf der Seite des Praxisbeispiels.' },
  changed: { label: 'Was wurde verändert?' },
  helped: { label: 'Was hat geholfen?' },
  hindered: { label: 'Was stand im Weg?' },
  contactName: { label: 'Kontakt: Name', description: 'Nur mit Einwilligung der meldenden Person; erscheint nicht auf der Website.' },
  contactOrganisation: { label: 'Kontakt: Organisation' },
  contactEmail: { label: 'Kontakt: E-Mail' },
  editorialState: { label: 'Redaktionsstatus' },
};
/** The year is in the edit view only: the list would print it as a number with a thousands separator ("2.024"). */
export const TRANSFER_REPORT_LIST = ['title', 'editorialState', 'updatedAt'];
export const TRANSFER_REPORT_READ_ONLY = ['caseStudyDocumentId', 'caseStudyTitle'];

/** What each taxonomy's pickers show and search. */
export const MAIN_FIELDS: Record<string, string> = Object.fromEntries(TAXONOMIES.map((taxonomy) => [taxonomy.uid, taxonomy.pickerField]));

/** The events' ("Veranstaltungen", api::event) fields, in the order their page reads. */
export const EVENT_FIELDS: Record<string, FieldText> = {
  title: { label: 'Titel', labelEn: 'Title', description: 'So heißt die Veranstaltung auf der Website und im Kalender. Höchstens 160 Zeichen.' },
  slug: {
    label: 'Adresse (URL)',
    labelEn: 'Address (URL)',
    description:
      'Der letzte Teil der Adresse der Veranstaltungsseite, aus dem Titel gebildet. Nach der Veröffentlichung nicht mehr ändern: Links und Kalendereinträge zeigen darauf.',
  },
  startsAt: { label: 'Beginn', labelEn: 'Starts', description: 'Datum und Uhrzeit, deutsche Zeit.' },
  endsAt: { label: 'Ende', labelEn: 'Ends', description: 'Datum und Uhrzeit, deutsche Zeit. Nicht vor dem Beginn.' },
  format: { label: 'Form', labelEn: 'Format', description: 'Vor Ort, online oder beides.' },
  venue: {
    label: 'Veranstaltungsort',
    labelEn: 'Venue',
    description: 'Name des Hauses oder Raums. Pflicht für Veranstaltungen vor Ort.',
    placeholder: 'Stadtteilzentrum Altendorf',
  },
  address: { label: 'Anschrift', labelEn: 'Address', description: 'Straße, Hausnummer, Postleitzahl und Ort.', placeholder: 'Musterstraße 12, 45143 Essen' },
  onlineUrl: {
    label: 'Link zur Online-Teilnahme',
    labelEn: 'Online link',
    description: 'Nur wenn er öffentlich sein darf; sonst erhalten Teilnehmende ihn mit der Anmeldung. Nur https-Adressen.',
    placeholder: 'https://',
  },
  organiser: { label: 'Veranstalter', labelEn: 'Organiser', description: 'Wer einlädt: Organisation, nicht Person.' },
  description: {
    label: 'Beschreibung',
    labelEn: 'Description',
    description: 'Worum es geht und für wen, in zwei, drei Sätzen (höchstens 600 Zeichen). Erscheint in der Liste, im Kalender und in Suchmaschinen.',
  },
  programme: { label: 'Programm', labelEn: 'Programme', description: 'Ablauf mit Uhrzeiten; Überschriften, Listen und Links sind möglich.' },
  registrationUrl: { label: 'Link zur Anmeldung', labelEn: 'Registration link', description: 'Nur https-Adressen.', placeholder: 'https://' },
  caseStudies: {
    label: 'Vorgestellte Praxisbeispiele',
    labelEn: 'Case studies presented',
    description: 'Die Praxisbeispiele, die hier vorgestellt werden oder wurden; ihre Seiten nennen dann diese Veranstaltung.',
  },
  materials: {
    label: 'Materialien',
    labelEn: 'Materials',
    description: 'Nach der Veranstaltung: Folien, Dokumentation (PDF oder Bilder). Jede Datei wird beim Hochladen nach ihrem Inhalt geprüft.',
  },
};

/** The events' list columns. */
export const EVENT_LIST = ['title', 'startsAt', 'format', 'updatedAt'];
