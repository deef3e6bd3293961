// What "Nachnutzung melden" takes: a practitioner whose Kommune took a case study's idea over
// says where, since when, what was adopted and changed, what helped and what got in the way.
// One schema for the site, which checks first and answers in the reader's language, and the CMS,
// which checks again before storing. The reporter's address is for the confirmation link (double
// opt-in) only; it reaches the editors only with `contactConsent`.
import { z } from 'zod';
import { LOCALES, TRANSFER_FIELD_LIMITS, TRANSFER_FIRST_YEAR, TRANSFER_TEXT_FIELDS, type Locale } from '../catalogue/domain.ts';
import { CONTROL_CHARACTER, EMAIL_MAX } from '../catalogue/index.ts';
import { MAX_CONTACT_LINKS } from './contact-request.ts';

const FIELD_NAMES = {
  de: {
    adopted: 'Was übernommen wurde',
    changed: 'Was verändert wurde',
    helped: 'Was geholfen hat',
    hindered: 'Was im Weg stand',
    name: 'Der Name',
    organisation: 'Die Organisation',
  },
  en: {
    adopted: 'What was adopted',
    changed: 'What was changed',
    helped: 'What helped',
    hindered: 'What got in the way',
    name: 'The name',
    organisation: 'The organisation',
  },
} satisfies Record<Locale, Record<keyof typeof TRANSFER_FIELD_LIMITS, string>>;

const MESSAGES = {
  de: {
    tooShort: (label: string, min: number) => `${label}: zu kurz (mindestens ${min} Zeichen).`,
    tooLong: (label: string, max: number) => `${label}: zu lang (höchstens ${max} Zeichen).`,
    markup: 'Bitte ohne HTML.',
    control: 'Enthält unsichtbare Steuerzeichen.',
    oneLine: 'Bitte in einer Zeile, ohne Zeilenumbruch.',
    links: `Bitte höchstens ${MAX_CONTACT_LINKS} Links in allen Texten zusammen.`,
    caseStudy: 'Welches Praxisbeispiel?',
    locale: `eine von ${LOCALES.join(', ')}`,
    municipality: 'Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste.',
    since: (last: number) => `Bitte ein Jahr zwischen ${TRANSFER_FIRST_YEAR} und ${last} angeben.`,
    emailTooLong: 'Die E-Mail-Adresse ist zu lang.',
    email: 'Bitte eine gültige E-Mail-Adresse angeben.',
    consent: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
  },
  en: {
    tooShort: (label: string, min: number) => `${label}: too short (at least ${min} characters).`,
    tooLong: (label: string, max: number) => `${label}: too long (at most ${max} characters).`,
    markup: 'Please without HTML.',
    control: 'Contains invisible control characters.',
    oneLine: 'Please on one line, without a line break.',
    links: `Please at most ${MAX_CONTACT_LINKS} links in all texts together.`,
    caseStudy: 'Which case study?',
    locale: `one of ${LOCALES.join(', ')}`,
    municipality: 'Please choose a municipality in North Rhine-Westphalia from the list.',
    since: (last: number) => `Please give a year between ${TRANSFER_FIRST_YEAR} and ${last}.`,
    emailTooLong: 'The e-mail address is too long.',
    email: 'Please give a valid e-mail address.',
    consent: 'Please agree to the processing of your details.',
  },
} satisfies Record<Locale, unknown>;

const hasNoMarkup = (text: string) => !/<[a-z!/?]/i.test(text);
const linkCount = (text: string) => (text.match(/https?:\/\/|www\./gi) ?? []).length;
const isOneLine = (text: string) => !/[\r\n]/.test(text);

/** A report as the site sends it to the CMS; messages in `language`. `now` sets the latest year (tests pass a fixed one). */
export function transferReportSchema(language: Locale = 'de', now = new Date()) {
  const messages = MESSAGES[language];
  const lastYear = now.getUTCFullYear();
  const plainText = (field: keyof typeof TRANSFER_FIELD_LIMITS) => {
    const [min, max] = TRANSFER_FIELD_LIMITS[field];
    const label = FIELD_NAMES[language][field];
    return z
      .string()
      .trim()
      .min(min, messages.tooShort(label, min))
      .max(max, messages.tooLong(label, max))
      .refine(hasNoMarkup, messages.markup)
      .refine((text) => !CONTROL_CHARACTER.test(text), messages.control);
  };
  return z
    .strictObject({
      caseStudy: z.string().trim().min(1, messages.caseStudy).max(64, messages.caseStudy),
      locale: z.enum(LOCALES, { error: messages.locale }),
      municipality: z.string().regex(/^05\d{6}$/, messages.municipality),
      since: z.coerce
        .number({ error: messages.since(lastYear) })
        .int(messages.since(lastYear))
        .min(TRANSFER_FIRST_YEAR, messages.since(lastYear))
        .max(lastYear, messages.since(lastYear)),
      adopted: plainText('adopted'),
      changed: plainText('changed').optional(),
      helped: plainText('helped').optional(),
      hindered: plainText('hindered').optional(),
      name: plainText('name').refine(isOneLine, messages.oneLine),
      organisation: plainText('organisation').refine(isOneLine, messages.oneLine).optional(),
      email: z.string().trim().max(EMAIL_MAX, messages.emailTooLong).pipe(z.email(messages.email)),
      /** The editors may contact the reporter about the transfer (and pass the contact on to people who ask). */
      contactConsent: z.boolean().default(false),
      consent: z.literal(true, { error: messages.consent }),
    })
    .superRefine((report, context) => {
      const texts = [...TRANSFER_TEXT_FIELDS.map((field) => report[field] ?? ''), report.name, report.organisation ?? ''];
      if (texts.reduce((count, text) => count + linkCount(text), 0) > MAX_CONTACT_LINKS)
        context.addIssue({ code: 'custom', path: ['adopted'], message: messages.links });
    });
}

export type TransferReport = z.infer<ReturnType<typeof transferReportSchema>>;

/** The CMS's content type of confirmed reports ("Nachnutzung"), reviewed and published like case studies. */
export const TRANSFER_REPORT_UID = 'api::transfer-report.transfer-report';
