// The newsroom through the admin API, as the admin panel calls it: who may do what, the review
// step, slugs that take care of themselves, taxonomy entries in use, and that the roles are
// applied again identically on every start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEFREDAKTION, REDAKTION } from '../../src/editorial/roles';
import { adminTokenFor, adminCall, caseStudyPath } from '../helpers/admin-users.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let cms: TestStrapi;
const tokens: Record<string, string> = {};
let buildingBlock: string;

const as = (roleCode: string, method: string, path: string, body?: unknown) => adminCall(cms, tokens[roleCode], method, path, body);

const draft = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  slug: 'case-study',
  teaser: 'Ein Teaser.',
  description: 'Text',
  projectStatus: 'laufend',
  fundingStart: 2025,
  buildingBlock: { connect: [{ documentId: buildingBlock }] },
  ...extra,
});

beforeAll(async () => {
  cms = await startTestStrapi();
  buildingBlock = (await cms.strapi.db.query('api::building-block.building-block').findOne({ where: { slug: 'gesundes-aufwachsen' } })).documentId;
  tokens[REDAKTION.code] = await adminTokenFor(cms, 'autorin@example.org', REDAKTION.code);
  tokens[CHEFREDAKTION.code] = await adminTokenFor(cms, 'chefin@example.org', CHEFREDAKTION.code);
});
afterAll(async () => {
  await cms?.stop();
});

