import { describe, expect, it } from 'vitest';
import {
  batches,
  componentLinkRows,
  componentValues,
  planVersions,
  relationLinkRows,
  replaceableDocuments,
  unknownTargets,
  writeProblems,
  type BulkCaseStudy,
  type ComponentLink,
  type JoinTable,
  type StoredVersion,
} from './bulk-plan';

const NOW = new Date('2026-03-01T10:00:00Z');
const EARLIER = new Date('2025-01-15T08:00:00Z');
const SCALARS = ['title', 'slug', 'teaser', 'projectStatus', 'fundingStart', 'reviewComment', 'previousSlugs', 'editorialState'];

const entry = (data: Record<string, unknown>, more: Partial<BulkCaseStudy> = {}): BulkCaseStudy => ({
  data: { title: 'Lesepaten', slug: 'lesepaten', ...data },
  locale: 'de',
  publish: false,
  ...more,
});
const stored = (version: Partial<StoredVersion> & { id: number }): StoredVersion => ({
  documentId: 'doc1',
  locale: 'de',
  slug: 'lesepaten',
  publishedAt: null,
  createdAt: EARLIER,
  title: 'Alt',
  teaser: 'Alter Teaser',
  reviewComment: 'Bitte Quellen ergänzen',
  previousSlugs: null,
  editorialState: 'zur-pruefung',
  createdBy: { id: 7 },
  updatedBy: { id: 8 },
  ...version,
});
const plan = (entries: BulkCaseStudy[], documentIds: string[], versions: StoredVersion[] = []) => {
  const byDocument = new Map<string, StoredVersion[]>();
  for (const version of versions) byDocument.set(version.documentId, [...(byDocument.get(version.documentId) ?? []), version]);
  return planVersions(entries, documentIds, byDocument, SCALARS, 'de', NOW);
};

describe('the rows the bulk writer plans for a new case study', () => {
  it('are one draft, made now, "Entwurf" unless the entry says otherwise', () => {
    const { versions, replaced } = plan([entry({ teaser: 'Neu' })], ['new1']);
    expect(replaced).toEqual([]);
    expect(versions.map((version) => version.row)).toEqual([
      {
        title: 'Lesepaten',
        slug: 'lesepaten',
        teaser: 'Neu',
        documentId: 'new1',
        locale: 'de',
        createdAt: NOW,
        updatedAt: NOW,
        editorialState: 'entwurf',
        publishedAt: null,
      },
    ]);
    expect(plan([entry({ editorialState: 'zur-pruefung' })], ['new1']).versions[0]!.row.editorialState).toBe('zur-pruefung');
  });

  it('are a draft and a published copy when published, both "Freigegeben" with the comment settled', () => {
    const { versions } = plan([entry({ editorialState: 'entwurf' }, { publish: true })], ['new1']);
    expect(versions.map((version) => [version.row.publishedAt, version.row.editorialState, version.row.reviewComment])).toEqual([
      [null, 'freigegeben', null],
      [NOW, 'freigegeben', null],
    ]);
  });

  it('take only the fields of the content type, not components or relations', () => {
    const [version] = plan([entry({ links: [{ url: 'https://example.org' }], topics: ['t1'] })], ['new1']).versions;
    expect(version!.row).not.toHaveProperty('links');
    expect(version!.row).not.toHaveProperty('topics');
    expect(version!.entry.data.topics).toEqual(['t1']);
  });

  it('come in the order of the entries, with no admin user', () => {
    const { versions } = plan([entry({ slug: 'a' }, { publish: true }), entry({ slug: 'b' })], ['new1', 'new2']);
    expect(versions.map((version) => `${version.row.documentId}:${version.row.publishedAt === null ? 'draft' : 'published'}`)).toEqual([
      'new1:draft',
      'new1:published',
      'new2:draft',
    ]);
    expect(versions.every((version) => version.users.createdBy === null && version.users.updatedBy === null)).toBe(true);
  });
});

