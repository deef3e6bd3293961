// The findings of the security review, each tried as an attacker would against the running stack.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { previewPath } from '@praxis/search';
import { E2E_RATE_LIMIT } from './support/global-setup.ts';
import { openPage } from './support/browser.ts';
import { admin, adminJwt, adminUpload, CASE_STUDY, MINIMAL_PDF, published } from './support/cms.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET whose path goes on the wire exactly as written (fetch would normalise `\` and `..`). */
function rawGet(path: string, options: { headers?: Record<string, string>; localAddress?: string } = {}): Promise<RawAnswer> {
  const site = new URL(inject('siteUrl'));
  return new Promise((resolve, reject) => {
    const req = request({ host: site.hostname, port: site.port, path, headers: options.headers, localAddress: options.localAddress, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('security headers', () => {
  // The pages without the Nuxt app allow the site's own script files and their one inline script by
  // its hash (so one cached copy serves everyone); the pages with the app (the forms) a nonce per response.
  const withoutApp = async () => ['/', '/praxisbeispiele?q=Kita', '/en/case-studies', '/programm', `/praxisbeispiele/${(await published('de'))[0]!.slug}`];
  const withApp = ['/praxisbeispiel-einreichen', '/en/submit-a-project'];
  const scriptSources = (response: Response) => /script-src ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? '';

  it('sends a strict CSP and the other headers on every kind of page, and no x-powered-by', async () => {
    for (const path of [...(await withoutApp()), ...withApp]) {
      const response = await fetch(`${inject('siteUrl')}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = scriptSources(response);
      if (withApp.includes(path)) expect(scriptSrc, path).toMatch(/^'self' 'strict-dynamic' 'nonce-[A-Za-z0-9+/=_-]{16,}'$/);
      else expect(scriptSrc, path).toMatch(/^'self' 'sha256-[A-Za-z0-9+/=]{44}'$/);
      expect(csp, path).toContain("script-src-attr 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy'), path).toContain('geolocation=()');
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
    // Error pages come from Nitro's error handler, which allows no script at all.
    const notFound = await fetch(`${inject('siteUrl')}/praxisbeispiele/gibt-es-nicht`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(notFound.headers.get('x-frame-options')).toBe('DENY');
  });

  it('gives each response of a page with the app its own nonce, and only the scripts the server rendered carry it', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => fetch(`${inject('siteUrl')}${withApp[0]}`)));
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonceOf(first!)).not.toBe(nonceOf(second!));
    const html = await first!.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(first!)}"`);
  });

  it("allows on a page without the app exactly its inline script by hash, and otherwise only the site's own script files", async () => {
    for (const path of await withoutApp()) {
      const response = await fetch(`${inject('siteUrl')}${path}`);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
        ([, attributes]) => !/type="application\/ld\+json"/.test(attributes!),
      );
      const inline = scripts.filter(([, attributes]) => !/\ssrc=/.test(attributes!));
      expect(
        inline.map(([, , code]) => `'sha256-${createHash('sha256').update(code!).digest('base64')}'`),
        path,
      ).toEqual([scriptSources(response).split(' ')[1]]);
      for (const [tag, attributes] of scripts.filter((script) => !inline.includes(script))) {
        expect(attributes, path).toMatch(/\ssrc="\/_scripts\/[\w-]+\.js"/);
        expect(attributes, path).toMatch(/\sintegrity="sha384-/);
        expect(tag, path).not.toContain('nonce=');
      }
    }
  });

  it('lets only the CMS admin frame the preview', async () => {
    const documentId = (await published('de'))[0]!.documentId;
    const response = await fetch(`${inject('siteUrl')}${previewPath({ documentId, locale: 'de', status: 'draft' }, inject('previewSecret'))}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${inject('cmsUrl')}`);
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('runs the search page script under the CSP (search as you type works, no violation) and blocks an injected inline script', async () => {
    const page = await openPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto('/praxisbeispiele');
    await page.locator('.search-page.enhanced').waitFor();
    await page.locator('#search-q').fill('Kita');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Kita');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);

    // A stored-XSS stand-in: the same response with an inline script added that the server did not render.
    await page.route('**/praxisbeispiele?q=Eltern', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</body>', '<script>window.injected = true</script></body>');
      await route.fulfill({ response, body: html });
    });
    await page.goto('/praxisbeispiele?q=Eltern');
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([expect.stringMatching(/^script-src/)]);
  });
});

describe('the uploads proxy', () => {
  const dots = ['..', '%2e%2e', '%2E%2e', '.%2e', '%252e%252e'];
  const slashes = ['\\', '%5c', '%5C', '%255c', '/', '%2f', '%2F', '%252f'];
  const targets = ['admin/init', 'api/sync/backlog', 'api/case-studies?status=draft', 'admin/users/me'];
  const traversals = dots.flatMap((dot) => slashes.flatMap((slash) => targets.map((target) => `/uploads/${dot}${slash}${target}`)));

  it(`refuses ${traversals.length} traversals in every encoding, with or without the caller's credentials`, async () => {
    const credentials = { authorization: `Bearer ${await adminJwt()}`, cookie: 'koa.sess=x' };
    for (const path of traversals) {
      for (const headers of [{}, credentials]) {
        const answer = await rawGet(path, { headers });
        expect([400, 404], path).toContain(answer.status);
        // Nothing of the CMS's answers (admin/init, the sync backlog, entries, the admin user).
        expect(answer.body, path).not.toMatch(/hasAdmin|"pending"|"documentId"|"firstname"|"uuid"/);
      }
    }
  });

  it("serves a real uploaded file, without passing the caller's Authorization on", async () => {
    const name = await adminUpload('handout.pdf', MINIMAL_PDF, 'application/pdf');
    const answer = await rawGet(`/uploads/${name}`, { headers: { authorization: 'Bearer should-not-travel' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(Buffer.from(MINIMAL_PDF).toString('utf8'));
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it("never holds a script or a page: the pages without the app allow scripts from the site's own origin", async () => {
    const script = 'window.injected = true;';
    for (const [fileName, type, content] of [
      ['werkzeug.js', 'text/javascript', script],
      ['werkzeug.mjs', 'application/javascript', script],
      ['seite.html', 'text/html', `<!doctype html><script>${script}</script>`],
      ['bild.svg', 'image/svg+xml', `<svg xmlns="http://www.w3.org/2000/svg"><script>${script}</script></svg>`],
    ]) {
      await expect(adminUpload(fileName!, new TextEncoder().encode(content!), type!), fileName).rejects.toThrow(/upload failed: 400/);
    }
  });
});

describe("@nuxt/content's query endpoint", () => {
  it('is closed to the outside (404, never a 500), while the editorial pages keep working', async () => {
    for (const sql of ['SELECT * FROM sqlite_master', 'DROP TABLE _content_pages_de', 'nonsense']) {
      const response = await fetch(`${inject('siteUrl')}/__nuxt_content/pages_de/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql }),
      });
      expect(response.status, sql).toBe(404);
    }
    expect((await fetch(`${inject('siteUrl')}/programm`)).status).toBe(200);
    expect((await fetch(`${inject('siteUrl')}/sitemap.xml`)).status).toBe(200);
  });
});

describe('the rate limit', () => {
  it(`answers the ${E2E_RATE_LIMIT + 1}th request of a minute from one address with 429, whatever X-Forwarded-For says`, async () => {
    const from = { localAddress: '127.0.0.2' };
    const statuses = new Map<number, number>();
    for (let sent = 0; sent < E2E_RATE_LIMIT; sent += 50) {
      // A refused search (400) is the cheapest API answer that still counts.
      const batch = await Promise.all(Array.from({ length: 50 }, () => rawGet('/api/search?page=0', from)));
      for (const answer of batch) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 400: E2E_RATE_LIMIT });
    const limited = await rawGet('/api/search?q=Kita', from);
    expect(limited.status).toBe(429);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    const spoofed = await rawGet('/api/search?q=Kita', { ...from, headers: { 'x-forwarded-for': '203.0.113.7', 'x-praxis-client-address': '203.0.113.8' } });
    expect(spoofed.status).toBe(429);
    expect((await rawGet('/programm', from)).status).toBe(429);
    // A page the site serves from its page cache counts all the same.
    for (let asked = 0; asked < 2; asked += 1) expect((await rawGet('/praxisbeispiele?q=Kita&sort=title', { localAddress: '127.0.0.14' })).status).toBe(200);
    const cached = await rawGet('/praxisbeispiele?q=Kita&sort=title', from);
    expect(cached.status).toBe(429);
    expect(cached.headers['x-page-cache']).toBeUndefined();
    // Another client is not affected: its page renders, with the page's own API calls.
    expect((await rawGet('/api/search?q=Kita', { localAddress: '127.0.0.13' })).status).toBe(200);
    const page = await rawGet('/praxisbeispiele?q=Kita', { localAddress: '127.0.0.13' });
    expect(page.status).toBe(200);
    expect(page.headers['x-ratelimit-remaining']).toBe(String(E2E_RATE_LIMIT - 2));
  });
});

describe('the detail-page cache', () => {
  it('forgets an unknown slug within seconds: a case study published under it appears without waiting for the minute cache', async () => {
    const slug = `spaeter-veroeffentlicht-${Date.now()}`;
    const lookup = async () => ((await (await fetch(`${inject('siteUrl')}/api/case-studies/${slug}?locale=de`)).json()) as { kind: string }).kind;
    const indexed = async () => ((await (await fetch(`${inject('siteUrl')}/api/search?pageSize=1`)).json()) as { total: number }).total;
    const before = await indexed();
    expect(await lookup()).toBe('missing');
    const blocks = (await (await fetch(`${inject('cmsUrl')}/api/building-blocks`)).json()) as { data: { documentId: string }[] };
    const created = await admin<{ data: { documentId: string } }>('POST', `/content-manager/collection-types/${CASE_STUDY}?locale=de`, {
      title: 'Später veröffentlicht',
      slug,
      teaser: 'Erst unbekannt, dann veröffentlicht.',
      description: 'Text',
      buildingBlock: { connect: [{ documentId: blocks.data[0]!.documentId }] },
      projectStatus: 'laufend',
      fundingStart: 2025,
    });
    const { documentId } = created.data;
    try {
      await admin('POST', `/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {});
      await expect.poll(lookup, { timeout: 20_000, interval: 1_000 }).toBe('found');
    } finally {
      await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`);
      // The other suites count the demo content in the index: wait until the sync has removed this one again.
      await expect.poll(indexed, { timeout: 20_000 }).toBe(before);
    }
  });
});
