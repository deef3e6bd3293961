// What every public form passes before its content is looked at: the honeypot (a field people
// never see, so never fill), the proof of work (server/forms/proof-of-work.ts) and the limit per
// client. Answers are in the reader's language, attached to the field concerned.
import type { H3Event } from 'h3';
import type { Locale } from '@praxis/search';
import { CLIENT_ADDRESS_HEADER } from '../security/client-address';
import { sharedState } from '../shared-state/shared-state';
import { checkProof } from './proof-of-work';

/** The field a form hides from people and shows to scripts that fill in everything. */
export const HONEYPOT_FIELD = 'website';
export const PROOF_FIELD = 'altcha';

export interface FormRefusal {
  status: 400 | 429;
  /** The field the message belongs to, or '' for the whole form. */
  field: string;
  message: string;
}

const TEXTS = {
  de: {
    honeypot: 'Dieses Feld bitte leer lassen.',
    missing: 'Die Sicherheitsprüfung fehlt. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.',
    invalid: 'Die Sicherheitsprüfung ist fehlgeschlagen. Bitte senden Sie das Formular erneut.',
    expired: 'Das Formular war zu lange offen. Bitte senden Sie es erneut; Ihre Angaben sind erhalten.',
    replayed: 'Dieses Formular wurde schon gesendet. Bitte senden Sie es erneut, wenn Sie eine weitere Anfrage stellen möchten.',
    'too-fast': 'Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular erneut.',
    limit: (minutes: number) => `Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Anfragen. Bitte versuchen Sie es in ${minutes} Minuten erneut.`,
  },
  en: {
    honeypot: 'Please leave this field empty.',
    missing: 'The security check is missing. Please reload the page and send the form again.',
    invalid: 'The security check failed. Please send the form again.',
    expired: 'The form was open for too long. Please send it again; your entries are kept.',
    replayed: 'This form has already been sent. Please send it again if you want to make another request.',
    'too-fast': 'That was very quick. Please check your entries and send the form again.',
    limit: (minutes: number) => `Very many requests came from your connection in a short time. Please try again in ${minutes} minutes.`,
  },
} satisfies Record<Locale, unknown>;

const HOUR = 60 * 60 * 1000;
/**
 * NUXT_FORM_RATE_LIMIT submissions per client and hour (default 20: an office behind one
 * address); a fifth of that without the proof of work, which a browser without JavaScript
 * cannot do, and which is therefore cheaper for a script too. Counted across all site instances (shared-state/).
 */
function formLimit(kind: 'solved' | 'unsolved'): number {
  const perHour = Math.max(1, Number(useRuntimeConfig().formRateLimit) || 20);
  return kind === 'solved' ? perHour : Math.max(1, Math.floor(perHour / 5));
}

/** Checks honeypot, proof of work and the per-client limit; undefined when the form may be read. */
export async function guardPublicForm(event: H3Event, fields: Record<string, unknown>, locale: Locale): Promise<FormRefusal | undefined> {
  const texts = TEXTS[locale];
  if (typeof fields[HONEYPOT_FIELD] === 'string' && fields[HONEYPOT_FIELD].trim() !== '') {
    return { status: 400, field: HONEYPOT_FIELD, message: texts.honeypot };
  }
  const proof = await checkProof(fields[PROOF_FIELD]);
  if (proof.kind === 'refused') return { status: 400, field: PROOF_FIELD, message: texts[proof.reason] };
  const client = getRequestHeader(event, CLIENT_ADDRESS_HEADER) ?? 'unknown';
  const decision = await sharedState().take(`form-${proof.kind}`, client, formLimit(proof.kind), HOUR);
  if (!decision.allowed) {
    const minutes = Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 60_000));
    setResponseHeader(event, 'retry-after', minutes * 60);
    return { status: 429, field: '', message: texts.limit(minutes) };
  }
  return undefined;
}
