import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

let cms: TestStrapi;
let buildingBlock: string;
beforeAll(async () => {
  cms = await startTestStrapi();
  const block = await cms.strapi.db.query('api::building-block.building-block').findOne({ where: { slug: 'gesundes-aufwachsen' } });
  buildingBlock = block.documentId;
});
afterAll(async () => {
  await cms?.stop();
});

const caseStudies = () => cms.strapi.documents('api::case-study.case-study');

function entry(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Bewegte Pause',
    slug: `bewegte-pause-${Math.random().toString(36).slice(2, 8)}`,
    teaser: 'Bewegungsangebote in der großen Pause.',
    description: 'Beschreibung',
    buildingBlock,
    projectStatus: 'laufend',
    fundingStart: 2022,
    fundingEnd: 2024,
    ...overrides,
  } as never;
}

/** Creates a draft and publishes it, as an editor does in the admin. */
async function publishNew(data: never, locale = 'de') {
  const draft = await caseStudies().create({ data, locale });
  const published = await caseStudies().publish({ documentId: draft.documentId, locale });
  return published.entries[0] as { slug: string };
}

/** The field paths a ValidationError names, e.g. ["teaser"]. */
async function failingFields(action: Promise<unknown>): Promise<string[]> {
  const error = (await action.then(
    () => undefined,
    (caught: unknown) => caught,
  )) as { name?: string; details?: { errors?: { path: string[] }[] } } | undefined;
  expect(error?.name).toBe('ValidationError');
  return (error?.details?.errors ?? []).map((detail) => detail.path.join('.'));
}

describe('case-study validation that editors see', () => {
  it('accepts a complete entry and publishes it', async () => {
    const created = await caseStudies().create({ data: entry(), locale: 'de' });
    const published = await caseStudies().publish({ documentId: created.documentId, locale: 'de' });
    expect(published.entries[0]?.publishedAt).toBeTruthy();
  });

  it('refuses a funding end before the funding start, with a German message on fundingEnd', async () => {
    const attempt = caseStudies().create({ data: entry({ fundingStart: 2024, fundingEnd: 2021 }) });
    await expect(attempt).rejects.toThrow('Das Förderende (2021) liegt vor dem Förderbeginn (2024).');
    expect(await failingFields(caseStudies().create({ data: entry({ fundingStart: 2024, fundingEnd: 2021 }) }))).toEqual(['fundingEnd']);
  });

  it('checks the funding period against the stored start when only the end is changed', async () => {
    const created = await caseStudies().create({ data: entry({ fundingStart: 2023, fundingEnd: 2024 }) });
    const attempt = caseStudies().update({ documentId: created.documentId, locale: 'de', data: { fundingEnd: 2020 } as never });
    expect(await failingFields(attempt)).toEqual(['fundingEnd']);
  });

  it('limits the teaser to 300 characters', async () => {
    expect(await failingFields(caseStudies().create({ data: entry({ teaser: 'x'.repeat(301) }) }))).toContain('teaser');
  });

  it('lets a draft miss required fields but refuses to publish it', async () => {
    const draft = await caseStudies().create({ data: { title: 'Nur ein Entwurf', slug: 'nur-ein-entwurf' } as never });
    expect(draft.documentId).toBeTruthy();
    const fields = await failingFields(caseStudies().publish({ documentId: draft.documentId, locale: 'de' }));
    expect(fields).toEqual(expect.arrayContaining(['teaser', 'description', 'buildingBlock', 'fundingStart']));
    await expect(caseStudies().publish({ documentId: draft.documentId, locale: 'de' })).rejects.toThrow(
      '„Baustein“ fehlt noch: bitte ausfüllen, dann veröffentlichen.',
    );
  });

  it('keeps slugs unique within a locale but allows the same slug in another locale', async () => {
    await publishNew(entry({ slug: 'kiezkochen' }), 'de');
    expect(await failingFields(publishNew(entry({ slug: 'kiezkochen' }), 'de'))).toContain('slug');
    const english = await publishNew(entry({ slug: 'kiezkochen', title: 'Neighbourhood cooking' }), 'en');
    expect(english.slug).toBe('kiezkochen');
  });

  it('requires alt text on every image before publishing', async () => {
    const fields = await failingFields(publishNew(entry({ images: [{ alt: '', caption: 'Ohne Alternativtext' }] })));
    expect(fields.some((field) => field.startsWith('images'))).toBe(true);
  });

  it('publishes only http(s) links', async () => {
    const fields = await failingFields(publishNew(entry({ links: [{ label: 'Böse', url: 'javascript:alert(1)' }] })));
    expect(fields.some((field) => field.startsWith('links'))).toBe(true);
  });

  it('refuses control characters in any text field with a German message naming the field, and keeps the stored text', async () => {
    for (const [data, field] of [
      [{ title: 'Kita\u0007 im Quartier' }, 'title'],
      [{ teaser: 'Zeile\u000Bzwei' }, 'teaser'],
      [{ successFactors: [{ text: 'gut' }, { text: 'Nullbyte\u0000' }] }, 'successFactors.1.text'],
      [{ contact: { organisation: 'Träger\u001B' } }, 'contact.organisation'],
    ] as const) {
      const attempt = caseStudies().create({ data: entry(data) });
      await expect(attempt, field).rejects.toThrow(`Das Feld „${field}“ enthält ein unsichtbares Steuerzeichen`);
      expect(await failingFields(caseStudies().create({ data: entry(data) })), field).toEqual([field]);
    }
    const created = await caseStudies().create({ data: entry({ title: 'Sauber', description: 'Zeile eins\r\n\tZeile zwei' }) });
    expect(await failingFields(caseStudies().update({ documentId: created.documentId, locale: 'de', data: { title: 'Schmutzig\u0001' } as never }))).toEqual([
      'title',
    ]);
    const stored = await caseStudies().findOne({ documentId: created.documentId, locale: 'de' });
    expect(stored?.title).toBe('Sauber');
    const topic = cms.strapi.documents('api::topic.topic');
    expect(await failingFields(topic.create({ data: { name: 'Thema\u0002', slug: 'thema-steuerzeichen' } as never }))).toEqual(['name']);
  });

  it('says in German, on the field, what is wrong with a long teaser, an http link, an image without alt text and a year', async () => {
    const attempt = caseStudies().create({
      data: entry({
        teaser: 'x'.repeat(320),
        fundingStart: 1999,
        links: [
          { label: 'Gut', url: 'https://example.org' },
          { label: 'Unsicher', url: 'http://example.org' },
        ],
        images: [{ alt: '', caption: 'Ohne Alternativtext' }],
      }),
    });
    const error = (await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    )) as { details: { errors: { path: string[]; message: string }[] } };
    const byField = Object.fromEntries(error.details.errors.map((detail) => [detail.path.join('.'), detail.message]));
    expect(byField).toEqual({
      teaser: 'Die Kurzbeschreibung ist 320 Zeichen lang; erlaubt sind höchstens 300.',
      fundingStart: 'Bitte ein Jahr zwischen 2000 und 2100 angeben (z. B. 2024).',
      'links.1.url': 'Links müssen mit https:// beginnen (verschlüsselte Adresse) und dürfen keine Leerzeichen enthalten.',
      'images.0.alt': 'Jedes Bild braucht einen Alternativtext: beschreiben Sie in einem Satz, was zu sehen ist.',
    });
  });
});
