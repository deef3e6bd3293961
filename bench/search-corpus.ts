// The benchmark corpus as search documents: generated case studies mapped with
// the real taxonomies and municipalities, written straight into Meilisearch.
import { toSearchDocument, type CaseStudyEntry, type ProjectStatus, type SearchDocument } from '@praxis/search';
import { taxonomies, term, towns } from '@praxis/search/reference-data';
import { generateCaseStudies } from './generate-case-studies.ts';

/** `count` deterministic German search documents. */
export function generateSearchDocuments(count: number): SearchDocument[] {
  return generateCaseStudies(count).map((record, index) => {
    const r = record as Record<string, unknown> & {
      municipalities: string[];
      targetGroups: string[];
      topics: string[];
      settings: string[];
      criteria: string[];
    };
    const published = new Date(Date.UTC(2024, 0, 1) + index * 3_600_000).toISOString();
    const entry: CaseStudyEntry = {
      documentId: `bench${index}`,
      locale: 'de',
      slug: String(r.slug),
      title: String(r.title),
      teaser: String(r.teaser),
      description: String(r.description),
      approach: String(r.approach),
      successFactors: (r.successFactors as string[]).map((text) => ({ text })),
      pitfalls: (r.pitfalls as string[]).map((text) => ({ text })),
      provider: { name: String(r.provider) },
      buildingBlock: term(taxonomies.buildingBlocks, String(r.buildingBlock)),
      municipalities: r.municipalities.map((ags) => towns.get(ags)!),
      targetGroups: r.targetGroups.map((slug) => term(taxonomies.targetGroups, slug)),
      topics: r.topics.map((slug) => term(taxonomies.topics, slug)),
      settings: r.settings.map((slug) => term(taxonomies.settings, slug)),
      criteria: r.criteria.map((slug) => term(taxonomies.qualityCriteria, slug)),
      projectStatus: String(r.status) as ProjectStatus,
      fundingStart: Number(r.fundingStart),
      fundingEnd: Number(r.fundingEnd),
      publishedAt: published,
      updatedAt: published,
    };
    return toSearchDocument(entry);
  });
}

/** `count` distinct search URLs, a realistic mix: text, 1–3 facets, paging and sorting; deterministic. */
export function searchQueryMix(count: number, documents: SearchDocument[]): string[] {
  let state = 11;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const words = ['Kita', 'Eltern', 'Bewegung', 'Stadtteilmütter', 'Familienlotsen', 'Schulgarten', 'Sprachpaten', 'Jugendamt', 'Nordstadt', 'Ferienprogramm'];
  const facetValues: [string, (doc: SearchDocument) => string[]][] = [
    ['buildingBlock', (doc) => (doc.buildingBlockSlug ? [doc.buildingBlockSlug] : [])],
    ['region', (doc) => doc.regions],
    ['district', (doc) => doc.districtAgs],
    ['municipality', (doc) => doc.municipalityAgs],
    ['townType', (doc) => doc.townTypes],
    ['townSize', (doc) => doc.townSizes],
    ['targetGroup', (doc) => doc.targetGroupSlugs],
    ['topic', (doc) => doc.topicSlugs],
    ['setting', (doc) => doc.settingSlugs],
    ['status', (doc) => (doc.status ? [doc.status] : [])],
  ];
  const queries = new Set<string>();
  while (queries.size < count) {
    const params = new URLSearchParams();
    if (next() < 0.6) params.set('q', pick(words));
    const facets = Math.floor(next() * 4);
    for (let i = 0; i < facets; i += 1) {
      const [param, values] = pick(facetValues);
      const value = pick(values(pick(documents)));
      if (value) params.append(param, value);
    }
    if (next() < 0.2) params.set('fundingFrom', String(2019 + Math.floor(next() * 5)));
    if (next() < 0.2) params.set('sort', pick(['newest', 'title', 'fundingStart']));
    if (next() < 0.25) params.set('page', '2');
    queries.add(params.toString());
  }
  return [...queries];
}
