import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ACTIONS } from '../../src/access/public-role';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

let cms: TestStrapi;
let publishedId: string;
let draftOnlyId: string;

beforeAll(async () => {
  cms = await startTestStrapi({ demoContent: true, env: { SITE_URL: 'https://site.example' } });
  const documents = cms.strapi.documents('api::case-study.case-study');
  const published = await documents.findFirst({ locale: 'de', status: 'published' });
  publishedId = published!.documentId;
  // An unpublished change to a published entry, and an entry that was never published.
  await documents.update({ documentId: publishedId, locale: 'de', data: { title: 'GEHEIMER ENTWURFSTITEL' } as never });
  const block = await cms.strapi.db.query('api::building-block.building-block').findOne({ where: { slug: 'aktive-nachbarschaft' } });
  const draft = await documents.create({
    locale: 'de',
    data: {
      title: 'Unveröffentlichtes Projekt',
      slug: 'unveroeffentlicht',
      teaser: 't',
      description: 'd',
      buildingBlock: block.documentId,
      projectStatus: 'laufend',
      fundingStart: 2024,
    } as never,
  });
  draftOnlyId = draft.documentId;
});
afterAll(async () => {
  await cms?.stop();
});

type Auth = 'public' | 'site-token';
async function get(path: string, auth: Auth = 'public', extraHeaders: Record<string, string> = {}) {
  const headers: Record<string, string> = auth === 'site-token' ? { authorization: `Bearer ${cms.siteToken}`, ...extraHeaders } : extraHeaders;
  const response = await fetch(`${cms.url}${path}`, { headers });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

describe.each<Auth>(['public', 'site-token'])('REST access as %s', (auth) => {
  it('lists published case studies with the demo content in German and English', async () => {
    const german = await get('/api/case-studies?locale=de&pagination[pageSize]=100', auth);
    expect(german.status).toBe(200);
    expect(german.body.meta.pagination.total).toBeGreaterThanOrEqual(40);
    const english = await get('/api/case-studies?locale=en&pagination[pageSize]=100', auth);
    expect(english.body.meta.pagination.total).toBeGreaterThanOrEqual(10);
  });

  it('shows the published version, never the unpublished edit', async () => {
    const { status, body } = await get(`/api/case-studies/${publishedId}?locale=de`, auth);
    expect(status).toBe(200);
    expect(body.data.title).not.toBe('GEHEIMER ENTWURFSTITEL');
    const all = await get('/api/case-studies?locale=de&pagination[pageSize]=100&filters[title][$contains]=GEHEIM', auth);
    expect(all.body.data).toEqual([]);
  });

  it('does not find a never-published entry', async () => {
    expect((await get(`/api/case-studies/${draftOnlyId}?locale=de`, auth)).status).toBe(404);
  });

  it.each(['status=draft', 'status=DRAFT', 'status[0]=draft', 'status=draft&locale=en'])('refuses drafts asked for with ?%s', async (query) => {
    const list = await get(`/api/case-studies?${query}`, auth);
    expect(list.status).toBe(403);
    expect(JSON.stringify(list.body)).not.toContain('GEHEIMER');
    const one = await get(`/api/case-studies/${draftOnlyId}?${query}`, auth);
    expect(one.status).toBe(403);
  });

  it("hands out drafts only to the site token with the preview secret (the site's preview route)", async () => {
    const draft = (secret: string) => get(`/api/case-studies/${publishedId}?locale=de&status=draft`, auth, { 'x-preview-secret': secret });
    expect((await draft('wrong-secret')).status).toBe(403);
    expect((await draft(`${cms.env.PREVIEW_SECRET}x`)).status).toBe(403);
    const withSecret = await draft(cms.env.PREVIEW_SECRET!);
    if (auth === 'public') {
      expect(withSecret.status).toBe(403);
    } else {
      expect(withSecret.status).toBe(200);
      expect(withSecret.body.data.title).toBe('GEHEIMER ENTWURFSTITEL');
    }
  });

  it('cannot read the search sync status', async () => {
    expect((await get('/api/sync/status', auth)).status).toBe(403);
  });

  it('reads every taxonomy', async () => {
    for (const type of ['building-blocks', 'municipalities', 'target-groups', 'topics', 'settings', 'quality-criteria', 'organisations']) {
      expect((await get(`/api/${type}`, auth)).status, type).toBe(200);
    }
  });

  it('cannot write anything', async () => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth === 'site-token') headers.authorization = `Bearer ${cms.siteToken}`;
    for (const [method, path] of [
      ['POST', '/api/case-studies'],
      ['PUT', `/api/case-studies/${publishedId}`],
      ['DELETE', `/api/case-studies/${publishedId}`],
      ['POST', '/api/topics'],
    ]) {
      const response = await fetch(`${cms.url}${path}`, { method, headers, body: method === 'DELETE' ? undefined : JSON.stringify({ data: { title: 'x' } }) });
      expect([403, 404, 405], `${method} ${path}`).toContain(response.status);
    }
  });
});

