// Deterministic synthetic case studies in the import format, for benchmarks.
import { readFileSync } from 'node:fs';

const taxonomies = JSON.parse(readFileSync(new URL('../cms/data/taxonomies.json', import.meta.url), 'utf8'));
const municipalities = readFileSync(new URL('../cms/data/nrw/municipalities.csv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split(',')[0]!);

const IDEAS = [
  'Stadtteilmütter',
  'Bewegungsbaustelle',
  'Kochwerkstatt',
  'Spielbus',
  'Hausaufgabenhilfe',
  'Elterncafé',
  'Familienlotsen',
  'Schulgarten',
  'Ferienprogramm',
  'Jugendbudget',
  'Babylotsinnen',
  'Gesundheitskiosk',
  'Streetwork',
  'Sprachpaten',
  'Vätertreff',
];
const PLACES = ['im Quartier', 'am Marktplatz', 'in der Nordstadt', 'im Stadtteilzentrum', 'an der Grundschule', 'im Familienzentrum'];
const slugs = (list: { slug: string }[]) => list.map((entry) => entry.slug);
const targetGroups = slugs(taxonomies.targetGroups);
const topics = slugs(taxonomies.topics);
const settings = slugs(taxonomies.settings);
const criteria = slugs(taxonomies.qualityCriteria);
const statuses = ['laufend', 'abgeschlossen', 'verstetigt'];

/** A small deterministic PRNG so every run benchmarks the same corpus. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export function generateCaseStudies(count: number, offset = 0, seed = 42): Record<string, unknown>[] {
  const next = random(seed + offset);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list)))];
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i + 1;
    const idea = pick(IDEAS);
    const start = 2018 + Math.floor(next() * 8);
    return {
      slug: `bench-${n}`,
      title: `${idea} ${pick(PLACES)} Nr. ${n}`,
      teaser: `${idea}: ein Angebot für Familien ${pick(PLACES)}, das Kinder stärkt und Nachbarschaft stiftet.`,
      description: `Das Projekt ${idea} verbindet Kita, Schule und Quartiersarbeit. Fiktiver Benchmark-Datensatz ${n}.`,
      approach: 'Aufsuchende Arbeit, feste Sprechzeiten und enge Kooperation mit dem Jugendamt.',
      buildingBlock: next() < 0.5 ? 'aktive-nachbarschaft' : 'gesundes-aufwachsen',
      municipalities: some(municipalities, 2),
      targetGroups: some(targetGroups, 3),
      topics: some(topics, 3),
      settings: some(settings, 2),
      criteria: some(criteria, 4),
      status: pick(statuses),
      fundingStart: start,
      fundingEnd: Math.min(2025, start + Math.floor(next() * 4)),
      provider: `Benchmark-Träger ${1 + (n % 150)} e. V.`,
      staffFte: Math.round(next() * 30) / 10,
      successFactors: ['Verlässliche Ansprechpersonen', 'Kurze Wege zum Jugendamt'],
      pitfalls: ['Personalwechsel'],
    };
  });
}
