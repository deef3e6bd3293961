import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { CASE_STUDY_UID, EVENT_TIME_ZONE, EVENT_UID } from '@praxis/search';
import { cmsEnvironment } from '../config/environment';
import { dataPath } from './data-dir';

interface Translation {
  slug: string;
  title: string;
  description: string;
  programme?: string;
}
interface DemoEvent extends Translation {
  /** Days from the first start: some events are always ahead, some behind. */
  dayOffset: number;
  /** Local time in NRW, "HH:MM". */
  start: string;
  end: string;
  format: string;
  venue?: string;
  address?: string;
  onlineUrl?: string;
  organiser: string;
  registrationUrl?: string;
  /** German slugs of demo case studies. */
  caseStudies: string[];
  /** File names in cms/data/demo/event-materials/. */
  materials?: string[];
  en?: Translation;
}
interface UploadService {
  upload(input: { data: object; files: object }): Promise<{ id: number }[]>;
}

/** The instant at which the clocks in Germany show `time` ("HH:MM") on the calendar day of `day` (UTC date parts). */
export function berlinInstant(day: Date, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
  // The zone's offset at that moment (one or two hours; the guess is off only within a switch-over hour, which no event starts in).
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: EVENT_TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(new Date(wall));
  const offset = /GMT([+-])(\d\d):(\d\d)/.exec(parts.find((part) => part.type === 'timeZoneName')?.value ?? '');
  const offsetMs = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
  return new Date(wall - offsetMs);
}

/** The case studies' documentIds by German slug, and which of them have an English version. */
async function caseStudyIds(strapi: Core.Strapi, slugs: string[]): Promise<{ de: Map<string, string>; withEnglish: Set<string> }> {
  const rows: { documentId: string; slug: string; locale: string }[] = await strapi.db.query(CASE_STUDY_UID).findMany({
    where: { slug: { $in: slugs }, locale: 'de', publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'locale'],
  });
  const de = new Map(rows.map((row) => [row.slug, row.documentId]));
  const english: { documentId: string }[] = await strapi.db.query(CASE_STUDY_UID).findMany({
    where: { documentId: { $in: [...de.values()] }, locale: 'en', publishedAt: { $notNull: true } },
    select: ['documentId'],
  });
  return { de, withEnglish: new Set(english.map((row) => row.documentId)) };
}

/** Uploads the demo materials through the media library's upload service, so they are judged by content like every upload (src/media/). */
async function uploadMaterials(strapi: Core.Strapi, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const upload = strapi.plugin('upload').service('upload') as UploadService;
  const folder = await mkdtemp(join(tmpdir(), 'praxis-demo-events-'));
  try {
    const ids: number[] = [];
    for (const name of names) {
      const filepath = join(folder, name);
      await copyFile(dataPath(strapi, 'demo', 'event-materials', name), filepath);
      const [file] = await upload.upload({
        data: { fileInfo: { name } },
        files: { filepath, originalFilename: name, mimetype: 'application/pdf', size: (await stat(filepath)).size },
      });
      ids.push(file!.id);
    }
    return ids;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Creates and publishes the fictional demo events once (a store flag of their own, so that an
 * installation seeded before events existed gets them too, and deleted ones stay deleted). Their
 * days count from the first start: a fresh installation always has upcoming and past events.
 * `SEED_DEMO_CONTENT=false` turns it off.
 */
export async function seedDemoEvents(strapi: Core.Strapi, today = new Date()): Promise<void> {
  if (!cmsEnvironment().SEED_DEMO_CONTENT) return;
  const flag = strapi.store({ type: 'core', name: 'praxisdatenbank', key: 'demo-events-seeded' });
  if (await flag.get()) return;
  const { records } = JSON.parse(await readFile(dataPath(strapi, 'demo', 'events.json'), 'utf8')) as { records: DemoEvent[] };
  const { de, withEnglish } = await caseStudyIds(
    strapi,
    records.flatMap((record) => record.caseStudies),
  );
  const documents = strapi.documents(EVENT_UID);
  for (const record of records) {
    const day = new Date(today.getTime() + record.dayOffset * 86_400_000);
    const linked = record.caseStudies.flatMap((slug) => de.get(slug) ?? []);
    const shared = {
      startsAt: berlinInstant(day, record.start).toISOString(),
      endsAt: berlinInstant(day, record.end).toISOString(),
      format: record.format,
      venue: record.venue ?? null,
      address: record.address ?? null,
      onlineUrl: record.onlineUrl ?? null,
      organiser: record.organiser,
      registrationUrl: record.registrationUrl ?? null,
      materials: await uploadMaterials(strapi, record.materials ?? []),
    };
    const { slug, title, description, programme } = record;
    const created = await documents.create({
      locale: 'de',
      status: 'published',
      data: { ...shared, slug, title, description, programme: programme ?? null, caseStudies: linked },
    } as never);
    const documentId = (created as { documentId: string }).documentId;
    if (record.en) {
      await documents.update({
        documentId,
        locale: 'en',
        status: 'published',
        data: { ...shared, ...record.en, programme: record.en.programme ?? null, caseStudies: linked.filter((id) => withEnglish.has(id)) },
      } as never);
    }
  }
  strapi.log.info(`[seed] demo content: ${records.length} events created`);
  await flag.set({ value: today.toISOString() });
}
