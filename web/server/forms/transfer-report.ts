// "Nachnutzung melden" (POST /api/transfer-reports, which the form page's server calls with the
// posted form). The same path as "Kontakt aufnehmen" (contact-request.ts): the shared schema in the
// reader's language (the Kommune resolved from its name as "Praxisbeispiel einreichen" does), then
// honeypot, proof of work and per-client limit (public-form.ts), then the CMS, which stores the
// report and mails the confirmation link (cms/src/requests/transfer-reports.ts).
import type { H3Event } from 'h3';
import { isLocale, transferReportSchema, type Locale } from '@praxis/search';
import { loadVocabulary } from '../search/vocabulary';
import { transferConsentText } from '~~/shared/transfer-form';
import { guardPublicForm } from './public-form';
import { resolveTowns, townChoices } from './submission-form';

export type TransferOutcome = { status: 202 } | { status: 400 | 404 | 410 | 429 | 503; message: string; fields: Record<string, string> };

const OPTIONAL_TEXTS = ['changed', 'helped', 'hindered', 'organisation'] as const;

const TEXTS = {
  de: {
    check: 'Bitte prüfen Sie die markierten Felder.',
    required: 'Pflichtfeld: bitte ausfüllen.',
    unavailable: 'Ihr Bericht konnte gerade nicht gespeichert werden. Bitte versuchen Sie es in einigen Minuten erneut; Ihre Angaben sind erhalten.',
    404: 'Dieses Praxisbeispiel gibt es nicht (mehr).',
    429: 'Von dieser E-Mail-Adresse kamen in der letzten Stunde schon mehrere Berichte. Bitte versuchen Sie es später erneut.',
  },
  en: {
    check: 'Please check the marked fields.',
    required: 'Required: please fill in.',
    unavailable: 'Your report could not be saved just now. Please try again in a few minutes; your entries are kept.',
    404: 'This case study does not exist (any more).',
    429: 'Several reports came from this e-mail address in the last hour. Please try again later.',
  },
} satisfies Record<Locale, unknown>;

interface CmsError {
  error?: { message?: string; details?: { errors?: { path?: (string | number)[]; message?: string }[] } };
}

/** The report the CMS takes, from the form's fields, and the messages the conversion itself found (the Kommune). */
async function readReport(fields: Record<string, string>, locale: Locale): Promise<{ report: Record<string, unknown>; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const townName = (fields.municipality ?? '').trim();
  let municipality = '';
  if (townName === '') errors.municipality = TEXTS[locale].required;
  else {
    const { byLocale } = await loadVocabulary();
    const resolved = resolveTowns([townName], townChoices(byLocale[locale]!), locale);
    if (resolved.error) errors.municipality = resolved.error;
    else municipality = resolved.ags[0]!;
  }
  const report: Record<string, unknown> = {
    caseStudy: fields.caseStudy ?? '',
    locale,
    municipality,
    since: (fields.since ?? '').trim(),
    adopted: fields.adopted ?? '',
    name: fields.name ?? '',
    email: fields.email ?? '',
    contactConsent: fields.contactConsent === 'ja',
    consent: fields.consent === 'ja',
  };
  for (const key of OPTIONAL_TEXTS) if ((fields[key] ?? '').trim() !== '') report[key] = fields[key];
  return { report, errors };
}

export async function sendTransferReport(event: H3Event, fields: Record<string, string>): Promise<TransferOutcome> {
  const locale: Locale = isLocale(fields.locale ?? '') ? (fields.locale as Locale) : 'de';
  const texts = TEXTS[locale];
  const { report, errors } = await readReport(fields, locale);
  const parsed = transferReportSchema(locale).safeParse(report);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      // The Kommune's own message (unknown name) says more than the schema's about an empty code.
      if (field === 'municipality' && errors.municipality) continue;
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { status: 400, message: texts.check, fields: errors };
  // Last, so that a form refused for its content keeps its proof of work and its place in the limit.
  const refusal = await guardPublicForm(event, fields, locale);
  if (refusal) return { status: refusal.status, message: refusal.message, fields: refusal.field ? { [refusal.field]: refusal.message } : {} };

  const {
    strapiUrl,
    strapiToken,
    public: { requestRetentionDays },
  } = useRuntimeConfig();
  try {
    await $fetch(`${strapiUrl}/api/transfer-reports`, {
      method: 'POST',
      body: { ...parsed.data!, consentText: transferConsentText(locale, Number(requestRetentionDays)) },
      timeout: 10_000,
      headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
    });
    return { status: 202 };
  } catch (error) {
    const { statusCode, data } = error as { statusCode?: number; data?: CmsError };
    if (statusCode === 404) return { status: 404, message: texts[404], fields: {} };
    if (statusCode === 429) return { status: 429, message: texts[429], fields: { email: texts[429] } };
    if (statusCode === 400) {
      // The CMS checks with the same schema and knows the Kommunen; its messages are German.
      const fieldMessages: Record<string, string> = {};
      for (const entry of data?.error?.details?.errors ?? []) if (entry.path?.[0] && entry.message) fieldMessages[String(entry.path[0])] ??= entry.message;
      return { status: 400, message: data?.error?.message ?? texts.check, fields: fieldMessages };
    }
    console.error(`[transfer] the CMS did not take a report: ${(error as Error).message}`);
    return { status: 503, message: texts.unavailable, fields: {} };
  }
}
