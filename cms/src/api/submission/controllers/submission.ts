import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { exceedsPixelLimit, MAX_IMAGE_PIXELS, MEDIA_TYPES, SUBMISSION_IMAGES, sniffImageType, submissionImageShape, submissionSchema } from '@praxis/search';
import { z } from 'zod';
import { confirmSubmission, storeSubmission, SubmissionRefused, type SubmissionImage } from '../../../requests/submissions';
import { cmsEnvironment } from '../../../config/environment';

interface UploadedFile {
  filepath: string;
  size: number;
}
interface Context {
  request: { body?: unknown; files?: Record<string, UploadedFile | UploadedFile[] | undefined> };
  status: number;
  body: unknown;
}

type FieldProblem = { path: (string | number)[]; message: string };

/**
 * The images of a multipart submission (files `image-0` …, their descriptions in the submission's
 * `images` list, in the same order): each checked for its real type, size and alt text.
 */
async function readImages(files: UploadedFile[], descriptions: unknown): Promise<{ images: SubmissionImage[]; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const meta = z
    .array(submissionImageShape)
    .max(SUBMISSION_IMAGES.max, `höchstens ${SUBMISSION_IMAGES.max} Bilder`)
    .safeParse(descriptions ?? []);
  if (!meta.success)
    return { images: [], problems: meta.error.issues.map((issue) => ({ path: ['images', ...issue.path.map(String)], message: issue.message })) };
  if (meta.data.length !== files.length) return { images: [], problems: [{ path: ['images'], message: 'Zu jedem Bild gehört ein Alternativtext.' }] };
  const images: SubmissionImage[] = [];
  for (const [index, file] of files.entries()) {
    if (file.size > SUBMISSION_IMAGES.maxBytes) {
      problems.push({ path: ['images', index], message: `Das Bild ist größer als ${SUBMISSION_IMAGES.maxBytes / 1024 / 1024} MB.` });
      continue;
    }
    const data = await readFile(file.filepath);
    const mime = sniffImageType(data);
    if (!mime) {
      problems.push({ path: ['images', index], message: 'Nur Bilder im Format JPEG, PNG oder WebP.' });
      continue;
    }
    if (exceedsPixelLimit(data)) {
      problems.push({ path: ['images', index], message: `Das Bild hat mehr als ${MAX_IMAGE_PIXELS / 1_000_000} Megapixel oder ist nicht lesbar.` });
      continue;
    }
    // The sender's file name stays out: it is neither needed nor checked (`bild:1.png` once broke a confirmation).
    images.push({ fileName: `bild-${index + 1}${MEDIA_TYPES[mime].extension}`, mime, data, ...meta.data[index]! });
  }
  return { images, problems };
}

const REFUSAL_NAMES = { 400: 'ValidationError', 404: 'NotFoundError', 410: 'GoneError', 429: 'RateLimitError' } as const;

/** A 4xx answer in Strapi's error format, with one entry per field for the form to show next to it. */
function refuse(ctx: Context, status: keyof typeof REFUSAL_NAMES, message: string, fields: { path: (string | number)[]; message: string }[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: REFUSAL_NAMES[status], message, details: { errors: fields } } };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** JSON, or multipart with the submission as JSON in the field `submission` and the files `image-0` …. */
  async create(ctx: Context) {
    let body = (ctx.request.body ?? {}) as Record<string, unknown>;
    // One field per image (`image-0`, `image-1`, …): a multipart parser need not keep the order of files under one name.
    const files: UploadedFile[] = [];
    for (let index = 0; index < SUBMISSION_IMAGES.max + 1; index++) {
      const file = ctx.request.files?.[`image-${index}`];
      if (file) files.push(Array.isArray(file) ? file[0]! : file);
    }
    if (typeof body.submission === 'string') {
      try {
        body = JSON.parse(body.submission) as Record<string, unknown>;
      } catch {
        return refuse(ctx, 400, 'submission: kein gültiges JSON.');
      }
    }
    const { consentText, images: descriptions, ...rest } = body;
    if (typeof consentText !== 'string' || consentText.trim().length < 20 || consentText.length > 2_000) {
      return refuse(ctx, 400, 'consentText: der Wortlaut der Einwilligung fehlt.', [
        { path: ['consentText'], message: 'Der Wortlaut der Einwilligung fehlt.' },
      ]);
    }
    const parsed = submissionSchema.safeParse(rest);
    const { images, problems } = await readImages(files, descriptions);
    const fields: FieldProblem[] = [
      ...(parsed.success
        ? []
        : parsed.error.issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), message: issue.message }))),
      ...problems,
    ];
    if (!parsed.success || fields.length > 0) return refuse(ctx, 400, fields.map((field) => `${field.path.join('.')}: ${field.message}`).join(' '), fields);
    try {
      await storeSubmission(strapi, parsed.data, consentText, cmsEnvironment().SITE_URL, images);
    } catch (error) {
      if (error instanceof SubmissionRefused) return refuse(ctx, error.status, error.message, error.fields);
      throw error;
    }
    ctx.status = 202;
    ctx.body = { data: { received: true } };
  },

  async confirm(ctx: Context) {
    const token = (ctx.request.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return refuse(ctx, 400, 'Der Bestätigungslink ist unvollständig.');
    try {
      ctx.body = { data: await confirmSubmission(strapi, token) };
    } catch (error) {
      if (error instanceof SubmissionRefused) return refuse(ctx, error.status, error.message);
      throw error;
    }
  },
});
