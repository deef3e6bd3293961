// The columns of the import format's table form (CSV and Excel), in their order, with what the
// Excel template's second sheet tells editors about each. A column name is the record's field
// (case-study-record.ts in @praxis/search); `transferability.budgetRange` is the field `budgetRange` of `transferability`.

/** Vocabularies whose values the template lists (and offers as a dropdown where one value is allowed). */
export type ValueList = 'buildingBlocks' | 'municipalities' | 'targetGroups' | 'topics' | 'settings' | 'criteria' | 'statuses' | 'budgetRanges' | 'yesNo';

export interface ImportColumn {
  name: string;
  /** What goes in, in German, for the template's "Erläuterungen" sheet. */
  description: string;
  required?: boolean;
  /** Several values, one per line (or separated by `;`). */
  multiple?: boolean;
  values?: ValueList;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'slug', description: 'Adresse des Praxisbeispiels (a–z, 0–9, Bindestriche). Leer: wird aus dem Titel gebildet. Ein vorhandener Slug aktualisiert dieses Praxisbeispiel.' },
  { name: 'translationOf', description: 'Nur in der englischen Tabelle: Slug des deutschen Praxisbeispiels, dessen Übersetzung diese Zeile ist.' },
  { name: 'title', description: 'Titel, höchstens 160 Zeichen.', required: true },
  { name: 'teaser', description: 'Kurzbeschreibung für die Trefferliste, höchstens 300 Zeichen.', required: true },
  { name: 'description', description: 'Worum es geht (Markdown).', required: true },
  { name: 'startingSituation', description: 'Ausgangslage (Markdown).' },
  { name: 'goals', description: 'Ziele (Markdown).' },
  { name: 'approach', description: 'Vorgehen (Markdown).' },
  { name: 'results', description: 'Ergebnisse (Markdown).' },
  { name: 'afterFunding', description: 'Was wurde daraus? (Markdown).' },
  { name: 'buildingBlock', description: 'Baustein (Slug, siehe Blatt „Werte“).', required: true, values: 'buildingBlocks' },
  { name: 'municipalities', description: 'Kommune(n) als achtstelliger Amtlicher Gemeindeschlüssel (AGS), z. B. 05512000 für Bottrop; siehe Blatt „Werte“.', required: true, multiple: true, values: 'municipalities' },
  { name: 'targetGroups', description: 'Zielgruppen (Slugs).', multiple: true, values: 'targetGroups' },
  { name: 'topics', description: 'Handlungsfelder (Slugs).', multiple: true, values: 'topics' },
  { name: 'settings', description: 'Settings (Slugs).', multiple: true, values: 'settings' },
  { name: 'criteria', description: 'Qualitätskriterien (Slugs).', multiple: true, values: 'criteria' },
  { name: 'status', description: 'Projektstatus.', required: true, values: 'statuses' },
  { name: 'fundingStart', description: 'Förderbeginn (Jahr, z. B. 2024).', required: true },
  { name: 'fundingEnd', description: 'Förderende (Jahr), nicht vor dem Förderbeginn.' },
  { name: 'fundingPhase', description: 'Förderphase, z. B. „1. Förderaufruf“.' },
  { name: 'provider', description: 'Träger (Name der Organisation; eine neue wird angelegt).' },
  { name: 'partners', description: 'Partner, einer je Zeile.', multiple: true },
  { name: 'staffFte', description: 'Personal in Vollzeitstellen, z. B. 1,5.' },
  { name: 'transferability.budgetRange', description: 'Budgetrahmen pro Jahr.', values: 'budgetRanges' },
  { name: 'transferability.durationMonths', description: 'Dauer bis zur Wirkung in Monaten.' },
  { name: 'transferability.partnersNeeded', description: 'Welche Partner es braucht.' },
  { name: 'transferability.firstSteps', description: 'Erste Schritte (Markdown).' },
  { name: 'successFactors', description: 'Gelingensbedingungen, eine je Zeile.', multiple: true },
  { name: 'pitfalls', description: 'Stolpersteine, einer je Zeile.', multiple: true },
  { name: 'contact.organisation', description: 'Kontakt: Organisation.' },
  { name: 'contact.role', description: 'Kontakt: Funktion (keine Namen von Personen).' },
  { name: 'contact.email', description: 'Kontakt: E-Mail-Adresse.' },
  { name: 'contact.phone', description: 'Kontakt: Telefon.' },
  { name: 'contact.website', description: 'Kontakt: Website (http:// oder https://).' },
  { name: 'links', description: 'Links, einer je Zeile als „Bezeichnung|https://…“.', multiple: true },
  { name: 'lastReviewed', description: 'Zuletzt geprüft (Datum JJJJ-MM-TT).' },
  { name: 'publish', description: 'Veröffentlichen? „ja“ oder „nein“. Beim Import in der Redaktion entscheidet die Chefredaktion; sonst kommen Praxisbeispiele als Entwurf „Zur Prüfung“.', values: 'yesNo' },
];
