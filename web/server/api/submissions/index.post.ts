// `POST /api/submissions`: one step of "Praxisbeispiel einreichen". `next` checks the step's fields
// and moves on, `back` moves back, `submit` checks everything (honeypot, proof of work, limits,
// the shared schema) and hands the submission to the CMS, which mails the confirmation link.
import { exceedsPixelLimit, isLocale, MAX_IMAGE_PIXELS, SUBMISSION_IMAGES, sniffImageType, submissionImageShape, type Locale } from '@praxis/search';
import { z } from 'zod';
import { guardPublicForm } from '../../forms/public-form';
import { checkSubmission, firstStepWithErrors, stepErrors, townChoices } from '../../forms/submission-form';
import { loadVocabulary } from '../../search/vocabulary';
import { consentText, IMAGE_ROWS, SUBMISSION_STEPS } from '~~/shared/submission-form';

const bodySchema = z.object({
  step: z.coerce
    .number()
    .int()
    .min(0)
    .max(SUBMISSION_STEPS.length - 1),
  action: z.enum(['next', 'back', 'submit']),
  locale: z.string().refine(isLocale).default('de'),
  // Generous per value: each field's own limit (in the shared schema) answers with a message for that field.
  values: z.record(z.string(), z.union([z.string().max(2_000_000), z.array(z.string().max(2_000_000)).max(50)])),
  // Base64 of at most SUBMISSION_IMAGES.maxBytes; a larger image comes with its size only (the page leaves its bytes out).
  images: z
    .array(z.object({ name: z.string().max(300), size: z.number().int().min(0), data: z.string().max(3_000_000) }))
    .max(IMAGE_ROWS)
    .default([]),
});

const IMAGE_TEXTS = {
  de: {
    tooLarge: (n: number) => `Bild ${n} ist größer als ${SUBMISSION_IMAGES.maxBytes / 1024 / 1024} MB.`,
    type: (n: number) => `Bild ${n} ist kein JPEG-, PNG- oder WebP-Bild.`,
    pixels: (n: number) => `Bild ${n} hat mehr als ${MAX_IMAGE_PIXELS / 1_000_000} Megapixel (oder ist nicht lesbar). Bitte verkleinern Sie es.`,
    alt: (n: number, message: string) => `Bild ${n}: ${message}`,
  },
  en: {
    tooLarge: (n: number) => `Image ${n} is larger than ${SUBMISSION_IMAGES.maxBytes / 1024 / 1024} MB.`,
    type: (n: number) => `Image ${n} is not a JPEG, PNG or WebP image.`,
    pixels: (n: number) => `Image ${n} has more than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels (or cannot be read). Please make it smaller.`,
    alt: (n: number, message: string) => `Image ${n}: ${message}`,
  },
} satisfies Record<Locale, unknown>;

interface CheckedImage {
  name: string;
  type: string;
  bytes: Buffer;
  alt: string;
  credit?: string;
}

/** The chosen images with their alt text and credit (rows without a file are skipped), or the first problem. */
function checkImages(
  images: { name: string; size: number; data: string }[],
  values: Record<string, string | string[]>,
  locale: Locale,
): { images: CheckedImage[]; error?: string } {
  const texts = IMAGE_TEXTS[locale];
  const row = (name: string, index: number) => {
    const value = values[name];
    return ((Array.isArray(value) ? value[index] : index === 0 ? value : undefined) ?? '').trim();
  };
  const checked: CheckedImage[] = [];
  for (const [index, image] of images.entries()) {
    if (image.size > SUBMISSION_IMAGES.maxBytes) return { images: [], error: texts.tooLarge(index + 1) };
    if (image.size === 0) continue;
    const bytes = Buffer.from(image.data, 'base64');
    const type = sniffImageType(bytes);
    if (!type) return { images: [], error: texts.type(index + 1) };
    // Before anything is forwarded: the CMS would have to decode it (160 MB for 40 megapixels).
    if (exceedsPixelLimit(bytes)) return { images: [], error: texts.pixels(index + 1) };
    const description = submissionImageShape.safeParse({
      alt: row('imageAlt', index),
      ...(row('imageCredit', index) ? { credit: row('imageCredit', index) } : {}),
    });
    if (!description.success) return { images: [], error: texts.alt(index + 1, description.error.issues[0]!.message) };
    // The sender's file name stays here: the CMS names the image itself (bild-1.png …).
    checked.push({ name: `bild-${index + 1}`, type, bytes, ...description.data });
  }
  return { images: checked };
}

