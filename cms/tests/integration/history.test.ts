// The editorial record (issue 34) through the admin API, as the admin panel calls it: every action
// on a case study is recorded with the real user, the fields it changed and the content; a
// version can be compared and restored into the draft; imports name the importing editor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEFREDAKTION, REDAKTION } from '../../src/editorial/roles';
import { COMMAND_LINE_ACTOR } from '../../src/history/actor';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { waitFor } from '../helpers/meilisearch.mts';
import { adminTokenFor, adminCall, caseStudyPath } from '../helpers/admin-users.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let cms: TestStrapi;
const tokens: Record<string, string> = {};
let buildingBlock: string;

const as = (roleCode: string, method: string, path: string, body?: unknown) => adminCall(cms, tokens[roleCode], method, path, body);
const historyOf = async (documentId: string, roleCode = REDAKTION.code, locale = 'de') => {
  const answer = await as(roleCode, 'GET', `/redaktion/case-studies/${documentId}/history?locale=${locale}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data as {
    id: number;
    action: string;
    user: { id: number | null; name: string; email: string | null };
    comment?: string;
    fields?: string[];
  }[];
};
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
  tokens[REDAKTION.code] = await adminTokenFor(cms, 'rita.verlauf@example.org', REDAKTION.code, 'Rita');
  tokens[CHEFREDAKTION.code] = await adminTokenFor(cms, 'ayse.verlauf@example.org', CHEFREDAKTION.code, 'Ayşe');
});
afterAll(async () => {
  await cms?.stop();
});

describe('the editorial record', () => {
  let documentId: string;

  it('records each step of the review loop with the user who took it, the fields changed and the reviewer’s comment', async () => {
    const created = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Lesebande Hassel'));
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    expect((await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { teaser: 'Vorlesen im Park.' })).status).toBe(200);
    // A save without a change is no version.
    expect((await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { teaser: 'Vorlesen im Park.' })).status).toBe(200);
    expect((await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { editorialState: 'zur-pruefung' })).status).toBe(200);

    // The review queue names the author who sent it, though the reviewer touched it since.
    expect((await as(CHEFREDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { description: 'Text, vom Komma befreit' })).status).toBe(200);
    const queue = await as(CHEFREDAKTION.code, 'GET', '/redaktion/review-queue');
    expect(queue.body.items.find((item: { documentId: string }) => item.documentId === documentId)).toMatchObject({ sentBy: 'Rita Test' });

    const back = await as(CHEFREDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, {
      editorialState: 'entwurf',
      reviewComment: 'Bitte Ergebnisse ergänzen.',
    });
    expect(back.status).toBe(200);

    const history = await historyOf(documentId);
    expect(history.map((entry) => [entry.action, entry.user.name])).toEqual([
      ['return', 'Ayşe Test'],
      ['update', 'Ayşe Test'],
      ['submit', 'Rita Test'],
      ['update', 'Rita Test'],
      ['create', 'Rita Test'],
    ]);
    expect(history[0]).toMatchObject({ comment: 'Bitte Ergebnisse ergänzen.', fields: ['editorialState', 'reviewComment'] });
    expect(history[3]!.fields).toEqual(['teaser']);
    expect(history[4]!.fields).toEqual(expect.arrayContaining(['title', 'teaser', 'buildingBlock']));
    expect(history[4]!.user).toMatchObject({ email: 'rita.verlauf@example.org' });
  });

  it('records publishing as a review ("Zuletzt geprüft" today), and unpublishing', async () => {
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
    const rows = await cms.strapi.db.query(CASE_STUDY).findMany({ where: { documentId, locale: 'de' } });
    for (const row of rows) expect(row.lastReviewed).toBe(new Date().toISOString().slice(0, 10));
    // Not "due" the moment it is published.
    const due = await as(CHEFREDAKTION.code, 'GET', '/redaktion/review-due');
    expect(due.body.items.map((item: { documentId: string }) => item.documentId)).not.toContain(documentId);
    expect((await historyOf(documentId))[0]).toMatchObject({ action: 'publish', user: { name: 'Ayşe Test' } });
    // Taken offline and put online again: both recorded.
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/unpublish?locale=de`, {})).status).toBe(200);
    expect((await historyOf(documentId))[0]).toMatchObject({ action: 'unpublish', user: { name: 'Ayşe Test' } });
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
  });

  it('shows a version with its content, and restores it into the draft as a restore; the live page stays until published', async () => {
    expect((await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { title: 'Lesebande Hassel – neu' })).status).toBe(200);
    const history = await historyOf(documentId);
    const created = history.find((entry) => entry.action === 'create')!;
    const version = await as(REDAKTION.code, 'GET', `/redaktion/case-studies/${documentId}/history/${created.id}?locale=de`);
    expect(version.status).toBe(200);
    expect(version.body.data.snapshot).toMatchObject({ title: 'Lesebande Hassel', teaser: 'Ein Teaser.', buildingBlock: { documentId: buildingBlock } });

    // Redaktion may not put an older version into a published case study's draft; Chefredaktion may.
    const refused = await as(REDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/history/${created.id}/restore?locale=de`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('nur die Chefredaktion');
    const restored = await as(CHEFREDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/history/${created.id}/restore?locale=de`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);

    const [draftRow] = await cms.strapi.db.query(CASE_STUDY).findMany({ where: { documentId, locale: 'de', publishedAt: null } });
    expect(draftRow).toMatchObject({ title: 'Lesebande Hassel', teaser: 'Ein Teaser.', description: 'Text', editorialState: 'entwurf' });
    const [liveRow] = await cms.strapi.db.query(CASE_STUDY).findMany({ where: { documentId, locale: 'de', publishedAt: { $notNull: true } } });
    expect(liveRow).toMatchObject({ title: 'Lesebande Hassel', teaser: 'Vorlesen im Park.', description: 'Text, vom Komma befreit' });
    const [latest] = await historyOf(documentId);
    expect(latest).toMatchObject({
      action: 'restore',
      user: { name: 'Ayşe Test' },
      comment: expect.stringMatching(/^Fassung vom .* \(Angelegt, Rita Test\)$/),
    });
    expect(latest!.fields).toEqual(expect.arrayContaining(['title', 'teaser', 'description']));
  });

  it('answers unknown case studies, versions and languages in German, never with a 500', async () => {
    expect((await as(REDAKTION.code, 'GET', '/redaktion/case-studies/gibtesnicht/history?locale=de')).body.data).toEqual([]);
    expect((await as(REDAKTION.code, 'GET', `/redaktion/case-studies/${documentId}/history?locale=xx`)).status).toBe(400);
    expect((await as(REDAKTION.code, 'GET', '/redaktion/case-studies/..%2Fx/history')).status).toBe(404);
    expect((await as(REDAKTION.code, 'GET', `/redaktion/case-studies/${documentId}/history/abc`)).status).toBe(404);
    const missing = await as(CHEFREDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/history/999999/restore?locale=de`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Diese Fassung gibt es nicht oder sie hat keinen Inhalt.');
    expect((await fetch(`${cms.url}/redaktion/case-studies/${documentId}/history`)).status).toBe(401);
  });

  it('records a delete', async () => {
    expect((await as(CHEFREDAKTION.code, 'DELETE', `${caseStudyPath(documentId)}?locale=de`)).status).toBe(200);
    expect((await historyOf(documentId, CHEFREDAKTION.code))[0]).toMatchObject({ action: 'delete', user: { name: 'Ayşe Test' } });
  });
});

describe('imports in the record', () => {
  const upload = async (roleCode: string, records: Record<string, unknown>[]) => {
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(records)]), 'import.json');
    form.append('mode', 'import');
    const response = await fetch(`${cms.url}/redaktion/import`, { method: 'POST', headers: { authorization: `Bearer ${tokens[roleCode]}` }, body: form });
    expect(response.status).toBe(202);
    await waitFor(
      async () =>
        (
          (await (await fetch(`${cms.url}/redaktion/import`, { headers: { authorization: `Bearer ${tokens[roleCode]}` } })).json()) as {
            job: { finishedAt: string | null };
          }
        ).job.finishedAt !== null,
      'the import did not finish',
    );
  };
  const entryOf = (slug: string) =>
    cms.strapi.db.query(CASE_STUDY).findOne({ where: { slug, locale: 'de', publishedAt: null }, populate: ['updatedBy', 'createdBy'] });

  it('names the editor who imported, new and changed case studies alike, as author in Strapi too', async () => {
    await upload(REDAKTION.code, [caseStudyRecord({ slug: 'import-historie' })]);
    const entry = await entryOf('import-historie');
    expect(entry).toMatchObject({
      editorialState: 'zur-pruefung',
      createdBy: { email: 'rita.verlauf@example.org' },
      updatedBy: { email: 'rita.verlauf@example.org' },
    });
    expect(await historyOf(entry.documentId)).toEqual([expect.objectContaining({ action: 'import', user: expect.objectContaining({ name: 'Rita Test' }) })]);

    // The chief editor touches it; then Redaktion changes the teaser by import: the queue names Redaktion.
    expect((await as(CHEFREDAKTION.code, 'PUT', `${caseStudyPath(entry.documentId)}?locale=de`, { fundingPhase: 'zweite Phase' })).status).toBe(200);
    await upload(REDAKTION.code, [caseStudyRecord({ slug: 'import-historie', teaser: 'Ein neuer Teaser aus der Tabelle, lang genug für die Regeln.' })]);
    const [latest] = await historyOf(entry.documentId);
    expect(latest).toMatchObject({ action: 'import', user: { name: 'Rita Test' }, fields: expect.arrayContaining(['teaser']) });
    expect((await entryOf('import-historie')).updatedBy).toMatchObject({ email: 'rita.verlauf@example.org' });
    const queue = await as(CHEFREDAKTION.code, 'GET', '/redaktion/review-queue');
    expect(queue.body.items.find((item: { documentId: string }) => item.documentId === entry.documentId)).toMatchObject({ sentBy: 'Rita Test' });
  });

  it('names "Import (Kommandozeile)" or the user given on the command line', async () => {
    const importer = cms.strapi.service('api::case-study.importer') as unknown as {
      importContent(name: string, content: string, options?: object): Promise<unknown>;
    };
    await importer.importContent('cli.json', JSON.stringify([caseStudyRecord({ slug: 'import-kommandozeile' })]), { actor: COMMAND_LINE_ACTOR });
    const entry = await entryOf('import-kommandozeile');
    expect((await historyOf(entry.documentId))[0]).toMatchObject({ action: 'import', user: { id: null, name: 'Import (Kommandozeile)', email: null } });
  });
});

describe('"Als geprüft markieren"', () => {
  it('is for Chefredaktion only, and recorded', async () => {
    const created = await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Geprüft Gelsenkirchen'));
    const { documentId } = created.body.data;
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
    const refused = await as(REDAKTION.code, 'POST', `/redaktion/review-due/${documentId}/reviewed`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Als geprüft markieren darf nur die Chefredaktion.');
    expect((await as(CHEFREDAKTION.code, 'POST', `/redaktion/review-due/${documentId}/reviewed`)).status).toBe(200);
    expect((await historyOf(documentId))[0]).toMatchObject({ action: 'reviewed', user: { name: 'Ayşe Test' }, fields: ['lastReviewed'] });
  });
});

describe('the review thread', () => {
  const review = (roleCode: string, documentId: string) => as(roleCode, 'GET', `/redaktion/case-studies/${documentId}/review?locale=de`);

  it('keeps the comments with author and time, says "Zurückgegeben", and lets only the reviewers return and resolve', async () => {
    const created = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Thread Wanne-Eickel', { editorialState: 'zur-pruefung' }));
    const { documentId } = created.body.data;
    expect((await review(REDAKTION.code, documentId)).body.data).toMatchObject({ state: 'zur-pruefung', mayResolve: false, mayReturn: false, comments: [] });

    const refused = await as(REDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/return?locale=de`, { comment: 'Selbst zurück' });
    expect(refused.status).toBe(403);
    expect((await as(CHEFREDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/return?locale=de`, { comment: '  ' })).status).toBe(400);
    const back = await as(CHEFREDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/return?locale=de`, { comment: 'Bitte Zahlen ergänzen.' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.data).toMatchObject({
      state: 'zurueckgegeben',
      comments: [{ body: 'Bitte Zahlen ergänzen.', author: { name: 'Ayşe Test' }, resolvedAt: null }],
    });
    expect((await historyOf(documentId))[0]).toMatchObject({ action: 'return', comment: 'Bitte Zahlen ergänzen.', user: { name: 'Ayşe Test' } });

    // The author sees it on the dashboard; the reviewer does not.
    const mine = await as(REDAKTION.code, 'GET', '/redaktion/returned-to-me');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ documentId, title: 'Thread Wanne-Eickel', returnedBy: 'Ayşe Test', comment: 'Bitte Zahlen ergänzen.' }),
    ]);
    expect((await as(CHEFREDAKTION.code, 'GET', '/redaktion/returned-to-me')).body.items).toEqual([]);

    // The author answers; only a reviewer resolves; there is no way to change or delete a comment.
    const answer = await as(REDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/comments?locale=de`, { body: 'Ergänzt.' });
    expect(answer.status).toBe(201);
    expect((await as(REDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/comments/${answer.body.data.id}/resolve?locale=de`)).status).toBe(
      403,
    );
    const first = (await review(CHEFREDAKTION.code, documentId)).body.data.comments[0];
    const resolved = await as(CHEFREDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/comments/${first.id}/resolve?locale=de`);
    expect(resolved.body.data).toMatchObject({ resolvedBy: 'Ayşe Test', resolvedAt: expect.any(String) });
    expect((await as(REDAKTION.code, 'PUT', `/redaktion/case-studies/${documentId}/review/comments/${first.id}?locale=de`, { body: 'x' })).status).toBe(405);

    // Sent again and published: the thread stays, the draft is "Freigegeben"; returning it now makes no sense.
    expect((await as(REDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { editorialState: 'zur-pruefung' })).status).toBe(200);
    expect((await as(REDAKTION.code, 'GET', '/redaktion/returned-to-me')).body.items).toEqual([]);
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
    const after = (await review(REDAKTION.code, documentId)).body.data;
    expect(after.state).toBe('freigegeben');
    expect(after.comments.map((comment: { body: string }) => comment.body)).toEqual(['Bitte Zahlen ergänzen.', 'Ergänzt.']);
    expect((await as(CHEFREDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/return?locale=de`, { comment: 'Noch mal' })).status).toBe(409);
  });

  it('keeps a note written into the old review field as a comment of the thread', async () => {
    const created = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Notiz Herne', { editorialState: 'zur-pruefung' }));
    const { documentId } = created.body.data;
    const noted = await as(CHEFREDAKTION.code, 'PUT', `${caseStudyPath(documentId)}?locale=de`, { editorialState: 'entwurf', reviewComment: 'Träger fehlt.' });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    await waitFor(async () => (await review(REDAKTION.code, documentId)).body.data.comments.length === 1, 'the note did not become a comment');
    expect((await review(REDAKTION.code, documentId)).body.data.comments[0]).toMatchObject({ body: 'Träger fehlt.', author: { name: 'Ayşe Test' } });
  });

  it('sends an entry to review with one click, with an optional comment, and not twice', async () => {
    const created = await as(REDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Einreichen per Knopf'));
    const { documentId } = created.body.data;
    expect((await review(REDAKTION.code, documentId)).body.data).toMatchObject({ state: 'entwurf', maySubmit: true });
    const sent = await as(REDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/submit?locale=de`, { comment: 'Bitte vor Freitag.' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.data).toMatchObject({
      state: 'zur-pruefung',
      maySubmit: false,
      comments: [{ body: 'Bitte vor Freitag.', author: { name: 'Rita Test' } }],
    });
    expect((await historyOf(documentId))[0]).toMatchObject({ action: 'submit', user: { name: 'Rita Test' } });
    expect((await as(REDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/submit?locale=de`, {})).status).toBe(409);
  });

  it('answers an unknown case study with a 404 in German', async () => {
    const missing = await review(REDAKTION.code, 'gibtesnicht');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Dieses Praxisbeispiel gibt es in dieser Sprache nicht.');
  });
});