describe('the public role', () => {
  it('has exactly find and findOne on case studies, events and taxonomies', async () => {
    const role = await cms.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((permission: { action: string }) => permission.action).sort();
    // Case studies, events and seven taxonomies, two actions each.
    expect(actions).toHaveLength(18);
    expect(actions).toContain('api::event.event.find');
    expect(actions.every((action: string) => /^api::[a-z-]+\.[a-z-]+\.(find|findOne)$/.test(action))).toBe(true);
  });

  it('cannot list users, sign up or read the upload library', async () => {
    expect((await get('/api/users')).status).toBe(403);
    const signUp = await fetch(`${cms.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', email: 'x@example.org', password: 'Secret123' }),
    });
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    expect(signUp.status).toBeLessThan(500);
    expect((await get('/api/upload/files')).status).toBe(403);
  });

  it('gets no access with a wrong token', async () => {
    const response = await fetch(`${cms.url}/api/case-studies`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(response.status).toBe(401);
  });
});

describe('the site token', () => {
  it('is a custom token named "Website" with exactly the public read permissions, recording search statistics and passing on contact requests', async () => {
    const token = await cms.strapi.db.query('admin::api-token').findOne({ where: { name: 'Website' }, populate: ['permissions'] });
    expect(token.type).toBe('custom');
    expect(token.permissions.map((permission: { action: string }) => permission.action).sort()).toEqual(
      [
        ...PUBLIC_ACTIONS,
        'api::search-statistic.search-statistic.record',
        'api::contact-request.contact-request.create',
        'api::contact-request.contact-request.unsubscribe',
        'api::submission.submission.create',
        'api::submission.submission.confirm',
        'api::transfer-report.transfer-report.report',
        'api::transfer-report.transfer-report.confirm',
        'api::transfer-report.transfer-report.published',
      ].sort(),
    );
  });

  it('records search statistics; the public may not, and bad batches are a 400', async () => {
    const post = (body: unknown, as?: 'site-token') =>
      fetch(`${cms.url}/api/search-statistics`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${cms.env.STRAPI_SITE_TOKEN}` } : {}) },
      });
    const counts = [{ locale: 'de', query: 'zahnputzbus', searches: 3, withoutResults: 3 }];
    expect((await post({ counts })).status).toBe(403);
    expect((await post({ counts }, 'site-token')).status).toBe(204);
    for (const body of [
      {},
      { counts: [{ ...counts[0], locale: 'fr' }] },
      { counts: [{ ...counts[0], searches: -1 }] },
      { counts: [{ ...counts[0], withoutResults: 4 }] },
      { counts: [{ ...counts[0], query: 'x'.repeat(101) }] },
      { counts, ip: '1.2.3.4' },
    ]) {
      const response = await post(body, 'site-token');
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('cannot list uploaded files, users or roles', async () => {
    for (const path of ['/api/upload/files', '/api/users', '/api/users/me', '/api/users-permissions/roles', '/api/i18n/locales']) {
      expect((await get(path, 'site-token')).status, path).toBe(403);
    }
  });
});

describe('CORS', () => {
  const preflight = (path: string, origin: string) =>
    fetch(`${cms.url}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
  const grantsCredentials = (response: Response, origin: string) =>
    response.headers.get('access-control-allow-origin') === origin && response.headers.get('access-control-allow-credentials') === 'true';

  it('gives no other origin, not even the site, a credentialed grant on /admin/access-token', async () => {
    for (const origin of ['https://evil.example', cms.env.SITE_URL!, 'null']) {
      const options = await preflight('/admin/access-token', origin);
      expect(grantsCredentials(options, origin), `OPTIONS from ${origin}`).toBe(false);
      const post = await fetch(`${cms.url}/admin/access-token`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
      expect(grantsCredentials(post, origin), `POST from ${origin}`).toBe(false);
    }
  });

  it('never reflects an unknown origin', async () => {
    for (const path of ['/admin/access-token', '/api/case-studies', '/admin/init']) {
      const response = await fetch(`${cms.url}${path}`, { headers: { origin: 'https://evil.example' } });
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('lets the site read the public API from the browser without credentials', async () => {
    const origin = cms.env.SITE_URL!;
    const response = await fetch(`${cms.url}/api/case-studies`, { headers: { origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('operators with a full-access token', () => {
  it('read drafts with ?status=draft', async () => {
    const tokens = cms.strapi.service('admin::api-token-content-api') as unknown as { create(data: Record<string, unknown>): Promise<{ accessKey: string }> };
    const { accessKey } = await tokens.create({ name: 'Operator', type: 'full-access', lifespan: null });
    const response = await fetch(`${cms.url}/api/case-studies/${publishedId}?locale=de&status=draft`, { headers: { authorization: `Bearer ${accessKey}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.title).toBe('GEHEIMER ENTWURFSTITEL');
  });
});