interface CmsError {
  error?: { message?: string; details?: { errors?: { path?: (string | number)[]; message?: string }[] } };
}

const TEXTS = {
  de: {
    check: 'Bitte prüfen Sie die markierten Felder.',
    unavailable: 'Ihre Einreichung konnte gerade nicht gespeichert werden. Bitte versuchen Sie es in einigen Minuten erneut; Ihre Angaben sind erhalten.',
  },
  en: {
    check: 'Please check the marked fields.',
    unavailable: 'Your submission could not be saved just now. Please try again in a few minutes; your entries are kept.',
  },
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

  const images = checkImages(parsed.data.images, values, locale);
  if (images.error) errors.image = images.error;
  const firstWrong = firstStepWithErrors(errors);
  if (firstWrong !== undefined) return answer(400, firstWrong, stepErrors(errors, SUBMISSION_STEPS[firstWrong]!), TEXTS[locale].check);
  // Last, so that a form refused for its content keeps its proof of work and its place in the limit.
  const refusal = await guardPublicForm(event, values, locale);
  if (refusal) return answer(refusal.status, last, refusal.field ? { [refusal.field]: refusal.message } : {}, refusal.message);

  const {
    strapiUrl,
    strapiToken,
    public: { requestRetentionDays },
  } = useRuntimeConfig();
  const payload = { ...submission, consentText: consentText(locale, Number(requestRetentionDays)) };
  // With images the CMS takes multipart: the submission as JSON, the files in the order of their descriptions.
  let body: FormData | typeof payload = payload;
  if (images.images.length > 0) {
    const form = new FormData();
    form.append('submission', JSON.stringify({ ...payload, images: images.images.map(({ alt, credit }) => ({ alt, ...(credit ? { credit } : {}) })) }));
    for (const [index, image] of images.images.entries())
      form.append(`image-${index}`, new Blob([new Uint8Array(image.bytes)], { type: image.type }), image.name);
    body = form;
  }
  try {
    await $fetch(`${strapiUrl}/api/submissions`, {
      method: 'POST',
      timeout: 30_000,
      headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
      body,
    });
    return answer(202, last);
  } catch (error) {
    const { statusCode, data } = error as { statusCode?: number; data?: CmsError };
    if (statusCode === 400 || statusCode === 429) {
      // The CMS checks references (a topic removed meanwhile) and its per-address limit; its messages are German.
      const fieldErrors: Record<string, string> = {};
      for (const entry of data?.error?.details?.errors ?? []) {
        const path = entry.path?.map(String) ?? [];
        const field =
          path[0] === 'project'
            ? path[1] === 'municipalities'
              ? 'municipality'
              : (path[1] ?? 'title')
            : path[0] === 'submitter'
              ? 'submitterEmail'
              : path[0] === 'images'
                ? 'image'
                : '';
        if (entry.message) fieldErrors[field] ??= entry.message;
      }
      const wrong = firstStepWithErrors(fieldErrors) ?? last;
      return answer(statusCode, wrong, fieldErrors, data?.error?.message ?? TEXTS[locale].check);
    }
    console.error(`[submission] the CMS did not take a submission: ${(error as Error).message}`);
    return answer(503, last, {}, TEXTS[locale].unavailable);
  }
});