describe('the rows the bulk writer plans for a changed case study', () => {
  const draft = stored({ id: 11 });
  const published = stored({ id: 12, publishedAt: EARLIER });

  it('replace the draft only when saved as a draft, keeping the published version', () => {
    const { versions, replaced } = plan([entry({ teaser: 'Neu' }, { documentId: 'doc1' })], ['doc1'], [draft, published]);
    expect(replaced).toEqual([11]);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.row).toMatchObject({ documentId: 'doc1', publishedAt: null });
  });

  it('replace the draft and the published version when published again', () => {
    const { versions, replaced } = plan([entry({}, { documentId: 'doc1', publish: true })], ['doc1'], [draft, published]);
    expect(replaced.sort()).toEqual([11, 12]);
    expect(versions).toHaveLength(2);
  });

  it('keep what the import does not carry: the creation, the admin users and the fields the entry leaves out', () => {
    const [version] = plan([entry({ teaser: 'Neu' }, { documentId: 'doc1' })], ['doc1'], [draft]).versions;
    expect(version!.row).toMatchObject({
      createdAt: EARLIER,
      updatedAt: NOW,
      teaser: 'Neu',
      reviewComment: 'Bitte Quellen ergänzen',
      editorialState: 'zur-pruefung',
    });
    expect(version!.users).toEqual({ createdBy: 7, updatedBy: 8 });
  });

  it('take a field the entry empties, rather than keep the stored one', () => {
    const [version] = plan([entry({ teaser: null }, { documentId: 'doc1' })], ['doc1'], [draft]).versions;
    expect(version!.row.teaser).toBeNull();
  });

  it('keep the published slug for its redirect when publishing under a new one', () => {
    const moved = plan(
      [entry({ slug: 'lesepaten-neu' }, { documentId: 'doc1', publish: true })],
      ['doc1'],
      [stored({ id: 11, previousSlugs: ' ganz-alt ' }), published],
    );
    expect(moved.versions.map((version) => version.row.previousSlugs)).toEqual([' ganz-alt lesepaten ', ' ganz-alt lesepaten ']);
    const same = plan([entry({}, { documentId: 'doc1', publish: true })], ['doc1'], [draft, published]);
    expect(same.versions[0]!.row.previousSlugs).toBeNull();
    const draftOnly = plan([entry({ slug: 'lesepaten-neu' }, { documentId: 'doc1' })], ['doc1'], [draft, published]);
    expect(draftOnly.versions[0]!.row.previousSlugs).toBeNull();
  });

  it("refuse a document that is not stored in the import's locale", () => {
    expect(() => plan([entry({}, { documentId: 'gone' })], ['gone'], [draft])).toThrow('Der Sammelimport findet das Praxisbeispiel gone (de) nicht.');
  });
});

describe('which stored documents the bulk writer may change', () => {
  it("are those stored in the import's locale only and without files", () => {
    const rows = [
      { documentId: 'plain', locale: 'de', downloads: [], images: [] },
      { documentId: 'plain', locale: 'de' },
      { documentId: 'translated', locale: 'de' },
      { documentId: 'translated', locale: 'en' },
      { documentId: 'english', locale: 'en' },
      { documentId: 'download', locale: 'de', downloads: [{ id: 1 }] },
      { documentId: 'image', locale: 'de', images: [{ id: 2 }] },
      { documentId: 'image', locale: 'de', images: [] },
    ];
    expect([...replaceableDocuments(rows, 'de')]).toEqual(['plain']);
    expect([...replaceableDocuments(rows, 'en')]).toEqual(['english']);
  });
});

describe('the component rows of a bulk write', () => {
  const table: JoinTable = { name: 'case_studies_cmps', joinColumn: { name: 'entity_id' }, inverseJoinColumn: { name: 'cmp_id' }, orderColumnName: 'order' };
  const links: ComponentLink = { field: 'links', uid: 'case-study.link', repeatable: true, table, fieldColumn: 'field', typeColumn: 'component_type' };
  const contact: ComponentLink = { ...links, field: 'contact', uid: 'case-study.contact', repeatable: false };
  const versions = plan(
    [
      entry({ links: [{ url: 'https://a.example' }, { url: 'https://b.example' }], contact: { email: 'x@example.org' } }, { publish: true }),
      entry({ links: null, contact: undefined }),
    ],
    ['new1', 'new2'],
  ).versions;

  it('are one per item of a list and per version, none for an empty value', () => {
    expect(componentValues(versions, [101, 102, 103], links)).toEqual([
      { entityId: 101, item: { url: 'https://a.example' }, order: 0 },
      { entityId: 101, item: { url: 'https://b.example' }, order: 1 },
      { entityId: 102, item: { url: 'https://a.example' }, order: 0 },
      { entityId: 102, item: { url: 'https://b.example' }, order: 1 },
    ]);
    expect(componentValues(versions, [101, 102, 103], contact)).toEqual([
      { entityId: 101, item: { email: 'x@example.org' }, order: 0 },
      { entityId: 102, item: { email: 'x@example.org' }, order: 0 },
    ]);
  });

  it('are linked to their entry with the field and type, repeatable ones numbered from 1, a single one without a number', () => {
    const values = componentValues(versions, [101, 102, 103], links).slice(0, 2);
    expect(componentLinkRows(links, values, [501, 502])).toEqual([
      { entity_id: 101, cmp_id: 501, component_type: 'case-study.link', field: 'links', order: 1 },
      { entity_id: 101, cmp_id: 502, component_type: 'case-study.link', field: 'links', order: 2 },
    ]);
    expect(componentLinkRows(contact, componentValues(versions, [101, 102, 103], contact).slice(0, 1), [601])).toEqual([
      { entity_id: 101, cmp_id: 601, component_type: 'case-study.contact', field: 'contact', order: null },
    ]);
  });

  it('use the column "order" when the join table names none', () => {
    const unnamed = { ...links, table: { ...table, orderColumnName: undefined } };
    expect(componentLinkRows(unnamed, [{ entityId: 1, item: {}, order: 0 }], [9])[0]).toHaveProperty('order', 1);
  });
});

