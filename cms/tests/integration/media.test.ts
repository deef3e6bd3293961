// The media library as an attacker with a Redaktion account would try it (issue 31): a file is
// judged by its content, never by its name or declared type; images are decoded and re-encoded;
// /uploads answers can run nothing; and Redaktion cannot change a file that a published case
// study shows, which would change a live page without the four-eyes review.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEFREDAKTION, REDAKTION, SUPER_ADMIN_CODE } from '../../src/editorial/roles';
import { adminTokenFor } from '../helpers/admin-users.mts';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { pngStating } from '../helpers/images.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let cms: TestStrapi;
const tokens: Record<string, string> = {};
const SCRIPT = '<script>fetch("/admin/users").then((r) => r.text()).then((t) => parent.postMessage(t, "*"))</script>';

interface StoredFile {
  id: number;
  name: string;
  url: string;
  ext: string;
  mime: string;
  hash: string;
}
interface Answer {
  status: number;
  body: any;
}

async function request(role: string, method: string, path: string, body?: FormData | object): Promise<Answer> {
  const response = await fetch(`${cms.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[role]}`, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
/** The admin's media library upload (or replace with `id`), as the browser sends it. */
function upload(role: string, name: string, bytes: Uint8Array, type: string, id?: number): Promise<Answer> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
  form.append('fileInfo', JSON.stringify({ name, folder: null }));
  return request(role, 'POST', `/upload${id ? `?id=${id}` : ''}`, form);
}
async function uploaded(role: string, name: string, bytes: Uint8Array, type: string): Promise<StoredFile> {
  const answer = await upload(role, name, bytes, type);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body[0] as StoredFile;
}
const png = (width = 40, height = 30, background = '#2a6') =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

beforeAll(async () => {
  cms = await startTestStrapi();
  tokens.redaktion = await adminTokenFor(cms, 'autorin.medien@example.org', REDAKTION.code);
  tokens.chefredaktion = await adminTokenFor(cms, 'chefin.medien@example.org', CHEFREDAKTION.code);
  tokens.administration = await adminTokenFor(cms, 'admin.medien@example.org', SUPER_ADMIN_CODE);
}, 120_000);

afterAll(async () => {
  await cms?.stop();
});

describe('what enters the media library', () => {
  it('refuses HTML and JavaScript whatever image they pretend to be, with a German message, and stores nothing', async () => {
    const before = await cms.strapi.db.query('plugin::upload.file').count();
    const webpMagic = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.from(`<!doctype html>${SCRIPT}`)]);
    const pngMagic = Buffer.concat([(await png()).subarray(0, 8), Buffer.from(`<!doctype html>${SCRIPT}`)]);
    for (const [name, bytes, type] of [
      ['jahresbericht.html', webpMagic, 'application/octet-stream'],
      ['vorschau.js', Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.from('alert(1)')]), 'application/octet-stream'],
      ['bericht.html', pngMagic, 'image/png'],
      ['seite.html', Buffer.from(`<!doctype html>${SCRIPT}`), 'text/html'],
      ['bild.svg', Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${SCRIPT}</svg>`), 'image/svg+xml'],
      ['werkzeug.mjs', Buffer.from('window.injected = true;'), 'text/javascript'],
      ['notizen.txt', Buffer.from('Nur Text'), 'text/plain'],
    ] as const) {
      const answer = await upload('redaktion', name, bytes, type);
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.message, name).toMatch(
        /nicht gespeichert: Die Mediathek nimmt nur Bilder \(JPEG, PNG, WebP\) und PDF-Dokumente an|kein lesbares Bild/,
      );
    }
    expect(await cms.strapi.db.query('plugin::upload.file').count()).toBe(before);
  });

  it('keeps a real image under its real type, re-encoded: an appended script and the GPS position are gone', async () => {
    const gps = await sharp(await png())
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .toBuffer();
    expect((await sharp(gps).metadata()).exif).toBeDefined();
    for (const [name, bytes, mime, ext] of [
      ['jahresbericht.html', Buffer.concat([await png(), Buffer.from(SCRIPT)]), 'image/png', '.png'],
      ['urlaub.jpeg', gps, 'image/jpeg', '.jpg'],
      [
        'Übersicht März.webp',
        await sharp(await png())
          .webp()
          .toBuffer(),
        'image/webp',
        '.webp',
      ],
    ] as const) {
      const file = await uploaded('redaktion', name, bytes, 'application/octet-stream');
      expect(file, name).toMatchObject({ mime, ext });
      expect(file.name, name).toBe(`${name.replace(/\.[^.]+$/, '')}${ext}`);
      const stored = (await fetch(`${cms.url}${file.url}`)
        .then((response) => response.arrayBuffer())
        .then(Buffer.from))!;
      expect(stored.includes('<script'), name).toBe(false);
      expect((await sharp(stored).metadata()).exif, name).toBeUndefined();
    }
  });

  it('takes a PDF as the one download type', async () => {
    const file = await uploaded('redaktion', 'Leitfaden.pdf', pdf, 'application/pdf');
    expect(file).toMatchObject({ mime: 'application/pdf', ext: '.pdf', name: 'Leitfaden.pdf' });
  });

  it('refuses an image of more than 40 megapixels before decoding it, and one that does not decode', async () => {
    // A PNG that says 16,000 × 16,000 pixels (the review's 776 KB file decoded to 1.2 GB).
    const answer = await upload('redaktion', 'riesig.png', pngStating(16_000, 16_000), 'image/png');
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/16\.000 × 16\.000 Pixeln \(256 Megapixel\) zu groß; höchstens 40 Megapixel/);
    const broken = await upload('redaktion', 'kaputt.png', pngStating(200, 200), 'image/png');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/„kaputt\.png“ ist kein lesbares Bild/);
  });
});

describe('what /uploads answers', () => {
  it('sends the type from the allowlist, no sniffing, a sandbox, no CORS and no X-Powered-By', async () => {
    const file = await uploaded('redaktion', 'foto.png', await png(), 'image/png');
    const response = await fetch(`${cms.url}${file.url}`, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect((await fetch(`${cms.url}/_health`)).headers.get('x-powered-by')).toBeNull();
  });

  it('sends a file planted before these rules as a download that cannot run', async () => {
    const name = `jahresbericht_${randomBytes(4).toString('hex')}.html`;
    const path = join(cms.strapi.dirs.static.public, 'uploads', name);
    writeFileSync(path, `<!doctype html>${SCRIPT}`);
    try {
      const response = await fetch(`${cms.url}/uploads/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toBe('attachment');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      rmSync(path, { force: true });
    }
  });
});

