// Issue 31 as the review tried it against the running stack: files planted in the media library
// cannot run on either origin (not even for a logged-in Administration user in Chromium), no body
// is read past its route's limit, chunked or not, and the submission form refuses a pixel bomb
// before anything reaches the CMS.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER } from '@praxis/search';
import { ROOT_DIR } from '@praxis/tooling/env-file';
import { createEditor, logIn } from './support/admin-users.ts';
import { adminUpload, MINIMAL_PDF, published } from './support/cms.ts';
import { postJson, solvedProof } from './support/forms.ts';

const SCRIPT = '<script>fetch("/admin/access-token", { method: "POST" }).then(() => fetch("/admin/users")); document.title = "ausgeführt";</script>';
const UPLOADS = join(ROOT_DIR, 'cms', 'public', 'uploads');
const planted: string[] = [];

/** A file as it would be if it had entered the media library before these rules. */
function plant(extension: string, content: string): string {
  const name = `jahresbericht_${randomBytes(5).toString('hex')}${extension}`;
  writeFileSync(join(UPLOADS, name), content);
  planted.push(name);
  return name;
}
afterAll(() => {
  for (const name of planted) rmSync(join(UPLOADS, name), { force: true });
});

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('files in the media library, on both origins', () => {
  it('are served with their type from the allowlist, no sniffing and a sandbox, through the site as on the CMS', async () => {
    const image = await adminUpload('foto.png', ONE_PIXEL_PNG, 'image/png');
    const document = await adminUpload('leitfaden.pdf', MINIMAL_PDF, 'application/pdf');
    for (const origin of [inject('siteUrl'), inject('cmsUrl')]) {
      for (const [name, type] of [
        [image, 'image/png'],
        [document, 'application/pdf'],
      ]) {
        const response = await fetch(`${origin}/uploads/${name}`);
        expect(response.status, `${origin} ${name}`).toBe(200);
        expect(response.headers.get('content-type')).toBe(type);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
        expect(response.headers.get('content-disposition')).toBeNull();
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
    }
  });

  it("a page planted there is a download on both origins, and a page under an image's name is no page", async () => {
    const page = plant('.html', `<!doctype html>${SCRIPT}`);
    const disguised = plant('.png', `<!doctype html>${SCRIPT}`);
    for (const origin of [inject('siteUrl'), inject('cmsUrl')]) {
      const asPage = await fetch(`${origin}/uploads/${page}`);
      expect(asPage.headers.get('content-type'), origin).toBe('application/octet-stream');
      expect(asPage.headers.get('content-disposition')).toBe('attachment');
      expect(asPage.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      const asImage = await fetch(`${origin}/uploads/${disguised}`);
      expect(asImage.headers.get('content-type'), origin).toBe('image/png');
      expect(asImage.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('runs no script of a planted page when a logged-in Administration user opens it in Chromium', async () => {
    const email = `administration.${randomBytes(3).toString('hex')}@example.org`;
    await createEditor(email, 'strapi-super-admin');
    const admin = await logIn(email);
    const adminCalls: string[] = [];
    admin.context().on('request', (call) => {
      if (/\/admin\/(access-token|users)/.test(call.url())) adminCalls.push(call.url());
    });
    const page = plant('.html', `<!doctype html>${SCRIPT}`);
    const disguised = plant('.png', `<!doctype html>${SCRIPT}`);
    for (const origin of [inject('cmsUrl'), inject('siteUrl')]) {
      // An attachment: Chromium downloads it instead of showing it.
      const download = admin.waitForEvent('download');
      await admin.goto(`${origin}/uploads/${page}`).catch((error: Error) => expect(error.message).toMatch(/Download is starting/));
      await (await download).cancel();
      await admin.goto(`${origin}/uploads/${disguised}`);
      expect(await admin.title()).not.toBe('ausgeführt');
      // A PDF still displays (Chromium's viewer is not subject to the sandbox).
      const pdf = await admin.goto(`${origin}/uploads/${await adminUpload('bericht.pdf', MINIMAL_PDF, 'application/pdf')}`);
      expect(pdf?.headers()['content-type']).toBe('application/pdf');
    }
    expect(adminCalls).toEqual([]);
    await admin.context().close();
  });
});

interface Flood {
  status: number;
  sent: number;
}

/**
 * Sends up to `total` bytes as a chunked body over a raw socket, until the site answers; says what
 * it answered and how much had been sent by then. (A raw socket, because the site closes the
 * connection after its 413 while the client is still writing, and Node's HTTP client then reports
 * the write's EPIPE instead of the answer.)
 */
function flood(path: string, contentType: string, total: number, headers: Record<string, string> = {}): Promise<Flood> {
  const site = new URL(inject('siteUrl'));
  return new Promise((resolve, reject) => {
    let sent = 0;
    let status = 0;
    const socket = connect({ host: site.hostname, port: Number(site.port), localAddress: '127.0.0.21' });
    const head = [
      `POST ${path} HTTP/1.1`,
      `Host: ${site.host}`,
      `Content-Type: ${contentType}`,
      'Transfer-Encoding: chunked',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      '',
      '',
    ].join('\r\n');
    const chunk = Buffer.concat([Buffer.from(`${(64 * 1024).toString(16)}\r\n`), Buffer.alloc(64 * 1024, 'a'), Buffer.from('\r\n')]);
    const done = () => {
      socket.destroy();
      if (status) resolve({ status, sent });
      else reject(new Error(`${path}: the connection ended without an answer after ${sent} bytes`));
    };
    socket.on('data', (data: Buffer) => {
      status ||= Number(/^HTTP\/1\.1 (\d{3})/.exec(data.toString('latin1'))?.[1] ?? 0);
      if (status) done();
    });
    socket.on('error', () => (status ? undefined : setTimeout(done, 200)));
    socket.on('close', () => (status ? undefined : done()));
    const pump = () => {
      while (!status && !socket.destroyed && sent < total) {
        sent += 64 * 1024;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      if (!status && !socket.destroyed) socket.write('0\r\n\r\n');
    };
    socket.write(head);
    pump();
  });
}

describe('request bodies', () => {
  const MB = 1024 * 1024;
  const routes = async (): Promise<[string, string, number][]> => {
    const slug = (await published('de')).find((entry) => entry.slug)!.slug;
    return [
      ['/api/contact-requests', 'application/json', 2],
      [`/praxisbeispiele/${slug}/kontakt`, 'application/x-www-form-urlencoded', 2],
      ['/praxisbeispiel-einreichen/bestaetigen', 'application/x-www-form-urlencoded', 2],
      ['/api/submissions/confirm', 'application/json', 2],
      ['/api/submissions', 'application/json', 13],
      ['/praxisbeispiel-einreichen', 'multipart/form-data; boundary=x', 13],
      ['/en/submit-a-project', 'multipart/form-data; boundary=x', 13],
    ];
  };

  it("are read no further than their route's limit, chunked or not: 100 MB get a 413 after about the limit", async () => {
    for (const [path, type, limitMb] of await routes()) {
      const answer = await flood(path, type, 100 * MB);
      expect(answer.status, path).toBe(413);
      // What the site read, plus what the sockets' buffers took before the answer came back.
      expect(answer.sent, path).toBeLessThan((limitMb + 16) * MB);
    }
    expect((await fetch(`${inject('siteUrl')}/api/health`)).status).toBe(200);
  });

  it('the purge notice is refused on its headers alone, before its body is read', async () => {
    const unsigned = await flood('/api/internal/purge', 'application/json', 100 * MB);
    expect(unsigned.status).toBe(401);
    expect(unsigned.sent).toBeLessThan(16 * MB);
    // Headers that look genuine get as far as the body's limit (1 MB), then a 413.
    const plausible = await flood('/api/internal/purge', 'application/json', 100 * MB, {
      [PURGE_TIMESTAMP_HEADER]: String(Date.now()),
      [PURGE_SIGNATURE_HEADER]: 'a'.repeat(43),
    });
    expect(plausible.status).toBe(413);
    expect(plausible.sent).toBeLessThan(17 * MB);
  });
});

describe('the submission form', () => {
  it('refuses an image of more than 40 megapixels before anything reaches the CMS', async () => {
    // A PNG whose header states 16,000 × 16,000 pixels: the review's 776 KB file took the CMS to 1.6 GB.
    const bomb = Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAPoAAAD6ACAIAAAAAAAAA', 'base64'), Buffer.alloc(1024)]);
    const answer = await postJson<{ errors?: Record<string, string>; step?: number }>(
      '/api/submissions',
      {
        step: 5,
        action: 'submit',
        locale: 'de',
        values: {
          title: `Bewegungsbaustelle ${randomBytes(3).toString('hex')}`,
          teaser: 'Kinder bauen und klettern jeden Nachmittag auf der Bewegungsbaustelle.',
          buildingBlock: 'gesundes-aufwachsen',
          status: 'laufend',
          fundingStart: '2024',
          municipality: 'Dortmund',
          description: 'Eine Bewegungsbaustelle im Hof der Grundschule, offen für alle Kinder des Quartiers.',
          submitterName: 'Tina Trägerin',
          submitterEmail: `bombe.${randomBytes(3).toString('hex')}@example.org`,
          consent: 'ja',
          website: '',
          imageAlt: 'Kinder klettern auf der Bewegungsbaustelle',
          altcha: await solvedProof(),
        },
        images: [{ name: 'bombe.png', size: bomb.length, data: bomb.toString('base64') }],
      },
      '127.0.0.22',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.image).toMatch(/Bild 1 hat mehr als 40 Megapixel/);
  });
});
