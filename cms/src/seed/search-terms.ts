import type { Core } from '@strapi/strapi';
import { SEED_SYNONYMS, type SynonymSet } from '@praxis/search';
import { SEARCH_TERM } from '../editorial/roles';
import { analysedLine } from '../validation/search-term-rules';

/**
 * A seed set as editors would enter it: a word the search treats like an earlier one of the same
 * set ("Migrantinnen" like "Migranten") is left out, since the rules refuse doubles; the index's
 * synonyms are the same with or without it.
 */
export function seedEntry(set: SynonymSet, language: string): { language: string; words: string; oneWay: boolean } {
  const seen = new Set<string>();
  const lines = set.words.filter((word) => {
    const term = analysedLine(word, language);
    if (term === '' || seen.has(term)) return false;
    seen.add(term);
    return true;
  });
  return { language, words: lines.join('\n'), oneWay: set.oneWay };
}

/**
 * The search terms ("Suchbegriffe") the editors start from: one entry per set of the search
 * library's seed, in both languages, when there are none at all (on the first start; a set an
 * editor deleted does not come back while any other remains).
 */
export async function seedSearchTerms(strapi: Core.Strapi): Promise<void> {
  if ((await strapi.db.query(SEARCH_TERM).count()) > 0) return;
  let created = 0;
  await strapi.db.transaction(async () => {
    for (const [language, sets] of Object.entries(SEED_SYNONYMS)) {
      for (const set of sets) {
        await strapi.documents(SEARCH_TERM).create({ data: seedEntry(set, language) as never });
        created += 1;
      }
    }
  });
  strapi.log.info(`[seed] created ${created} search-term sets`);
}
