import type { Core } from '@strapi/strapi';
import type { SynonymSet } from '@praxis/search';
import { SEARCH_TERM } from '../editorial/roles';
import { synonymLines } from '../validation/search-term-rules';

interface StoredSearchTerm {
  language: string | null;
  words: string | null;
  oneWay: boolean | null;
}

/** The editors' synonym sets of a language as the index takes them (oldest first, sets of fewer than two words left out). */
export async function synonymSetsOf(strapi: Core.Strapi, language: string): Promise<SynonymSet[]> {
  const rows: StoredSearchTerm[] = await strapi.db.query(SEARCH_TERM).findMany({
    where: { language },
    select: ['words', 'oneWay'],
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({ words: synonymLines(row.words), oneWay: row.oneWay === true })).filter((set) => set.words.length >= 2);
}

const WRITES = new Set(['create', 'update', 'delete']);

/**
 * A document-service middleware (it sees the admin's saves and deletes as well as the REST API's
 * and the seed's): once a change of a search-term set is committed, the languages it concerns (the
 * one before and after an update) are handed to `onChanged`, which applies them to the index.
 */
export function registerSearchTermSync(strapi: Core.Strapi, onChanged: (languages: string[]) => void): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== SEARCH_TERM || !WRITES.has(context.action)) return next();
    const params = context.params as { documentId?: string; data?: { language?: string | null } };
    return strapi.db.transaction(async ({ onCommit }) => {
      // A delete leaves nothing to read afterwards, and an update may move a set to the other language.
      const before: StoredSearchTerm | null = params.documentId
        ? await strapi.db.query(SEARCH_TERM).findOne({ where: { documentId: params.documentId }, select: ['language'] })
        : null;
      const result = await next();
      const after = (result as { language?: string | null } | null)?.language ?? params.data?.language;
      const languages = [...new Set([before?.language, after].filter((language): language is string => typeof language === 'string'))];
      if (languages.length > 0) onCommit(() => onChanged(languages));
      return result;
    });
  });
}
