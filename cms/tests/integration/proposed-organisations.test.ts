// Träger the Redaktion proposes (issue 35): Redaktion creates one through the admin API as the
// relation picker's "Neuen Eintrag anlegen" does, and it stays a proposal: not on the public API
// nor the site's token, not publishable with a case study, until the Chefredaktion approves it on
// the dashboard. Redaktion cannot approve, edit or delete it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEFREDAKTION, REDAKTION, SUPER_ADMIN_CODE } from '../../src/editorial/roles';
import { adminTokenFor, adminCall, caseStudyPath } from '../helpers/admin-users.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const ORGANISATION = 'api::organisation.organisation';
const organisationPath = (documentId = '') => `/content-manager/collection-types/${ORGANISATION}${documentId ? `/${documentId}` : ''}`;
let cms: TestStrapi;
const tokens: Record<string, string> = {};
let buildingBlock: string;

const as = (roleCode: string, method: string, path: string, body?: unknown) => adminCall(cms, tokens[roleCode], method, path, body);
const site = async (path: string) => {
  const response = await fetch(`${cms.url}${path}`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
  return { status: response.status, body: (await response.json()) as any };
};
const publicNames = async (query = '') =>
  ((await site(`/api/organisations?pagination[pageSize]=100${query}`)).body.data as { name: string }[]).map((organisation) => organisation.name);

/** A case study ready to publish, naming the Träger `provider`. */
const caseStudy = (title: string, provider: string) => ({
  title,
  slug: 'case-study',
  teaser: 'Ein Teaser.',
  description: 'Text',
  projectStatus: 'laufend',
  fundingStart: 2025,
  buildingBlock: { connect: [{ documentId: buildingBlock }] },
  provider: { connect: [{ documentId: provider }] },
});

beforeAll(async () => {
  cms = await startTestStrapi();
  buildingBlock = (await cms.strapi.db.query('api::building-block.building-block').findOne({ where: { slug: 'gesundes-aufwachsen' } })).documentId;
  tokens[REDAKTION.code] = await adminTokenFor(cms, 'vorschlag-redaktion@example.org', REDAKTION.code, 'Rita');
  tokens[CHEFREDAKTION.code] = await adminTokenFor(cms, 'vorschlag-chefin@example.org', CHEFREDAKTION.code, 'Clara');
  tokens[SUPER_ADMIN_CODE] = await adminTokenFor(cms, 'vorschlag-admin@example.org', SUPER_ADMIN_CODE, 'Anton');
  // One the CMS created itself (as the seed and the import do): approved.
  await cms.strapi.documents(ORGANISATION).create({ data: { name: 'Bestehender Träger e. V.' } });
});
afterAll(async () => {
  await cms?.stop();
});

describe('a Träger the Redaktion proposes', () => {
  let proposal: string;
  let draft: string;

  it('is created by Redaktion as a proposal with an address from its name; Redaktion cannot make it approved, edit or delete it', async () => {
    const created = await as(REDAKTION.code, 'POST', organisationPath(), { name: 'Nachbarschaftshilfe Vorschlag e. V.', proposed: false });
    expect(created.status).toBe(201);
    proposal = created.body.data.documentId;
    expect(await cms.strapi.db.query(ORGANISATION).findOne({ where: { documentId: proposal } })).toMatchObject({
      proposed: true,
      slug: 'nachbarschaftshilfe-vorschlag-e-v',
    });
    expect((await as(REDAKTION.code, 'PUT', organisationPath(proposal), { name: 'Umbenannt' })).status).toBe(403);
    expect((await as(REDAKTION.code, 'DELETE', organisationPath(proposal))).status).toBe(403);
    expect((await as(REDAKTION.code, 'POST', `/redaktion/proposed-organisations/${proposal}/approve`)).status).toBe(403);
    expect((await as(REDAKTION.code, 'GET', '/redaktion/proposed-organisations')).status).toBe(403);
  });

  it('is not on the public API nor for the site token, by list, filter or address', async () => {
    expect(await publicNames()).toEqual(['Bestehender Träger e. V.']);
    expect(await publicNames('&filters[proposed][$eq]=true')).toEqual([]);
    expect((await site(`/api/organisations/${proposal}`)).status).toBe(404);
    expect((await fetch(`${cms.url}/api/organisations/${proposal}`)).status).toBe(404);
  });

  it('keeps a case study naming it from being published, with a message that names the Träger', async () => {
    const created = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, caseStudy('Nachbarn helfen Nachbarn Bottrop', proposal));
    expect(created.status).toBe(201);
    draft = created.body.data.documentId;
    const refused = await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(draft)}/actions/publish?locale=de`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Der Träger „Nachbarschaftshilfe Vorschlag e. V.“ ist erst vorgeschlagen. Die Chefredaktion gibt ihn auf der Startseite unter „Vorgeschlagene Träger“ frei; danach lässt sich das Praxisbeispiel veröffentlichen.',
    );
    expect(refused.body.error.details.errors[0].path).toEqual(['provider']);
    expect(await cms.strapi.db.query('api::case-study.case-study').count({ where: { documentId: draft, publishedAt: { $notNull: true } } })).toBe(0);
  });

  it('is listed on the Chefredaktion dashboard with who proposed it and the case study naming it', async () => {
    const listed = await as(CHEFREDAKTION.code, 'GET', '/redaktion/proposed-organisations');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      total: 1,
      items: [
        {
          documentId: proposal,
          name: 'Nachbarschaftshilfe Vorschlag e. V.',
          proposedBy: 'Rita Test',
          caseStudies: [{ documentId: draft, locale: 'de', title: 'Nachbarn helfen Nachbarn Bottrop' }],
        },
      ],
    });
  });

  it('can be corrected by the Chefredaktion, who cannot make it approved through the form', async () => {
    const corrected = await as(CHEFREDAKTION.code, 'PUT', organisationPath(proposal), { name: 'Nachbarschaftshilfe Bottrop e. V.', proposed: false });
    expect(corrected.status).toBe(200);
    expect(await cms.strapi.db.query(ORGANISATION).findOne({ where: { documentId: proposal } })).toMatchObject({
      name: 'Nachbarschaftshilfe Bottrop e. V.',
      proposed: true,
    });
  });

  it('is approved by the Chefredaktion: then public, and the case study publishes', async () => {
    const approved = await as(CHEFREDAKTION.code, 'POST', `/redaktion/proposed-organisations/${proposal}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.data).toEqual({ documentId: proposal, name: 'Nachbarschaftshilfe Bottrop e. V.' });
    expect((await as(CHEFREDAKTION.code, 'POST', `/redaktion/proposed-organisations/${proposal}/approve`)).status).toBe(409);
    expect((await as(CHEFREDAKTION.code, 'POST', '/redaktion/proposed-organisations/gibt-es-nicht/approve')).status).toBe(404);
    expect((await as(CHEFREDAKTION.code, 'GET', '/redaktion/proposed-organisations')).body).toEqual({ total: 0, items: [] });
    expect(await publicNames()).toContain('Nachbarschaftshilfe Bottrop e. V.');
    expect((await site(`/api/organisations/${proposal}`)).status).toBe(200);
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(draft)}/actions/publish?locale=de`, {})).status).toBe(200);
    const published = await site(`/api/case-studies?filters[documentId][$eq]=${draft}&populate[provider][fields][0]=name`);
    expect(published.body.data[0].provider).toMatchObject({ name: 'Nachbarschaftshilfe Bottrop e. V.' });
  });

  it('never becomes a proposal again once approved', async () => {
    const back = await as(SUPER_ADMIN_CODE, 'PUT', organisationPath(proposal), { proposed: true });
    expect(back.status).toBe(400);
    expect(back.body.error.message).toBe('Ein freigegebener Träger kann nicht wieder zum Vorschlag werden.');
  });

  it('is no proposal when the Chefredaktion or Administration creates it', async () => {
    for (const [role, name] of [
      [CHEFREDAKTION.code, 'Von der Chefredaktion angelegt e. V.'],
      [SUPER_ADMIN_CODE, 'Von der Administration angelegt e. V.'],
    ] as const) {
      const created = await as(role, 'POST', organisationPath(), { name, slug: `slug-${role}`, proposed: true });
      expect(created.status).toBe(201);
      expect(await cms.strapi.db.query(ORGANISATION).findOne({ where: { documentId: created.body.data.documentId } })).toMatchObject({ proposed: false });
      expect(await publicNames()).toContain(name);
    }
  });

  it('counts rows without the field (from before it, or the bulk import) as approved', async () => {
    const row = await cms.strapi.db.query(ORGANISATION).findOne({ where: { name: 'Von der Chefredaktion angelegt e. V.' } });
    await cms.strapi.db.connection('organisations').where({ id: row.id }).update({ proposed: null });
    expect(await publicNames()).toContain('Von der Chefredaktion angelegt e. V.');
  });
});
