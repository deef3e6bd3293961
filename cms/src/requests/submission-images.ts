// A confirmed submission's images move into the media library and onto its draft after the
// confirmation has answered: decoding and re-encoding up to three images of up to 40 megapixels
// takes seconds (a 16,000 × 16,000 PNG once kept the submitter waiting 35 s for a 503). They go
// through the media library's own check (src/media/), one at a time; an image it refuses is left
// out and the draft's review note says so. Until they are moved they wait in their table, so a
// restart loses none: every start looks for such images again.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUBMISSION_IMAGE_TABLE, SUBMISSION_TABLE } from './submission-tables';
import { CASE_STUDY_UID as CASE_STUDY } from '@praxis/search';

interface ImageRow {
  id: number;
  submission_id: number;
  position: number;
  file_name: string;
  mime: string;
  alt: string;
  credit: string | null;
  data: Buffer;
}
interface UploadService {
  upload(input: { data: object; files: object }): Promise<{ id: number }[]>;
}
interface DraftImage {
  file?: { id: number } | null;
  alt: string;
  caption?: string | null;
  credit?: string | null;
}
interface Draft {
  reviewComment?: string | null;
  images?: DraftImage[] | null;
}

/** Moves one submission's images onto its draft; returns how many were moved. */
async function attachImagesOf(strapi: Core.Strapi, submission: { id: number; documentId: string; locale: string }, rows: ImageRow[]): Promise<number> {
  const knex = strapi.db.connection;
  const documents = strapi.documents(CASE_STUDY);
  const draft = (await documents.findOne({
    documentId: submission.documentId,
    locale: submission.locale,
    status: 'draft',
    populate: { images: { populate: ['file'] } },
  } as never)) as Draft | null;
  if (!draft) {
    // The editors deleted the draft meanwhile: its images have nowhere to go.
    await knex(SUBMISSION_IMAGE_TABLE).where({ submission_id: submission.id }).delete();
    return 0;
  }
  const upload = strapi.plugin('upload').service('upload') as UploadService;
  const folder = await mkdtemp(join(tmpdir(), 'praxis-submission-'));
  const added: DraftImage[] = [];
  const refused: string[] = [];
  try {
    for (const row of rows) {
      const filepath = join(folder, `${row.id}`);
      await writeFile(filepath, row.data);
      try {
        const [file] = await upload.upload({
          data: { fileInfo: { name: row.file_name, alternativeText: row.alt, caption: row.credit ?? undefined } },
          files: { filepath, originalFilename: row.file_name, mimetype: row.mime, size: row.data.length },
        });
        added.push({ file: { id: file!.id }, alt: row.alt, credit: row.credit });
      } catch (error) {
        // The media library's refusal of this file (src/media/checked-file.ts); anything else (the
        // database, the disk) is tried again at the next start.
        if (!(error instanceof errors.ApplicationError)) throw error;
        refused.push(`Bild ${row.position + 1} der Einreichung wurde nicht übernommen: ${error.message}`);
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const images = [...(draft.images ?? []), ...added].map((image) => ({
    file: image.file?.id,
    alt: image.alt,
    caption: image.caption ?? undefined,
    credit: image.credit ?? undefined,
  }));
  const reviewComment = [draft.reviewComment, ...refused].filter(Boolean).join('\n\n') || null;
  await documents.update({ documentId: submission.documentId, locale: submission.locale, data: { images, reviewComment } } as never);
  await knex(SUBMISSION_IMAGE_TABLE)
    .whereIn(
      'id',
      rows.map((row) => row.id),
    )
    .delete();
  return added.length;
}

/** Moves the images of every confirmed submission that still has some; returns how many were moved. */
async function attachAll(strapi: Core.Strapi): Promise<number> {
  const knex = strapi.db.connection;
  const waiting = (await knex(SUBMISSION_TABLE)
    .select('id', 'case_study_document_id as documentId', 'locale')
    .whereNotNull('case_study_document_id')
    .whereIn('id', knex(SUBMISSION_IMAGE_TABLE).select('submission_id'))) as { id: number; documentId: string; locale: string }[];
  let moved = 0;
  for (const submission of waiting) {
    const rows = (await knex(SUBMISSION_IMAGE_TABLE).where({ submission_id: submission.id }).orderBy('position')) as ImageRow[];
    moved += await attachImagesOf(strapi, submission, rows);
  }
  return moved;
}

let running: Promise<number> | undefined;
let askedAgain = false;
let scheduled: NodeJS.Immediate | undefined;

/** Moves waiting images now (one run at a time; a call during a run makes it run once more). */
async function attachSubmissionImages(strapi: Core.Strapi): Promise<number> {
  if (running) {
    askedAgain = true;
    return running;
  }
  running = (async () => {
    let moved = 0;
    do {
      askedAgain = false;
      moved += await attachAll(strapi);
    } while (askedAgain);
    return moved;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** After a confirmation has answered: moves its images in the background, logging a failure (the next start tries again). */
export function scheduleSubmissionImages(strapi: Core.Strapi): void {
  scheduled ??= setImmediate(() => {
    scheduled = undefined;
    attachSubmissionImages(strapi).catch((error: Error) => strapi.log.error(`[submissions] images could not be moved to the media library: ${error.message}`));
  });
}

/** At shutdown: drops a run not yet begun and waits for one in progress, so that no image is half moved when the database closes. */
export async function settleSubmissionImages(): Promise<void> {
  if (scheduled) clearImmediate(scheduled);
  scheduled = undefined;
  await running?.catch(() => undefined);
}
