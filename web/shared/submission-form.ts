// The steps of "Praxisbeispiel einreichen" and the form fields each one asks for (the page shows
// them; server/forms/submission-form.ts checks them step by step).
export interface SubmissionStep {
  id: 'projekt' | 'ort' | 'beschreibung' | 'uebertragbarkeit' | 'kontakt' | 'pruefen';
  fields: string[];
}

export const SUBMISSION_STEPS: SubmissionStep[] = [
  { id: 'projekt', fields: ['title', 'teaser', 'buildingBlock', 'status', 'fundingStart', 'fundingEnd'] },
  { id: 'ort', fields: ['municipality', 'targetGroups', 'topics', 'settings'] },
  { id: 'beschreibung', fields: ['description', 'startingSituation', 'goals', 'approach', 'results'] },
  { id: 'uebertragbarkeit', fields: ['staffFte', 'budgetRange', 'durationMonths', 'partnersNeeded', 'firstSteps', 'successFactors', 'pitfalls', 'partners'] },
  {
    id: 'kontakt',
    fields: [
      'provider',
      'contactOrganisation',
      'contactRole',
      'contactEmail',
      'contactPhone',
      'contactWebsite',
      'linkLabel',
      'linkUrl',
      'submitterName',
      'submitterOrganisation',
      'submitterEmail',
      'consent',
    ],
  },
  { id: 'pruefen', fields: ['image', 'website', 'altcha', ''] },
];

/** How many municipality fields, link rows and image rows the form offers. */
export const MUNICIPALITY_FIELDS = 4;
export const LINK_ROWS = 3;
export const IMAGE_ROWS = 3;

/** An image as the page hands it to the API, in the form's row order: its name, size and bytes (base64; empty when too large to take). */
export interface SubmittedImage {
  name: string;
  size: number;
  data: string;
}

/** The consent the submitter gives, word for word: shown on the form and stored with the submission. */
export function consentText(locale: string, retentionDays: number): string {
  return locale === 'en'
    ? `I agree that the good-practice database stores my details and the project described to review my submission, and that the editors may contact me about it. If I do not confirm my e-mail address, my details are deleted after ${retentionDays} days. The project description is published only after review; my name and e-mail address as the submitter are never published.`
    : `Ich bin einverstanden, dass die Praxisdatenbank meine Angaben und das beschriebene Projekt speichert, um meine Einreichung zu prüfen, und dass die Redaktion mich dazu kontaktiert. Bestätige ich meine E-Mail-Adresse nicht, werden meine Angaben nach ${retentionDays} Tagen gelöscht. Die Projektbeschreibung wird erst nach der Prüfung veröffentlicht; mein Name und meine E-Mail-Adresse als Einreichende/r nie.`;
}
