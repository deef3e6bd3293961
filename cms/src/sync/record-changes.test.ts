import { describe, expect, it } from 'vitest';
import { outboxChanges, planChange, type ChangePlan } from './record-changes';

const CASE_STUDY = 'api::case-study.case-study';
/** Each taxonomy and the case-study relation that points at it (written out here, independently of the catalogue). */
const TAXONOMY_RELATIONS = {
  'api::building-block.building-block': 'buildingBlock',
  'api::municipality.municipality': 'municipalities',
  'api::target-group.target-group': 'targetGroups',
  'api::topic.topic': 'topics',
  'api::setting.setting': 'settings',
  'api::quality-criterion.quality-criterion': 'criteria',
  'api::organisation.organisation': 'provider',
};
const FILTER_VOCABULARIES = Object.keys(TAXONOMY_RELATIONS).filter((uid) => uid !== 'api::organisation.organisation');
const READS = ['findOne', 'findMany', 'findFirst', 'count'];

describe('which writes the change recorder records', () => {
  it('queues a case study on every write of it, publishing and discarding a draft included', () => {
    for (const action of ['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']) {
      expect(planChange(CASE_STUDY, action)).toEqual({ caseStudy: true, vocabulary: false });
    }
  });

  it('records no read', () => {
    for (const uid of [CASE_STUDY, ...Object.keys(TAXONOMY_RELATIONS)]) {
      for (const action of READS) expect(planChange(uid, action)).toBeUndefined();
    }
  });

  it('queues the case studies that link a taxonomy entry when the entry is changed or deleted, through its relation', () => {
    for (const [uid, relation] of Object.entries(TAXONOMY_RELATIONS)) {
      for (const action of ['update', 'delete']) expect(planChange(uid, action)).toMatchObject({ caseStudy: false, relation });
    }
  });

  it('queues no case study for a new taxonomy entry, which none links yet', () => {
    for (const uid of Object.keys(TAXONOMY_RELATIONS)) expect(planChange(uid, 'create')?.relation).toBeUndefined();
  });

  it('tells the site about every new, changed or deleted filter value, but not about organisations, which are no filter', () => {
    for (const uid of FILTER_VOCABULARIES) {
      for (const action of ['create', 'update', 'delete']) expect(planChange(uid, action)?.vocabulary).toBe(true);
      expect(planChange(uid, 'publish')).toBeUndefined();
    }
    expect(planChange('api::organisation.organisation', 'create')).toBeUndefined();
    expect(planChange('api::organisation.organisation', 'update')).toEqual({ caseStudy: false, relation: 'provider', vocabulary: false });
  });

  it('ignores the other content types', () => {
    for (const uid of ['api::search-term.search-term', 'api::contact-request.contact-request', 'plugin::upload.file', 'admin::user']) {
      for (const action of ['create', 'update', 'delete', 'publish']) expect(planChange(uid, action)).toBeUndefined();
    }
  });
});

describe('the outbox rows of a recorded change', () => {
  const caseStudy = planChange(CASE_STUDY, 'update')!;
  const topic = planChange('api::topic.topic', 'delete')!;

  it('name the written case study in the locale written, with the action as the reason', () => {
    expect(outboxChanges(caseStudy, CASE_STUDY, 'update', { documentId: 'doc1', locale: 'en' }, null, [])).toEqual([
      { documentId: 'doc1', locale: 'en', reason: 'update api::case-study.case-study' },
    ]);
  });

  it('name every locale when all or none was written', () => {
    expect(outboxChanges(caseStudy, CASE_STUDY, 'publish', { documentId: 'doc1', locale: '*' }, null, [])[0]!.locale).toBeNull();
    expect(outboxChanges(caseStudy, CASE_STUDY, 'delete', { documentId: 'doc1' }, null, [])[0]!.locale).toBeNull();
  });

  it("take a new case study's documentId from the result of its creation", () => {
    expect(outboxChanges(caseStudy, CASE_STUDY, 'create', { locale: 'de' }, { documentId: 'new1', title: 'Neu' }, [])).toEqual([
      { documentId: 'new1', locale: 'de', reason: 'create api::case-study.case-study' },
    ]);
  });

  it('are none when the write names no case study', () => {
    expect(outboxChanges(caseStudy, CASE_STUDY, 'create', {}, null, [])).toEqual([]);
  });

  it('name every case study that linked a changed taxonomy entry, in all its locales', () => {
    expect(outboxChanges(topic, 'api::topic.topic', 'delete', { documentId: 'topic1' }, null, ['a', 'b'])).toEqual([
      { documentId: 'a', locale: null, reason: 'delete api::topic.topic' },
      { documentId: 'b', locale: null, reason: 'delete api::topic.topic' },
    ]);
  });

  it('are none for a filter value nobody links yet', () => {
    const created: ChangePlan = planChange('api::topic.topic', 'create')!;
    expect(outboxChanges(created, 'api::topic.topic', 'create', {}, { documentId: 'topic2' }, [])).toEqual([]);
  });
});
