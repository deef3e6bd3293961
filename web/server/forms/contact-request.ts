// "Kontakt aufnehmen" (POST /api/contact-requests, which the contact page's server calls with
// the posted form). The site checks the form (the shared schema in the reader's language, then
// honeypot, proof of work and per-client limit), then hands the request to the CMS, which stores
// it and queues its mails (cms/src/requests/contact-requests.ts).
import type { H3Event } from 'h3';
import { contactRequestSchema, isLocale, type Locale } from '@praxis/search';
import { guardPublicForm } from './public-form';

export type ContactOutcome = { status: 202 } | { status: 400 | 404 | 422 | 429 | 503; message: string; fields: Record<string, string> };

const FORM_FIELDS = ['caseStudy', 'locale', 'purpose', 'message', 'name', 'organisation', 'email'] as const;

const TEXTS = {
  de: {
    check: 'Bitte prüfen Sie die markierten Felder.',
    unavailable: 'Ihre Anfrage konnte gerade nicht gespeichert werden. Bitte versuchen Sie es in einigen Minuten erneut; Ihre Angaben sind erhalten.',
    404: 'Dieses Praxisbeispiel gibt es nicht (mehr).',
    422: 'Für dieses Praxisbeispiel ist keine Kontaktadresse hinterlegt.',
    429: 'Von dieser E-Mail-Adresse kamen in der letzten Stunde schon mehrere Anfragen. Bitte versuchen Sie es später erneut.',
  },
  en: {
    check: 'Please check the marked fields.',
    unavailable: 'Your request could not be saved just now. Please try again in a few minutes; your entries are kept.',
    404: 'This case study does not exist (any more).',
    422: 'This case study has no contact address.',
    429: 'Several requests came from this e-mail address in the last hour. Please try again later.',
  },
} satisfies Record<Locale, unknown>;

interface CmsError {
  error?: { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } };
}

/** The form's fields as strings (a form or JSON body may carry anything). */
export function contactFields(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value;
  return fields;
}

export async function sendContactRequest(event: H3Event, fields: Record<string, string>): Promise<ContactOutcome> {
  const locale: Locale = isLocale(fields.locale ?? '') ? (fields.locale as Locale) : 'de';
  const texts = TEXTS[locale];
  const request: Record<string, unknown> = Object.fromEntries(
    FORM_FIELDS.filter((key) => fields[key] !== undefined && !(key === 'organisation' && fields[key]!.trim() === '')).map((key) => [key, fields[key]]),
  );
  // The checkbox of the follow-up (cms/src/requests/follow-up.ts): ticked or not, never anything else.
  if (fields.followUp !== undefined) request.followUp = fields.followUp === 'ja';
  const parsed = contactRequestSchema(locale).safeParse(request);
  if (!parsed.success) {
    const fieldMessages: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldMessages[String(issue.path[0] ?? '')] ??= issue.message;
    return { status: 400, message: texts.check, fields: fieldMessages };
  }
  // Last, so that a form refused for its content keeps its proof of work and its place in the limit.
  const refusal = await guardPublicForm(event, fields, locale);
  if (refusal) return { status: refusal.status, message: refusal.message, fields: refusal.field ? { [refusal.field]: refusal.message } : {} };

  const { strapiUrl, strapiToken } = useRuntimeConfig();
  try {
    await $fetch(`${strapiUrl}/api/contact-requests`, {
      method: 'POST',
      body: parsed.data,
      timeout: 10_000,
      headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
    });
    return { status: 202 };
  } catch (error) {
    const { statusCode, data } = error as { statusCode?: number; data?: CmsError };
    if (statusCode === 404 || statusCode === 422) return { status: statusCode, message: texts[statusCode], fields: {} };
    if (statusCode === 429) return { status: 429, message: texts[429], fields: { email: texts[429] } };
    if (statusCode === 400) {
      // The CMS checks with the same schema, so this is rare; its messages are German.
      const fieldMessages: Record<string, string> = {};
      for (const entry of data?.error?.details?.errors ?? []) if (entry.path?.[0] && entry.message) fieldMessages[entry.path[0]] ??= entry.message;
      return { status: 400, message: data?.error?.message ?? texts.check, fields: fieldMessages };
    }
    console.error(`[contact] the CMS did not take a request: ${(error as Error).message}`);
    return { status: 503, message: texts.unavailable, fields: {} };
  }
}
