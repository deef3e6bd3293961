import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const MODEL = 'api::case-study.case-study';
let cms: TestStrapi;
let token: string;

beforeAll(async () => {
  cms = await startTestStrapi();
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: cms.env.ADMIN_EMAIL, password: cms.env.ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  token = ((await login.json()) as { data: { token: string } }).data.token;
});
afterAll(async () => {
  await cms?.stop();
});

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${cms.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('the first editor in the admin', () => {
  it('creates a German case study, translates it to English, publishes both, and the REST API shows them', async () => {
    const block = await cms.strapi.db.query('api::building-block.building-block').findOne({ where: { slug: 'gesundes-aufwachsen' } });
    const town = await cms.strapi.db.query('api::municipality.municipality').findOne({ where: { ags: '05978024' } });
    const shared = {
      buildingBlock: { connect: [{ documentId: block.documentId }] },
      municipalities: { connect: [{ documentId: town.documentId }] },
      projectStatus: 'laufend',
      fundingStart: 2024,
      fundingEnd: 2026,
    };
    const german = await admin('POST', `/content-manager/collection-types/${MODEL}?locale=de`, {
      title: 'Schwimmfit im Quartier',
      slug: 'schwimmfit-im-quartier',
      teaser: 'Schwimmkurse für Grundschulkinder.',
      description: 'Alle Kinder lernen schwimmen.',
      ...shared,
    });
    expect(german.status, JSON.stringify(german.body)).toBe(201);
    const { documentId } = german.body.data;
    expect((await admin('POST', `/content-manager/collection-types/${MODEL}/${documentId}/actions/publish?locale=de`, {})).status).toBe(200);

    const english = await admin('PUT', `/content-manager/collection-types/${MODEL}/${documentId}?locale=en`, {
      title: 'Swim fit in the neighbourhood',
      slug: 'swim-fit',
      teaser: 'Swimming lessons for primary school children.',
      description: 'Every child learns to swim.',
      ...shared,
    });
    expect(english.status, JSON.stringify(english.body)).toBe(200);
    const published = await admin('POST', `/content-manager/collection-types/${MODEL}/${documentId}/actions/publish?locale=en`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const rest = await fetch(`${cms.url}/api/case-studies?locale=en&populate=municipalities`);
    const list = (await rest.json()) as { data: { documentId: string; title: string; municipalities: { name: string }[] }[] };
    expect(list.data).toEqual([
      expect.objectContaining({ documentId, title: 'Swim fit in the neighbourhood', municipalities: [expect.objectContaining({ name: 'Lünen' })] }),
    ]);
  });

  it('sees the funding-period rule as a field error when saving', async () => {
    const response = await admin('POST', `/content-manager/collection-types/${MODEL}?locale=de`, {
      title: 'Falsch herum',
      slug: 'falsch-herum',
      fundingStart: 2025,
      fundingEnd: 2020,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Das Förderende (2020) liegt vor dem Förderbeginn (2025).');
    expect(response.body.error.details.errors[0].path).toEqual(['fundingEnd']);
  });
});