describe('the relation rows of a bulk write', () => {
  const topics = {
    field: 'topics',
    idOf: new Map([
      ['topic-a', 1],
      ['topic-b', 2],
    ]),
    table: { name: 'case_studies_topics_lnk', joinColumn: { name: 'case_study_id' }, inverseJoinColumn: { name: 'topic_id' }, orderColumnName: 'topic_ord' },
  };
  const block = {
    field: 'buildingBlock',
    idOf: new Map([['block-1', 5]]),
    table: { name: 'case_studies_block_lnk', joinColumn: { name: 'case_study_id' }, inverseJoinColumn: { name: 'building_block_id' } },
  };

  it('link every version to each target in the order the entry names them', () => {
    const versions = plan([entry({ topics: ['topic-b', 'topic-a'] }, { publish: true }), entry({ topics: [] })], ['new1', 'new2']).versions;
    expect(relationLinkRows(topics, versions, [101, 102, 103])).toEqual([
      { case_study_id: 101, topic_id: 2, topic_ord: 1 },
      { case_study_id: 101, topic_id: 1, topic_ord: 2 },
      { case_study_id: 102, topic_id: 2, topic_ord: 1 },
      { case_study_id: 102, topic_id: 1, topic_ord: 2 },
    ]);
  });

  it('link a single target without a number when the join table has no order column, and nothing for none', () => {
    const versions = plan([entry({ buildingBlock: 'block-1' }), entry({ buildingBlock: null })], ['new1', 'new2']).versions;
    expect(relationLinkRows(block, versions, [101, 102])).toEqual([{ case_study_id: 101, building_block_id: 5 }]);
  });

  it('refuse a target that has no row', () => {
    const versions = plan([entry({ topics: ['topic-a', 'topic-x'] })], ['new1']).versions;
    expect(() => relationLinkRows(topics, versions, [101])).toThrow('Der Sammelimport kennt den Eintrag topic-x für „topics“ nicht.');
  });

  it('look up each target not known yet once, from single values and lists alike', () => {
    expect(unknownTargets([['topic-a', 'topic-x'], 'topic-y', ['topic-x'], null, undefined, 'topic-b'], topics.idOf)).toEqual(['topic-x', 'topic-y']);
    expect(unknownTargets([['topic-a']], topics.idOf)).toEqual([]);
  });
});

describe('the statements of a bulk write', () => {
  it('take at most the given number of rows each, all of them in order', () => {
    const rows = Array.from({ length: 1_201 }, (_, index) => index);
    const slices = batches(rows, 500);
    expect(slices.map((slice) => slice.length)).toEqual([500, 500, 201]);
    expect(slices.flat()).toEqual(rows);
    expect(batches([1, 2], 500)).toEqual([[1, 2]]);
    expect(batches([], 500)).toEqual([]);
  });
});

describe('what the bulk writer refuses to write', () => {
  it("is what the document service's rules refuse: field problems, an inverted funding period, control characters", () => {
    expect(writeProblems(entry({ fundingStart: 2024, fundingEnd: 2026 }))).toEqual([]);
    expect(writeProblems(entry({ slug: 'karte', fundingStart: 2024, fundingEnd: 2023, teaser: 'a\u0007b' }))).toEqual([
      expect.stringMatching(/^„karte“ ist die Adresse einer anderen Seite/),
      'Das Förderende (2023) liegt vor dem Förderbeginn (2024).',
      'Das Feld „teaser“ enthält ein unsichtbares Steuerzeichen (U+0007).',
    ]);
  });

  it('wants the required fields only of an entry that is published', () => {
    const sparse = entry({ teaser: '' });
    expect(writeProblems(sparse)).toEqual([]);
    expect(writeProblems({ ...sparse, publish: true })).toEqual(expect.arrayContaining([expect.stringMatching(/fehlt noch/)]));
  });
});