describe('the roles', () => {
  it("exist as Redaktion, Chefredaktion and Administration, without Strapi's unused defaults", async () => {
    const roles = await cms.strapi.db.query('admin::role').findMany({ select: ['code', 'name'] });
    expect(roles.map((role: { name: string }) => role.name).sort()).toEqual(['Administration', 'Chefredaktion', 'Redaktion']);
  });

  it('let Redaktion write and send to review, but not publish, delete or release', async () => {
    const created = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Spielplatzpaten Ückendorf'));
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const sent = await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { editorialState: 'zur-pruefung' });
    expect(sent.status).toBe(200);
    const release = await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { editorialState: 'freigegeben' });
    expect(release.status).toBe(400);
    expect(release.body.error.message).toContain('„Freigegeben“ darf nur die Chefredaktion setzen');
    expect(release.body.error.details.errors[0].path).toEqual(['editorialState']);
    expect((await as(REDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(403);
    expect((await as(REDAKTION.code, 'DELETE', `${caseStudyPath(documentId)}?locale=de`)).status).toBe(403);
    const stored = await cms.strapi.db.query(CASE_STUDY).findOne({ where: { documentId, locale: 'de' } });
    expect(stored).toMatchObject({ editorialState: 'zur-pruefung', publishedAt: null });
    // The reviewer's note and the form's flag are not Redaktion's to write; the CMS's own fields nobody's.
    expect((await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { reviewComment: 'Überschrieben', submitted: true })).status).toBe(200);
    expect(await cms.strapi.db.query(CASE_STUDY).findOne({ where: { documentId, locale: 'de' } })).toMatchObject({ reviewComment: null, submitted: false });
    const permissions = (await as(REDAKTION.code, 'GET', '/admin/users/me/permissions')).body.data as {
      action: string;
      subject: string;
      properties: { fields?: string[] };
    }[];
    const caseStudyFields = (action: string) =>
      permissions.find((permission) => permission.subject === CASE_STUDY && permission.action.endsWith(action))!.properties.fields!;
    expect(caseStudyFields('read')).toContain('title');
    expect(caseStudyFields('read')).not.toContain('previousSlugs');
    expect(caseStudyFields('update')).not.toContain('reviewComment');
  });

  it('let Chefredaktion send back with a comment, publish (which releases) and delete', async () => {
    const created = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Bewegte Pause Katernberg', { editorialState: 'zur-pruefung' }));
    const { documentId } = created.body.data;
    const back = await as(CHEFREDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, {
      editorialState: 'entwurf',
      reviewComment: 'Bitte Ergebnisse ergänzen.',
    });
    expect(back.status).toBe(200);
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
    const rows = await cms.strapi.db.query(CASE_STUDY).findMany({ where: { documentId, locale: 'de' } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ editorialState: 'freigegeben', reviewComment: null });
    expect((await as(CHEFREDAKTION.code, 'DELETE', `${caseStudyPath(documentId)}?locale=de`)).status).toBe(200);
  });

  it('keep the Kommunen and Bausteine for Administration alone', async () => {
    const town = await cms.strapi.db.query('api::municipality.municipality').findOne({ where: { ags: '05513000' } });
    for (const role of [REDAKTION.code, CHEFREDAKTION.code]) {
      const path = `/content-manager/collection-types/api::municipality.municipality/${town.documentId}`;
      expect((await as(role, 'PUT', path, { name: 'Umbenannt' })).status, role).toBe(403);
      expect((await as(role, 'DELETE', path)).status, role).toBe(403);
      expect((await as(role, 'GET', path)).status, role).toBe(200);
    }
  });

  it('let Chefredaktion maintain topics, but not delete one that case studies use', async () => {
    const created = await as(CHEFREDAKTION.code, 'POST', '/content-manager/collection-types/api::topic.topic', { name: 'Kinderkultur', slug: 'kinderkultur' });
    expect(created.status).toBe(201);
    expect((await as(REDAKTION.code, 'DELETE', `/content-manager/collection-types/api::topic.topic/${created.body.data.documentId}`)).status).toBe(403);
    const inUse = await cms.strapi.db.query('api::topic.topic').findOne({ where: { slug: 'bewegung' } });
    await cms.strapi
      .documents(CASE_STUDY)
      .create({ locale: 'de', data: { ...draft('Mit Bewegung'), slug: 'mit-bewegung', buildingBlock, topics: [inUse.documentId] } as never });
    const refused = await as(CHEFREDAKTION.code, 'DELETE', `/content-manager/collection-types/api::topic.topic/${inUse.documentId}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^„.+“ wird in einem Praxisbeispiel verwendet und kann nicht gelöscht werden/);
    expect((await as(CHEFREDAKTION.code, 'DELETE', `/content-manager/collection-types/api::topic.topic/${created.body.data.documentId}`)).status).toBe(200);
  });
});

describe('slugs', () => {
  it('are made from the title on create and for a translation, unique per locale, with German transliteration', async () => {
    const first = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Straßenfußball für Jüngere'));
    expect(first.body.data.slug).toBe('strassenfussball-fuer-juengere');
    const second = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, { ...draft('Straßenfußball für Jüngere'), slug: '' });
    expect(second.body.data.slug).toBe('strassenfussball-fuer-juengere-2');
    const translation = await as(REDAKTION.code, 'PUT', `${caseStudyPath(first.body.data.documentId)}?locale=en`, {
      title: 'Street football for younger children',
    });
    expect(translation.status).toBe(200);
    expect(translation.body.data.slug).toBe('street-football-for-younger-children');
    const own = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, { ...draft('Mit eigenem Slug'), slug: 'von-hand-gesetzt' });
    expect(own.body.data.slug).toBe('von-hand-gesetzt');
    const renamed = await as(REDAKTION.code, 'PUT', `${caseStudyPath(own.body.data.documentId)}?locale=de`, { title: 'Neuer Titel' });
    expect(renamed.body.data.slug).toBe('von-hand-gesetzt');
  });

  it('never take the address of the map view: "Karte" becomes karte-2, "Map" map-2, a typed "karte" is refused on its field', async () => {
    // The admin's slug field asks as the editor types, and for a suggestion.
    const check = (value: string, locale: string) =>
      as(REDAKTION.code, 'POST', `/content-manager/uid/check-availability?locale=${locale}`, { contentTypeUID: CASE_STUDY, field: 'slug', value });
    expect((await check('karte', 'de')).body).toEqual({ isAvailable: false, suggestion: 'karte-2' });
    expect((await check('karte', 'en')).body.isAvailable).toBe(true);
    const generated = await as(REDAKTION.code, 'POST', '/content-manager/uid/generate?locale=en', {
      contentTypeUID: CASE_STUDY,
      field: 'slug',
      data: { title: 'Map' },
    });
    expect(generated.body).toEqual({ data: 'map-2' });
    // Without a title, no address yet (Strapi offered the type's name, "case-study"); the edit view fills it as the title is typed.
    const empty = await as(REDAKTION.code, 'POST', '/content-manager/uid/generate?locale=de', {
      contentTypeUID: CASE_STUDY,
      field: 'slug',
      data: { title: '' },
    });
    expect(empty.body).toEqual({ data: '' });
    const made = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Karte'));
    expect(made.body.data.slug).toBe('karte-2');
    const translation = await as(REDAKTION.code, 'PUT', `${caseStudyPath(made.body.data.documentId)}?locale=en`, { title: 'Map' });
    expect(translation.body.data.slug).toBe('map-2');
    const typed = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, { ...draft('Unsere Karte'), slug: 'karte' });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['slug'], message: expect.stringMatching(/^„karte“ ist die Adresse einer anderen Seite/) }),
    ]);
    // The same word is a slug like any other in the language whose map has another address.
    const english = await as(REDAKTION.code, 'PUT', `${caseStudyPath(made.body.data.documentId)}?locale=en`, { slug: 'karte' });
    expect(english.body.data.slug).toBe('karte');
  });
});

describe('bootstrap', () => {
  it('applies the same roles, permissions and admin layout again on the next start', async () => {
    const snapshot = async () => {
      const roles = await cms.strapi.db.query('admin::role').findMany({ select: ['id', 'code', 'name'], orderBy: { id: 'asc' } });
      const permissions = await cms.strapi.db.query('admin::permission').findMany({ select: ['action', 'subject'], populate: ['role'] });
      const layout = await cms.strapi.db
        .query('strapi::core-store')
        .findOne({ where: { key: `plugin_content_manager_configuration_content_types::${CASE_STUDY}` } });
      return {
        roles,
        layout: layout.value,
        permissions: permissions
          .map((p: { action: string; subject: string | null; role: { code: string } }) => `${p.role.code} ${p.action} ${p.subject}`)
          .sort(),
      };
    };
    const before = await snapshot();
    await cms.shutdown();
    cms = await startTestStrapi({ restartOf: cms });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the admin for German editors', () => {
  const superAdmin = async () => {
    const response = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: cms.env.ADMIN_EMAIL, password: cms.env.ADMIN_PASSWORD }),
    });
    return ((await response.json()) as { data: { token: string } }).data.token;
  };

  it('labels every field in German, in the order the detail page reads, with help texts', async () => {
    const { data } = (await as(REDAKTION.code, 'GET', `/content-manager/content-types/${CASE_STUDY}/configuration`)).body;
    const { metadatas, layouts } = data.contentType;
    expect(metadatas.afterFunding.edit.label).toBe('Was wurde daraus?');
    expect(metadatas.transferability.edit.description).toContain('Was eine andere Kommune braucht');
    expect(metadatas.teaser.edit.description).toContain('Höchstens 300 Zeichen');
    const order = layouts.edit.flat().map((cell: { name: string }) => cell.name);
    expect(order.indexOf('title')).toBeLessThan(order.indexOf('startingSituation'));
    expect(order.indexOf('results')).toBeLessThan(order.indexOf('transferability'));
    expect(order.indexOf('pitfalls')).toBeLessThan(order.indexOf('afterFunding'));
    expect(order.indexOf('afterFunding')).toBeLessThan(order.indexOf('municipalities'));
    for (const row of layouts.edit) expect(row.reduce((sum: number, cell: { size: number }) => sum + cell.size, 0)).toBeLessThanOrEqual(12);
    expect(data.components['case-study.transferability'].metadatas.staffFte.edit.label).toBe('Personal (Vollzeitstellen)');
    // No technical fields to type into: old addresses and the review's note are the CMS's; the form's flag is shown, not set.
    expect(order).not.toContain('previousSlugs');
    expect(order).not.toContain('reviewComment');
    expect(metadatas.submitted.edit.editable).toBe(false);
    expect(metadatas.updatedAt.list.label).toBe('Zuletzt geändert');
  });

  it('finds a Kommune by typing its name and shows it with its Kreis', async () => {
    const token = await superAdmin();
    const response = await fetch(`${cms.url}/content-manager/relations/${CASE_STUDY}/municipalities?_q=Bottrop&locale=de`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { results: { label: string }[] };
    expect(body.results.map((result) => result.label)).toEqual(['Bottrop (kreisfreie Stadt)']);
    const lemgo = await cms.strapi.db.query('api::municipality.municipality').findOne({ where: { name: 'Lemgo' } });
    expect(lemgo.label).toBe('Lemgo (Kreis Lippe)');
  });
});

describe('case studies from before the review step', () => {
  it('are "Freigegeben" when published and "Entwurf" otherwise after a start', async () => {
    const documents = cms.strapi.documents(CASE_STUDY);
    const published = await documents.create({
      locale: 'de',
      data: { ...draft('Schon veröffentlicht'), slug: 'schon-veroeffentlicht', buildingBlock } as never,
    });
    await documents.publish({ documentId: published.documentId, locale: 'de' });
    const unpublished = await documents.create({ locale: 'de', data: { ...draft('Nur Entwurf'), slug: 'nur-entwurf', buildingBlock } as never });
    await cms.strapi.db
      .query(CASE_STUDY)
      .updateMany({ where: { documentId: { $in: [published.documentId, unpublished.documentId] } }, data: { editorialState: null } });
    await cms.shutdown();
    cms = await startTestStrapi({ restartOf: cms });
    const states = async (documentId: string) =>
      (await cms.strapi.db.query(CASE_STUDY).findMany({ where: { documentId }, select: ['editorialState'] })).map(
        (row: { editorialState: string }) => row.editorialState,
      );
    expect(await states(published.documentId)).toEqual(['freigegeben', 'freigegeben']);
    expect(await states(unpublished.documentId)).toEqual(['entwurf']);
  });
});

describe('a published slug that changes', () => {
  it('is remembered, so the old address can be sent on', async () => {
    const documents = cms.strapi.documents(CASE_STUDY);
    const created = await documents.create({ locale: 'de', data: { ...draft('Alter Name'), slug: 'alter-name', buildingBlock } as never });
    await documents.publish({ documentId: created.documentId, locale: 'de' });
    await documents.update({ documentId: created.documentId, locale: 'de', data: { slug: 'neuer-name' } as never });
    await documents.publish({ documentId: created.documentId, locale: 'de' });
    await documents.update({ documentId: created.documentId, locale: 'de', data: { slug: 'dritter-name' } as never });
    await documents.publish({ documentId: created.documentId, locale: 'de' });
    const moved = async (slug: string, locale = 'de') =>
      ((await (await fetch(`${cms.url}/api/case-studies/moved/${slug}?locale=${locale}`)).json()) as { data: { slug: string } | null }).data;
    expect(await moved('alter-name')).toEqual({ slug: 'dritter-name' });
    expect(await moved('neuer-name')).toEqual({ slug: 'dritter-name' });
    expect(await moved('alter-name', 'en')).toBeNull();
    expect(await moved('alter')).toBeNull();
    expect(await moved('x%22%20OR')).toBeNull();
  });
});

describe("the case-study list's search", () => {
  it('finds by Kommune, Kreis and Träger as well as by text, whatever the umlaut spelling', async () => {
    const towns = cms.strapi.db.query('api::municipality.municipality');
    const bottrop = (await towns.findOne({ where: { name: 'Bottrop' } })).documentId;
    const lemgo = (await towns.findOne({ where: { name: 'Lemgo' } })).documentId;
    const documents = cms.strapi.documents(CASE_STUDY);
    await documents.create({ locale: 'de', data: { ...draft('Bolzplatz am Revierpark'), municipalities: [bottrop], buildingBlock } as never });
    await documents.create({ locale: 'de', data: { ...draft('Spielräume im Quartier'), municipalities: [lemgo], buildingBlock } as never });
    const list = async (q: string) => {
      const response = await as(REDAKTION.code, 'GET', `${caseStudyPath()}?page=1&pageSize=50&locale=de&_q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      return { titles: response.body.results.map((row: { title: string }) => row.title), total: response.body.pagination.total };
    };
    expect(await list('Bottrop')).toEqual({ titles: ['Bolzplatz am Revierpark'], total: 1 });
    expect((await list('Kreis Lippe')).titles).toEqual(['Spielräume im Quartier']);
    expect((await list('Spielraume')).titles).toEqual(['Spielräume im Quartier']);
    expect((await list('spielraeume lemgo')).titles).toEqual(['Spielräume im Quartier']);
    expect(await list('Atlantis')).toEqual({ titles: [], total: 0 });
  });
});
