// What editors read in the admin: German labels (with the English ones for the English admin),
// help texts and placeholders for every field, in the order the detail page reads. Applied by
// admin-layout.ts; the English labels reach the admin as translations (src/admin/translations.ts).

/**
 * `label` is what the German admin shows; `labelEn` replaces it when an editor chose English.
 * `listLabel` heads the field's column in the list view when it should be shorter than the label.
 */
export interface FieldText { label: string; labelEn?: string; listLabel?: string; description?: string; placeholder?: string }

export const CASE_STUDY_FIELDS: Record<string, FieldText> = {
  title: { label: 'Titel', labelEn: 'Title', description: 'Der Name des Projekts, wie Praktikerinnen und Praktiker danach suchen (höchstens 160 Zeichen).', placeholder: 'z. B. Stadtteilmütter in der Nordstadt' },
  slug: { label: 'Adresse (Slug)', labelEn: 'Address (slug)', description: 'Teil der Internetadresse. Wird aus dem Titel gebildet (ä → ae, ß → ss); nur ändern, wenn nötig.' },
  teaser: { label: 'Kurzbeschreibung', labelEn: 'Short description', description: 'Zwei, drei Sätze für die Trefferliste und Suchmaschinen: Was wird gemacht, für wen, mit welchem Ergebnis? Höchstens 300 Zeichen.', placeholder: 'Geschulte Stadtteilmütter begleiten Familien …' },
  description: { label: 'Worum es geht', labelEn: 'What it is about', description: 'Das Projekt im Überblick.' },
  startingSituation: { label: 'Ausgangslage', labelEn: 'Starting situation', description: 'Welches Problem gab es im Quartier, für wen?' },
  goals: { label: 'Ziele', labelEn: 'Goals' },
  approach: { label: 'Vorgehen', labelEn: 'Approach', description: 'Was wurde getan, von wem, wie oft, wo?' },
  results: { label: 'Ergebnisse', labelEn: 'Results', description: 'Was hat sich verändert? Zahlen, Rückmeldungen, Evaluation.' },
  transferability: { label: 'Übertragbarkeit: Was es braucht', labelEn: 'Transferability: what it takes', description: 'Was eine andere Kommune braucht, um dasselbe zu tun: Personal, Budget, Dauer, Partner, erste Schritte.' },
  successFactors: { label: 'Gelingensbedingungen', labelEn: 'Success factors', description: 'Was hat wesentlich zum Erfolg beigetragen? Ein Punkt je Eintrag.' },
  pitfalls: { label: 'Stolpersteine', labelEn: 'Pitfalls', description: 'Was war schwierig, was würde man anders machen? Ein Punkt je Eintrag.' },
  afterFunding: { label: 'Was wurde daraus?', labelEn: 'What became of it?', description: 'Was geschah nach dem Ende der Förderung: verstetigt, übertragen, beendet – und warum?' },
  buildingBlock: { label: 'Baustein', labelEn: 'Building block' },
  municipalities: { label: 'Kommune(n)', labelEn: 'Municipality (or municipalities)', description: 'Ort des Projekts. Tippen Sie den Namen, z. B. „Bottrop“. Ein kreisweites Projekt nennt die Städte und Gemeinden des Kreises.' },
  targetGroups: { label: 'Zielgruppen', labelEn: 'Target groups' },
  topics: { label: 'Handlungsfelder', labelEn: 'Fields of action' },
  settings: { label: 'Settings', labelEn: 'Settings', description: 'Wo das Angebot stattfindet, z. B. Kita, Schule, Quartierszentrum.' },
  criteria: { label: 'Qualitätskriterien', labelEn: 'Quality criteria', description: 'Die Good-Practice-Kriterien, die das Projekt besonders erfüllt.' },
  projectStatus: { label: 'Projektstatus', labelEn: 'Project status' },
  fundingStart: { label: 'Förderbeginn (Jahr)', labelEn: 'Funding start (year)', placeholder: '2024' },
  fundingEnd: { label: 'Förderende (Jahr)', labelEn: 'Funding end (year)', description: 'Leer lassen, solange die Förderung läuft.', placeholder: '2026' },
  fundingPhase: { label: 'Förderphase', labelEn: 'Funding phase', placeholder: 'z. B. 1. Förderaufruf' },
  lastReviewed: { label: 'Zuletzt geprüft', labelEn: 'Last reviewed', description: 'Wann die Redaktion die Angaben zuletzt mit dem Träger abgeglichen hat.' },
  provider: { label: 'Träger', labelEn: 'Provider' },
  partners: { label: 'Partner', labelEn: 'Partners', description: 'Kooperationspartner vor Ort, ein Partner je Eintrag.' },
  contact: { label: 'Kontakt', labelEn: 'Contact' },
  links: { label: 'Links', labelEn: 'Links', description: 'Nur Adressen, die mit https:// beginnen.' },
  images: { label: 'Bilder', labelEn: 'Images', description: 'Jedes Bild braucht einen Alternativtext für blinde und sehbehinderte Menschen.' },
  downloads: { label: 'Downloads', labelEn: 'Downloads' },
  editorialState: { label: 'Redaktionsstatus', labelEn: 'Editorial status', description: 'Entwurf → Zur Prüfung → Freigegeben. Die Redaktion gibt zur Prüfung, die Chefredaktion gibt frei und veröffentlicht.' },
  reviewComment: { label: 'Anmerkung der Prüfung', labelEn: 'Review comment', description: 'Was vor der Freigabe noch fehlt (für die Redaktion sichtbar, nie veröffentlicht).' },
  submitted: { label: 'Eingereicht über das Formular', labelEn: 'Submitted through the form', description: 'Ein Träger hat das Praxisbeispiel über „Praxisbeispiel einreichen“ geschickt und seine E-Mail-Adresse bestätigt. Vor der Freigabe mit dem Träger abgleichen.' },
};

