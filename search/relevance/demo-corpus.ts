// The demo case studies (cms/data/demo) as search documents, mapped by the same `toSearchDocument`
// the sync uses, with the real taxonomies and municipalities: what the judged queries are judged on.
import { toSearchDocument, type CaseStudyEntry, type SearchDocument } from '@praxis/search';
import { readCmsData, taxonomies, term, towns } from './reference-data.ts';

interface DemoRecord {
  slug: string;
  title: string;
  teaser: string;
  description: string;
  startingSituation?: string;
  goals?: string;
  approach?: string;
  results?: string;
  afterFunding?: string;
  buildingBlock: string;
  municipalities: string[];
  targetGroups: string[];
  topics: string[];
  settings: string[];
  criteria: string[];
  status: string;
  fundingStart?: number;
  fundingEnd?: number;
  provider?: string;
  partners?: string[];
  transferability?: { partnersNeeded?: string; firstSteps?: string };
  successFactors?: string[];
  pitfalls?: string[];
}

/** The published demo case studies of one locale as the index holds them. */
export function demoDocuments(locale: 'de' | 'en'): SearchDocument[] {
  const records = (readCmsData(`demo/case-studies.${locale}.json`) as { records: DemoRecord[] }).records;
  return records.map((record, index) => {
    const published = new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString();
    const entry: CaseStudyEntry = {
      documentId: `demo-${locale}-${index}`,
      locale,
      slug: record.slug,
      title: record.title,
      teaser: record.teaser,
      description: record.description,
      startingSituation: record.startingSituation,
      goals: record.goals,
      approach: record.approach,
      results: record.results,
      afterFunding: record.afterFunding,
      transferability: { partnersNeeded: record.transferability?.partnersNeeded, firstSteps: record.transferability?.firstSteps },
      successFactors: (record.successFactors ?? []).map((text) => ({ text })),
      pitfalls: (record.pitfalls ?? []).map((text) => ({ text })),
      partners: (record.partners ?? []).map((text) => ({ text })),
      provider: record.provider ? { name: record.provider } : null,
      buildingBlock: term(taxonomies.buildingBlocks, record.buildingBlock),
      municipalities: record.municipalities.map((ags) => {
        const town = towns.get(ags);
        if (!town) throw new Error(`demo case study ${record.slug} names an unknown municipality ${ags}`);
        return town;
      }),
      targetGroups: record.targetGroups.map((slug) => term(taxonomies.targetGroups, slug)),
      topics: record.topics.map((slug) => term(taxonomies.topics, slug)),
      settings: record.settings.map((slug) => term(taxonomies.settings, slug)),
      criteria: record.criteria.map((slug) => term(taxonomies.qualityCriteria, slug)),
      projectStatus: record.status as CaseStudyEntry['projectStatus'],
      fundingStart: record.fundingStart,
      fundingEnd: record.fundingEnd,
      publishedAt: published,
      updatedAt: published,
    };
    return toSearchDocument(entry);
  });
}
