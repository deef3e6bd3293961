// "Nachnutzung melden": the consent the reporter gives, word for word — shown on the form (the
// page renders it) and stored with the report by the CMS.
export function transferConsentText(locale: string, retentionDays: number): string {
  return locale === 'en'
    ? `I agree that the good-practice database stores my details to review my report. If I do not confirm my e-mail address, they are deleted after ${retentionDays} days; once confirmed, my name and e-mail address are deleted after ${retentionDays} days as well, unless I allow the editors to contact me. The report (municipality, year and texts) is published only after review; my name and e-mail address never.`
    : `Ich bin einverstanden, dass die Praxisdatenbank meine Angaben speichert, um meinen Bericht zu prüfen. Bestätige ich meine E-Mail-Adresse nicht, werden sie nach ${retentionDays} Tagen gelöscht; nach der Bestätigung werden mein Name und meine E-Mail-Adresse ebenfalls nach ${retentionDays} Tagen gelöscht, es sei denn, ich erlaube der Redaktion, mich zu kontaktieren. Der Bericht (Kommune, Jahr und Texte) wird erst nach der Prüfung veröffentlicht; mein Name und meine E-Mail-Adresse nie.`;
}

/** The form's fields, in the order the form asks them. */
export const TRANSFER_FORM_FIELDS = [
  'municipality',
  'since',
  'adopted',
  'changed',
  'helped',
  'hindered',
  'name',
  'organisation',
  'email',
  'contactConsent',
  'consent',
] as const;