describe('the Papierkorb', () => {
  it('keeps a deleted case study for 30 days; Chefredaktion takes it back as a draft under its address, Redaktion may not', async () => {
    const created = await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Papierkorb Bochum', { slug: 'papierkorb-bochum' }));
    const { documentId } = created.body.data;
    expect((await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
    expect((await as(CHEFREDAKTION.code, 'DELETE', `${caseStudyPath(documentId)}?locale=de`)).status).toBe(200);
    expect(await cms.strapi.db.query(CASE_STUDY).count({ where: { documentId } })).toBe(0);

    const trash = await as(REDAKTION.code, 'GET', '/redaktion/trash');
    const item = trash.body.data.find((entry: { documentId: string }) => entry.documentId === documentId);
    expect(item).toMatchObject({ title: 'Papierkorb Bochum', locale: 'de', deletedBy: 'Ayşe Test', wasPublished: true });
    expect(Date.parse(item.purgeAt) - Date.parse(item.deletedAt)).toBe(30 * 24 * 3_600_000);
    expect(trash.body.mayRestore).toBe(false);

    const refused = await as(REDAKTION.code, 'POST', `/redaktion/trash/${item.id}/restore`);
    expect(refused.status).toBe(403);
    const restored = await as(CHEFREDAKTION.code, 'POST', `/redaktion/trash/${item.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const rows = await cms.strapi.db.query(CASE_STUDY).findMany({ where: { documentId } });
    // The same case study (its record continues), as a draft to be published again.
    expect(rows).toEqual([expect.objectContaining({ title: 'Papierkorb Bochum', slug: 'papierkorb-bochum', publishedAt: null, editorialState: 'entwurf' })]);
    expect((await historyOf(documentId)).map((entry) => entry.action).slice(0, 3)).toEqual(['restore', 'delete', 'publish']);
    expect((await as(CHEFREDAKTION.code, 'POST', `/redaktion/trash/${item.id}/restore`)).status).toBe(404);
  });

  it('purges after 30 days: the entry, its record and review thread', async () => {
    const created = await as(CHEFREDAKTION.code, 'POST', `${caseStudyPath()}?locale=de`, draft('Endgültig weg'));
    const { documentId } = created.body.data;
    await as(CHEFREDAKTION.code, 'POST', `/redaktion/case-studies/${documentId}/review/comments?locale=de`, { body: 'Notiz' });
    expect((await as(CHEFREDAKTION.code, 'DELETE', `${caseStudyPath(documentId)}?locale=de`)).status).toBe(200);
    const { purgeTrash } = await import('../../src/trash/trash');
    expect(await purgeTrash(cms.strapi, Date.now())).toBe(0);
    expect(await purgeTrash(cms.strapi, Date.now() + 31 * 24 * 3_600_000)).toBeGreaterThanOrEqual(1);
    expect((await as(CHEFREDAKTION.code, 'GET', '/redaktion/trash')).body.data.map((entry: { documentId: string }) => entry.documentId)).not.toContain(
      documentId,
    );
    expect(await historyOf(documentId, CHEFREDAKTION.code)).toEqual([]);
    expect(await cms.strapi.db.connection('praxis_review_comments').where({ document_id: documentId })).toEqual([]);
  });
});