describe('files that a published case study shows', () => {
  let live: StoredFile;
  let liveImage: StoredFile;
  let draftOnly: StoredFile;

  beforeAll(async () => {
    live = await uploaded('redaktion', 'Handreichung.pdf', pdf, 'application/pdf');
    liveImage = await uploaded('redaktion', 'Spielplatz.png', await png(), 'image/png');
    draftOnly = await uploaded('redaktion', 'Entwurf.pdf', pdf, 'application/pdf');
    const importer = cms.strapi.service('api::case-study.importer') as unknown as {
      importContent(name: string, content: string): Promise<{ written: boolean }>;
    };
    await importer.importContent(
      'x.json',
      JSON.stringify([
        caseStudyRecord({ slug: 'live-mit-dateien', title: 'Live mit Dateien' }),
        caseStudyRecord({ slug: 'entwurf-mit-datei', title: 'Entwurf mit Datei', publish: false }),
      ]),
    );
    const documents = cms.strapi.documents(CASE_STUDY);
    const documentId = async (slug: string) =>
      (await cms.strapi.db.query(CASE_STUDY).findOne({ where: { slug }, select: ['documentId'] })).documentId as string;
    const liveId = await documentId('live-mit-dateien');
    await documents.update({
      documentId: liveId,
      locale: 'de',
      data: { downloads: [live.id], images: [{ file: liveImage.id, alt: 'Kinder auf dem Spielplatz' }] },
    } as never);
    await documents.publish({ documentId: liveId, locale: 'de' });
    await documents.update({ documentId: await documentId('entwurf-mit-datei'), locale: 'de', data: { downloads: [draftOnly.id] } } as never);
  });

  it('refuses Redaktion replacing, renaming or deleting them, one by one or in bulk, and leaves them as they were', async () => {
    const refusals = [
      await upload('redaktion', 'Handreichung.pdf', Buffer.concat([pdf, Buffer.from('% verändert')]), 'application/pdf', live.id),
      await upload('redaktion', 'Spielplatz.png', await png(40, 30, '#c00'), 'image/png', liveImage.id),
      await request(
        'redaktion',
        'POST',
        `/upload?id=${live.id}`,
        (() => {
          const form = new FormData();
          form.append('fileInfo', JSON.stringify({ name: 'Umbenannt.pdf' }));
          return form;
        })(),
      ),
      await request('redaktion', 'DELETE', `/upload/files/${liveImage.id}`),
      await request('redaktion', 'POST', '/upload/actions/bulk-delete', { fileIds: [draftOnly.id, live.id], folderIds: [] }),
    ];
    for (const answer of refusals) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
      expect(answer.body.error.message).toMatch(/zeigt ein veröffentlichtes Praxisbeispiel.*nur die Chefredaktion/);
    }
    const files = await cms.strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: [live.id, liveImage.id, draftOnly.id] } } });
    expect(files.map((file: StoredFile) => [file.id, file.name, file.hash]).sort()).toEqual(
      [live, liveImage, draftOnly].map((file) => [file.id, file.name, file.hash]).sort(),
    );
  });

  it('refuses Redaktion deleting a folder that holds one', async () => {
    const folder = (await request('redaktion', 'POST', '/upload/folders', { name: 'Projektfotos', parent: null })).body.data;
    expect(
      (await request('redaktion', 'POST', '/upload/actions/bulk-move', { fileIds: [liveImage.id], folderIds: [], destinationFolderId: folder.id })).status,
    ).toBe(200);
    const answer = await request('redaktion', 'POST', '/upload/actions/bulk-delete', { fileIds: [], folderIds: [folder.id] });
    expect(answer.status).toBe(403);
    expect(await cms.strapi.db.query('plugin::upload.file').count({ where: { id: liveImage.id } })).toBe(1);
  });

  it('lets Redaktion change a file only drafts use, and the Chefredaktion a live one', async () => {
    const replaced = await upload('redaktion', 'Entwurf.pdf', Buffer.concat([pdf, Buffer.from('% zweite Fassung')]), 'application/pdf', draftOnly.id);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const byChief = await upload('chefredaktion', 'Spielplatz.png', await png(40, 30, '#c00'), 'image/png', liveImage.id);
    expect(byChief.status, JSON.stringify(byChief.body)).toBe(200);
    expect(byChief.body.url).toBe(liveImage.url);
    const other = await upload('chefredaktion', 'Spielplatz.png', pdf, 'application/pdf', liveImage.id);
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/nur durch eine Datei desselben Typs/);
    expect((await request('administration', 'DELETE', `/upload/files/${draftOnly.id}`)).status).toBe(200);
  });
});
