// `POST /api/submissions`: one step of "Praxisbeispiel einreichen". `next` checks the step's fields
// and moves on, `back` moves back, `submit` checks everything (honeypot, proof of work, limits,
// the shared schema) and hands the submission to the CMS, which mails the confirmation link.
import { isLocale, type Locale } from '@praxis/search';
import { z } from 'zod';
import { consentText, SUBMISSION_STEPS } from '~~/shared/submission-form';

const bodySchema = z.object({
  step: z.coerce.number().int().min(0).max(SUBMISSION_STEPS.length - 1),
  action: z.enum(['next', 'back', 'submit']),
  locale: z.string().refine(isLocale).default('de'),
  values: z.record(z.string(), z.union([z.string().max(100_000), z.array(z.string().max(100_000)).max(50)])),
});

interface CmsError { error?: { message?: string; details?: { errors?: { path?: (string | number)[]; message?: string }[] } } }

const TEXTS = {
  de: { check: 'Bitte prüfen Sie die markierten Felder.', unavailable: 'Ihre Einreichung konnte gerade nicht gespeichert werden. Bitte versuchen Sie es in einigen Minuten erneut; Ihre Angaben sind erhalten.' },
  en: { check: 'Please check the marked fields.', unavailable: 'Your submission could not be saved just now. Please try again in a few minutes; your entries are kept.' },
} satisfies Record<Locale, unknown>;

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const parsed = bodySchema.safeParse(await readBody(event).catch(() => undefined));
  if (!parsed.success) throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: 'Expected { step, action, locale, values }.' });
  const { step, action, values } = parsed.data;
  const locale = parsed.data.locale as Locale;
  const last = SUBMISSION_STEPS.length - 1;
  const answer = (status: number, next: number, errors: Record<string, string> = {}, message = '') => {
    setResponseStatus(event, status);
    return { status, step: next, errors, message };
  };
  if (action === 'back') return answer(200, Math.max(0, step - 1));

  const { byLocale } = await loadVocabulary();
  const { submission, errors } = checkSubmission(values, townChoices(byLocale[locale]!), locale);
  if (action === 'next') {
    const problems = stepErrors(errors, SUBMISSION_STEPS[step]!);
    return Object.keys(problems).length > 0 ? answer(400, step, problems, TEXTS[locale].check) : answer(200, Math.min(last, step + 1));
  }

  const refusal = await guardPublicForm(event, values, locale);
  if (refusal) return answer(refusal.status, last, refusal.field ? { [refusal.field]: refusal.message } : {}, refusal.message);
  const firstWrong = firstStepWithErrors(errors);
  if (firstWrong !== undefined) return answer(400, firstWrong, stepErrors(errors, SUBMISSION_STEPS[firstWrong]!), TEXTS[locale].check);

  const { strapiUrl, strapiToken, public: { requestRetentionDays } } = useRuntimeConfig();
  try {
    await $fetch(`${strapiUrl}/api/submissions`, {
      method: 'POST', timeout: 15_000, headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
      body: { ...submission, consentText: consentText(locale, Number(requestRetentionDays)) },
    });
    return answer(202, last);
  } catch (error) {
    const { statusCode, data } = error as { statusCode?: number; data?: CmsError };
    if (statusCode === 400 || statusCode === 429) {
      // The CMS checks references (a topic removed meanwhile) and its per-address limit; its messages are German.
      const fieldErrors: Record<string, string> = {};
      for (const entry of data?.error?.details?.errors ?? []) {
        const path = entry.path?.map(String) ?? [];
        if (entry.message) fieldErrors[path[0] === 'project' ? (path[1] === 'municipalities' ? 'municipality' : path[1] ?? 'title') : path[0] === 'submitter' ? 'submitterEmail' : ''] ??= entry.message;
      }
      const wrong = firstStepWithErrors(fieldErrors) ?? last;
      return answer(statusCode, wrong, fieldErrors, data?.error?.message ?? TEXTS[locale].check);
    }
    console.error(`[submission] the CMS did not take a submission: ${(error as Error).message}`);
    return answer(503, last, {}, TEXTS[locale].unavailable);
  }
});
