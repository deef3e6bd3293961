// "Praxisbeispiel einreichen": what a provider submits. The project itself is a record of the
// import format (case-study-record.ts, the one schema of the import and this form) without what
// only editors set (slug, translation, quality criteria, review date, publishing); on top of it
// the rules for text from the public: no HTML, no control characters, few links. The submitter
// and their consent are a separate part, stored apart from the case study and never published.
import { z } from 'zod';
import { recordShape } from '../content/case-study-record.ts';
import { LOCALES, SUBMISSION_IMAGES, SUBMITTER_LIMITS } from '../catalogue/domain.ts';
import { CONTROL_CHARACTER, EMAIL_MAX } from '../catalogue/index.ts';

/** Links in all of a submission's texts together; more is what spam looks like. */
export const MAX_SUBMISSION_LINKS = 10;

const MARKUP = /<[a-z!/?]/i;
const LINK = /https?:\/\/|www\./gi;
const LINE_BREAK = /[\r\n]/;

/**
 * Fields that are one line (a name, an organisation, a title): a line break there is what a mail
 * header injection or a fake paragraph in our mails looks like, never what a person types.
 */
const SINGLE_LINE_FIELDS = [
  ['project', 'title'],
  ['project', 'provider'],
  ['project', 'fundingPhase'],
  ['project', 'contact', 'organisation'],
  ['project', 'contact', 'role'],
  ['project', 'contact', 'phone'],
  ['submitter', 'name'],
  ['submitter', 'organisation'],
  ['submitter', 'email'],
] as const;
const isSingleLine = (path: (string | number)[]) =>
  SINGLE_LINE_FIELDS.some((field) => field.length === path.length && field.every((part, index) => part === path[index])) ||
  (path[0] === 'project' && path[1] === 'links' && path[3] === 'label');

/** The project as a submitter describes it: the import record without the editors' fields. */
export const submittedProjectShape = recordShape.omit({ slug: true, translationOf: true, criteria: true, lastReviewed: true, publish: true }).strict();

const plain = (min: number, max: number, label: string) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `${label} fehlt (Pflichtfeld).` : `${label} ist zu kurz (mindestens ${min} Zeichen).`)
    .max(max, `${label} ist zu lang (höchstens ${max} Zeichen).`);

export const submitterShape = z.strictObject({
  name: plain(...SUBMITTER_LIMITS.name, 'Der Name'),
  organisation: plain(...SUBMITTER_LIMITS.organisation, 'Die Organisation').optional(),
  email: z.string().trim().max(EMAIL_MAX, 'Die E-Mail-Adresse ist zu lang.').pipe(z.email('Bitte eine gültige E-Mail-Adresse angeben.')),
});

/** Every string inside `value` with its path. */
function strings(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  return [];
}

/**
 * What text from the public may not contain, wherever it stands: HTML, control characters, line
 * breaks in a one-line field, more than MAX_SUBMISSION_LINKS links in all texts together, the
 * submitter's name and organisation included (a link field's own address not counted).
 * Exported on its own as well: it applies to a step's fields while later steps are still empty.
 */
export function submissionTextIssues(value: { project?: unknown; submitter?: unknown }): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const texts = strings({ project: value.project, submitter: value.submitter });
  for (const { path, text } of texts) {
    if (MARKUP.test(text)) issues.push({ path, message: 'Bitte ohne HTML.' });
    if (CONTROL_CHARACTER.test(text)) issues.push({ path, message: 'Enthält unsichtbare Steuerzeichen.' });
    if (isSingleLine(path) && LINE_BREAK.test(text)) issues.push({ path, message: 'Bitte in einer Zeile, ohne Zeilenumbruch.' });
  }
  const links = texts
    .filter(({ path }) => path.at(-1) !== 'url' && path.at(-1) !== 'website')
    .reduce((count, { text }) => count + (text.match(LINK) ?? []).length, 0);
  if (links > MAX_SUBMISSION_LINKS) {
    issues.push({
      path: ['project', 'description'],
      message: `Bitte höchstens ${MAX_SUBMISSION_LINKS} Links in allen Texten zusammen (es sind ${links}); Links gehören in das Feld „Links“.`,
    });
  }
  return issues;
}

export const submissionSchema = z
  .strictObject({
    locale: z.enum(LOCALES, { error: `eine von ${LOCALES.join(', ')}` }),
    project: submittedProjectShape,
    submitter: submitterShape,
    consent: z.literal(true, { error: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.' }),
  })
  .superRefine((submission, context) => {
    for (const issue of submissionTextIssues(submission)) context.addIssue({ code: 'custom', ...issue });
    const { fundingStart, fundingEnd } = submission.project;
    if (fundingEnd !== undefined && fundingEnd < fundingStart)
      context.addIssue({ code: 'custom', path: ['project', 'fundingEnd'], message: 'nicht vor dem Beginn der Förderung' });
  });

export type Submission = z.infer<typeof submissionSchema>;

/** An image's description as the submitter gives it: alt text required, plain text only. */
export const submissionImageShape = z
  .strictObject({
    alt: plain(SUBMISSION_IMAGES.altMin, SUBMISSION_IMAGES.altMax, 'Der Alternativtext'),
    credit: plain(0, SUBMISSION_IMAGES.creditMax, 'Der Bildnachweis').optional(),
  })
  .superRefine((image, context) => {
    for (const [key, text] of Object.entries(image)) {
      if (typeof text === 'string' && MARKUP.test(text)) context.addIssue({ code: 'custom', path: [key], message: 'Bitte ohne HTML.' });
      if (typeof text === 'string' && CONTROL_CHARACTER.test(text))
        context.addIssue({ code: 'custom', path: [key], message: 'Enthält unsichtbare Steuerzeichen.' });
    }
  });
