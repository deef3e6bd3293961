// What the public forms that wait for a mailed link have in common ("Praxisbeispiel einreichen",
// "Nachnutzung melden"): the refusal the controllers answer with, the token kept only as a hash,
// and the site's confirmation page the mail links to.
import { createHash } from 'node:crypto';
import { localePathPrefix } from '@praxis/search';

/** A form's content or token refused: the status, the message and the fields it concerns. */
export class FormRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 410 | 429,
    message: string,
    readonly fields: { path: string[]; message: string }[] = [],
  ) {
    super(message);
  }
}

/** What the database keeps of a mailed token: a link that leaks from a backup confirms nothing. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The site's confirmation page for a token, at its German or English path (its `definePageMeta` says the same paths). */
export function confirmationPageUrl(siteUrl: string, locale: string, paths: { de: string; en: string }, token: string): string {
  const path = locale === 'en' ? paths.en : paths.de;
  return `${siteUrl.replace(/\/$/, '')}${localePathPrefix(locale)}${path}?token=${encodeURIComponent(token)}`;
}
