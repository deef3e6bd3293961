// `npm run bench:relevance`: the judged German and English queries (search/relevance/
// judged-queries.json) through the site's search against a real Meilisearch holding the demo
// content. Prints nDCG@10, precision@10, recall, the share of the corpus returned, floods (more
// than a quarter of the corpus where the judgments do not say so) and fragment highlights per
// query class, next to the figures in search/relevance/baseline.json (the engine before the
// German analysis); then the queries that fall short. `--save-baseline` stores this run as the
// baseline (BASELINE_ENGINE says which engine it was). Asserts nothing; search/tests/integration/relevance.test.ts holds the floors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMeiliClient } from '@praxis/search';
import { startMeilisearch } from '@praxis/tooling/meilisearch';
import { evaluateQuery, indexDemoContent, isFlood, loadJudgedQueries, summarise, type ClassSummary } from '@praxis/search/relevance';

const baselineFile = new URL('../search/relevance/baseline.json', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'praxis-bench-relevance-'));
const masterKey = 'bench-relevance-master-key-0123456789';
const server = await startMeilisearch({ dataDir, masterKey });
try {
  const client = createMeiliClient(server.url, masterKey);
  const sizes = await indexDemoContent(client);
  const queries = loadJudgedQueries();
  const results = [];
  for (const query of queries) results.push(await evaluateQuery(client, query, sizes[query.locale]));
  const summary = summarise(results, sizes);

  if (process.argv.includes('--save-baseline')) {
    writeFileSync(
      baselineFile,
      `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), engine: process.env.BASELINE_ENGINE ?? '(set BASELINE_ENGINE to say what was measured)', summary }, null, 2)}\n`,
    );
    console.log(`saved as the baseline: ${baselineFile.pathname}`);
  }
  let baseline: ClassSummary[] = [];
  try {
    baseline = (JSON.parse(readFileSync(baselineFile, 'utf8')) as { summary: ClassSummary[] }).summary;
  } catch {
    /* no baseline yet */
  }

  const f = (value: number | undefined, digits = 2) => (value === undefined ? '–' : value.toFixed(digits));
  const pct = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value * 100)} %`);
  console.log(`\nDemo content: ${sizes.de} German, ${sizes.en} English case studies; ${queries.length} judged queries. Before → now:\n`);
  console.log(
    '| locale | class | queries | nDCG@10 | precision@10 | recall | corpus returned | floods | marks on pieces of words | marks on unrelated words |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of summary) {
    const before = baseline.find((old) => old.locale === row.locale && old.class === row.class);
    const pair = (pick: (s: ClassSummary) => number, show: (v: number | undefined) => string) => `${show(before && pick(before))} → ${show(pick(row))}`;
    console.log(
      `| ${row.locale} | ${row.class === 'all' ? '**all**' : row.class} | ${row.queries} | ${pair((s) => s.ndcg10, f)} | ${pair((s) => s.precision10, f)} | ` +
        `${pair((s) => s.recall, f)} | ${pair((s) => s.corpusShare, pct)} | ${pair(
          (s) => s.floods,
          (v) => f(v, 0),
        )} | ${pair(
          (s) => s.fragments,
          (v) => f(v, 0),
        )} | ` +
        `${pair(
          (s) => s.strayMarks,
          (v) => f(v, 0),
        )} |`,
    );
  }

  const weak = results.filter(
    (result) =>
      result.ndcg10 < 0.8 || result.recall < 1 || isFlood(result, sizes[result.query.locale]) || result.fragments.length > 0 || result.strayMarks.length > 0,
  );
  console.log(`\n${weak.length} queries below nDCG@10 0.8, missing a relevant case study, flooding or marking pieces of words or unrelated words:`);
  for (const result of weak) {
    const missing = Object.keys(result.query.relevant).filter((slug) => !result.ranked.includes(slug));
    console.log(
      `- [${result.query.locale} ${result.query.class}] "${result.query.q}": nDCG ${f(result.ndcg10)}, ${result.ranked.length} hits` +
        `${missing.length ? `, missing ${missing.join(', ')}` : ''}${result.fragments.length ? `, fragments ${result.fragments.slice(0, 5).join(' ')}` : ''}` +
        `${result.strayMarks.length ? `, unrelated marks ${result.strayMarks.slice(0, 5).join(' ')}` : ''}` +
        `; top 3: ${result.ranked
          .slice(0, 3)
          .map((slug) => `${slug}${result.query.relevant[slug] ? `(${result.query.relevant[slug]})` : ''}`)
          .join(', ')}`,
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
