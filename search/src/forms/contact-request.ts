// What "Kontakt aufnehmen" takes: one schema for the site, which checks a request first and
// answers in the reader's language, and the CMS, which checks it again before storing it.
import { z } from 'zod';
import { CONTACT_PURPOSES, LOCALES, type Locale } from '../catalogue/domain.ts';
import { CONTROL_CHARACTER, EMAIL_MAX } from '../catalogue/index.ts';

/** More links than this in a message is what spam looks like, not a question. */
export const MAX_CONTACT_LINKS = 3;
export const CONTACT_FIELD_LIMITS = { message: [10, 5_000], name: [2, 100], organisation: [0, 200], email: [3, EMAIL_MAX] } as const;

const hasNoMarkup = (text: string) => !/<[a-z!/?]/i.test(text);
const linkCount = (text: string) => (text.match(/https?:\/\/|www\./gi) ?? []).length;
const isOneLine = (text: string) => !/[\r\n]/.test(text);

const FIELD_NAMES = {
  de: { message: 'Die Nachricht', name: 'Der Name', organisation: 'Die Organisation' },
  en: { message: 'The message', name: 'The name', organisation: 'The organisation' },
} satisfies Record<Locale, Record<'message' | 'name' | 'organisation', string>>;

const MESSAGES = {
  de: {
    tooShort: (label: string, min: number) => `${label} ist zu kurz (mindestens ${min} Zeichen).`,
    tooLong: (label: string, max: number) => `${label} ist zu lang (höchstens ${max} Zeichen).`,
    markup: 'Bitte ohne HTML.',
    control: 'Enthält unsichtbare Steuerzeichen.',
    oneLine: 'Bitte in einer Zeile, ohne Zeilenumbruch.',
    links: `Bitte höchstens ${MAX_CONTACT_LINKS} Links (in Nachricht, Name und Organisation zusammen).`,
    caseStudy: 'Welches Praxisbeispiel?',
    locale: `eine von ${LOCALES.join(', ')}`,
    purpose: 'Bitte ein Anliegen wählen.',
    emailTooLong: 'Die E-Mail-Adresse ist zu lang.',
    email: 'Bitte eine gültige E-Mail-Adresse angeben.',
  },
  en: {
    tooShort: (label: string, min: number) => `${label} is too short (at least ${min} characters).`,
    tooLong: (label: string, max: number) => `${label} is too long (at most ${max} characters).`,
    markup: 'Please without HTML.',
    control: 'Contains invisible control characters.',
    oneLine: 'Please on one line, without a line break.',
    links: `Please at most ${MAX_CONTACT_LINKS} links (in message, name and organisation together).`,
    caseStudy: 'Which case study?',
    locale: `one of ${LOCALES.join(', ')}`,
    purpose: 'Please choose what you would like.',
    emailTooLong: 'The e-mail address is too long.',
    email: 'Please give a valid e-mail address.',
  },
} satisfies Record<Locale, unknown>;

/** The request as the site sends it to the CMS; messages in `language`. */
export function contactRequestSchema(language: Locale = 'de') {
  const messages = MESSAGES[language];
  const plainText = (field: keyof typeof FIELD_NAMES.de) => {
    const [min, max] = CONTACT_FIELD_LIMITS[field];
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
      caseStudy: z.string().trim().min(1, messages.caseStudy).max(64),
      locale: z.enum(LOCALES, { error: messages.locale }),
      purpose: z.enum(CONTACT_PURPOSES, { error: messages.purpose }),
      message: plainText('message'),
      name: plainText('name').refine(isOneLine, messages.oneLine),
      organisation: plainText('organisation').refine(isOneLine, messages.oneLine).optional(),
      email: z.string().trim().max(CONTACT_FIELD_LIMITS.email[1], messages.emailTooLong).pipe(z.email(messages.email)),
      /** The requester's consent to one mail, months later, asking whether the idea was taken over (cms/src/requests/follow-up.ts). */
      followUp: z.boolean().optional(),
    })
    .superRefine((request, context) => {
      // Counted over every field a sender writes: links in the name count as much as in the message.
      const links = linkCount(request.message) + linkCount(request.name) + linkCount(request.organisation ?? '');
      if (links > MAX_CONTACT_LINKS) context.addIssue({ code: 'custom', path: ['message'], message: messages.links });
    });
}

export type ContactRequest = z.infer<ReturnType<typeof contactRequestSchema>>;