/** Field labels of the components, per component uid. */
export const COMPONENT_FIELDS: Record<string, Record<string, FieldText>> = {
  'case-study.transferability': {
    staffFte: { label: 'Personal (Vollzeitstellen)', placeholder: '1,5' },
    budgetRange: { label: 'Budget pro Jahr' },
    durationMonths: { label: 'Dauer bis zur Wirkung (Monate)' },
    partnersNeeded: { label: 'Benötigte Partner', placeholder: 'z. B. Jugendamt, Kita-Träger' },
    firstSteps: { label: 'Erste Schritte', description: 'Womit eine Kommune anfängt, die das übernehmen will.' },
  },
  'case-study.contact': {
    organisation: { label: 'Organisation' }, role: { label: 'Funktion' }, email: { label: 'E-Mail' },
    phone: { label: 'Telefon' }, website: { label: 'Website', placeholder: 'https://' },
  },
  'case-study.link': { label: { label: 'Linktext' }, url: { label: 'Adresse', placeholder: 'https://' } },
  'case-study.list-item': { text: { label: 'Text' } },
  'media.image': {
    file: { label: 'Bilddatei' },
    alt: { label: 'Alternativtext', description: 'Was auf dem Bild zu sehen ist, in einem Satz. Pflicht.' },
    caption: { label: 'Bildunterschrift' }, credit: { label: 'Bildnachweis', placeholder: 'Foto: …' },
  },
};

/** The list view's columns: what editors ask of the list. */
export const CASE_STUDY_LIST = ['title', 'buildingBlock', 'editorialState', 'lastReviewed', 'updatedAt'];

/**
 * The search terms ("Suchbegriffe", api::search-term): German only. Strapi looks a field's
 * translation up under one id for the list's column and the edit view's label, so a translation
 * would make "Richtung" and "Nur in eine Richtung" the same; the labels below are used as they are.
 */
export const SEARCH_TERM_FIELDS: Record<string, FieldText> = {
  language: { label: 'Sprache', description: 'Die Gruppe gilt für die Suche in dieser Sprache (deutsche oder englische Website).' },
  // The limits are MAX_SYNONYMS_PER_SET and MAX_SYNONYM_LENGTH of @praxis/search (held equal by tests/integration/search-terms.test.ts).
  words: {
    label: 'Begriffe (einer pro Zeile)', listLabel: 'Begriffe',
    description: 'Wörter oder kurze Wendungen, die in der Suche dasselbe meinen: jeder Begriff in einer eigenen Zeile, mindestens zwei, höchstens 20, je höchstens 60 Zeichen. Wer einen sucht, findet auch die anderen. Groß- und Kleinschreibung, Umlaute und Mehrzahl spielen keine Rolle.',
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

/** What each taxonomy's pickers show and search. */
export const MAIN_FIELDS: Record<string, string> = {
  'api::municipality.municipality': 'label',
  'api::building-block.building-block': 'name',
  'api::target-group.target-group': 'name',
  'api::topic.topic': 'name',
  'api::setting.setting': 'name',
  'api::quality-criterion.quality-criterion': 'name',
  'api::organisation.organisation': 'name',
};
