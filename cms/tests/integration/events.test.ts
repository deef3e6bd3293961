// Events ("Veranstaltungen") in the CMS: the same roles as case studies through the admin API,
// their rules (https links, end after start, a place for events on site), the public REST API
// showing published events only, the German admin labels, and the demo events of the template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_FIELDS } from '../../src/editorial/admin-labels';
import { CHEFREDAKTION, REDAKTION } from '../../src/editorial/roles';
import { adminCall, adminTokenFor } from '../helpers/admin-users.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const EVENT = 'api::event.event';
const eventPath = (documentId = '') => `/content-manager/collection-types/${EVENT}${documentId ? `/${documentId}` : ''}`;
let cms: TestStrapi;
const tokens: Record<string, string> = {};
let caseStudyId: string;

const as = (roleCode: string, method: string, path: string, body?: unknown) => adminCall(cms, tokens[roleCode], method, path, body);
const event = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  startsAt: '2027-03-10T09:00:00.000Z',
  endsAt: '2027-03-10T14:00:00.000Z',
  format: 'vor-ort',
  venue: 'Rathaus',
  organiser: 'Programmbegleitung',
  description: 'Projekte stellen sich vor.',
  ...extra,
});

beforeAll(async () => {
  cms = await startTestStrapi({ demoContent: true });
  caseStudyId = (await cms.strapi.documents('api::case-study.case-study').findFirst({ locale: 'de', status: 'published' }))!.documentId;
  tokens[REDAKTION.code] = await adminTokenFor(cms, 'autorin@example.org', REDAKTION.code);
  tokens[CHEFREDAKTION.code] = await adminTokenFor(cms, 'chefin@example.org', CHEFREDAKTION.code);
});
afterAll(async () => {
  await cms?.stop();
});

describe('events in the admin', () => {
  it('let Redaktion write an event with its case studies, but not publish or delete it', async () => {
    const created = await as(REDAKTION.code, 'POST', `${eventPath()}?locale=de`, {
      ...event('Regionaltreffen Nord'),
      caseStudies: { connect: [{ documentId: caseStudyId }] },
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect((await as(REDAKTION.code, 'PUT', `${eventPath(documentId)}?locale=de`, { title: 'Regionaltreffen Nord 2027' })).status).toBe(200);
    expect((await as(REDAKTION.code, 'POST', `${eventPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(403);
    expect((await as(REDAKTION.code, 'DELETE', `${eventPath(documentId)}?locale=de`)).status).toBe(403);
    // Not public while a draft.
    expect((await fetch(`${cms.url}/api/events/${documentId}?locale=de`)).status).toBe(404);
    expect((await fetch(`${cms.url}/api/events?locale=de&status=draft`)).status).toBe(403);

    // Chefredaktion publishes: the public API shows it with its case study.
    expect((await as(CHEFREDAKTION.code, 'POST', `${eventPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
    const response = await fetch(`${cms.url}/api/events/${documentId}?locale=de&populate[caseStudies][fields][0]=title`);
    expect(response.status).toBe(200);
    const published = ((await response.json()) as { data: { title: string; caseStudies: { documentId: string }[] } }).data;
    expect(published.title).toBe('Regionaltreffen Nord 2027');
    expect(published.caseStudies.map((caseStudy) => caseStudy.documentId)).toEqual([caseStudyId]);

    expect((await as(CHEFREDAKTION.code, 'DELETE', `${eventPath(documentId)}?locale=de`)).status).toBe(200);
    expect((await fetch(`${cms.url}/api/events/${documentId}?locale=de`)).status).toBe(404);
  });

  it('refuse links that are not https, an end before the start, and publishing an event on site without a place', async () => {
    const http = await as(REDAKTION.code, 'POST', `${eventPath()}?locale=de`, event('Mit http', { registrationUrl: 'http://example.org/anmeldung' }));
    expect(http.status).toBe(400);
    expect(http.body.error.message).toContain('https://');
    const script = await as(REDAKTION.code, 'POST', `${eventPath()}?locale=de`, event('Mit Skript', { onlineUrl: 'javascript:alert(1)' }));
    expect(script.status).toBe(400);
    const inverted = await as(REDAKTION.code, 'POST', `${eventPath()}?locale=de`, event('Verdreht', { endsAt: '2027-03-10T08:00:00.000Z' }));
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.message).toBe('Das Ende der Veranstaltung liegt vor ihrem Beginn.');

    const noPlace = await as(REDAKTION.code, 'POST', `${eventPath()}?locale=de`, event('Ohne Ort', { venue: null }));
    expect(noPlace.status).toBe(201);
    const publish = await as(CHEFREDAKTION.code, 'POST', `${eventPath(noPlace.body.data.documentId)}/actions/publish?locale=de`, {});
    expect(publish.status).toBe(400);
    expect(publish.body.error.message).toContain('Veranstaltungsort');
    // Online needs no place.
    const online = await as(REDAKTION.code, 'PUT', `${eventPath(noPlace.body.data.documentId)}?locale=de`, {
      format: 'online',
      onlineUrl: 'https://example.org/raum',
    });
    expect(online.status).toBe(200);
    expect((await as(CHEFREDAKTION.code, 'POST', `${eventPath(noPlace.body.data.documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
  });

  it('label every field in German, with help texts', async () => {
    const { status, body } = await as(REDAKTION.code, 'GET', `/content-manager/content-types/${EVENT}/configuration`);
    expect(status).toBe(200);
    const metadatas = body.data.contentType.metadatas as Record<string, { edit: { label: string; description: string } }>;
    for (const [field, text] of Object.entries(EVENT_FIELDS)) {
      expect(metadatas[field]!.edit.label, field).toBe(text.label);
      expect(metadatas[field]!.edit.description, field).toBe(text.description ?? '');
    }
    expect(body.data.contentType.layouts.list).toEqual(['title', 'startsAt', 'format', 'updatedAt']);
  });
});

describe('the demo events', () => {
  it('are published in German (some in English), upcoming and past, with case studies and materials', async () => {
    const response = await fetch(`${cms.url}/api/events?locale=de&populate[materials][fields][0]=mime&populate[caseStudies][fields][0]=slug&sort=startsAt:asc`);
    const { data } = (await response.json()) as { data: { startsAt: string; caseStudies: unknown[]; materials: { mime: string }[] | null }[] };
    const now = Date.now();
    const demo = data.filter((entry) => entry.caseStudies.length === 3);
    expect(demo).toHaveLength(5);
    expect(demo.filter((entry) => new Date(entry.startsAt).getTime() > now)).toHaveLength(3);
    const past = demo.filter((entry) => new Date(entry.startsAt).getTime() < now);
    expect(past).toHaveLength(2);
    for (const entry of past) expect(entry.materials?.map((file) => file.mime)).toContain('application/pdf');
    const english = (await (await fetch(`${cms.url}/api/events?locale=en`)).json()) as { data: unknown[] };
    expect(english.data.length).toBeGreaterThanOrEqual(3);
  });
});
