import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_SYNONYM_LENGTH, MAX_SYNONYMS_PER_SET, queryTerms } from '@praxis/search';
import { SEARCH_TERM } from '../editorial/roles';
import type { FieldProblem } from './field-messages';

// The editors' synonym sets ("Suchbegriffe"): what the schema cannot say, checked with messages
// that name the line concerned, for the admin, the REST API and the seed alike.

export interface SearchTermEntry {
  language?: string | null;
  words?: string | null;
  oneWay?: boolean | null;
}

/** The lines of a set as the index takes them: trimmed, empty lines dropped. */
export function synonymLines(words: string | null | undefined): string[] {
  return (words ?? '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A line as the search sees it: its analysed terms ("Kitas" → "kita"), '' when nothing is searchable. */
export function analysedLine(line: string, language: string): string {
  return queryTerms(line, language).replace(/"/g, '').trim();
}

const LANGUAGE_NAMES: Record<string, string> = { de: 'Deutsch', en: 'Englisch' };
const quoted = (line: string) => `„${line}“`;
const words = (problems: string[]): FieldProblem[] => problems.map((message) => ({ path: ['words'], message }));

/** Every problem of one set on its own: the number of lines, their length, stop words only, doubles. */
function ownProblems(lines: string[], language: string): string[] {
  if (lines.length < 2) return ['Bitte mindestens zwei Begriffe angeben, einen pro Zeile.'];
  const problems: string[] = [];
  if (lines.length > MAX_SYNONYMS_PER_SET) {
    problems.push(`Eine Gruppe hat höchstens ${MAX_SYNONYMS_PER_SET} Begriffe, hier sind es ${lines.length}. Bitte auf mehrere Gruppen verteilen.`);
  }
  const seen = new Map<string, string>();
  for (const line of lines) {
    const length = [...line].length;
    if (length > MAX_SYNONYM_LENGTH) {
      problems.push(`${quoted(line)} ist ${length} Zeichen lang; erlaubt sind höchstens ${MAX_SYNONYM_LENGTH} je Begriff.`);
      continue;
    }
    const term = analysedLine(line, language);
    if (term === '') {
      problems.push(
        `${quoted(line)} findet die Suche nicht: die Zeile enthält nur Füllwörter (wie „und“, „die“) oder Satzzeichen. Bitte ein anderes Wort angeben.`,
      );
      continue;
    }
    const first = seen.get(term);
    if (first === undefined) seen.set(term, line);
    else if (first === line) problems.push(`${quoted(line)} steht doppelt in dieser Gruppe.`);
    else problems.push(`${quoted(line)} steht doppelt in dieser Gruppe: die Suche behandelt es wie ${quoted(first)}.`);
  }
  return [...new Set(problems)];
}

/**
 * Every problem of a set in the light of the other sets of its language: a one-way set whose
 * first word already leads another one-way set, or a set of exactly the same words.
 */
export function searchTermProblems(entry: SearchTermEntry, others: readonly SearchTermEntry[]): FieldProblem[] {
  const language = entry.language ?? 'de';
  const lines = synonymLines(entry.words);
  const own = ownProblems(lines, language);
  if (own.length > 0) return words(own);
  const terms = lines.map((line) => analysedLine(line, language));
  const termSet = [...new Set(terms)].sort().join('\n');
  for (const other of others) {
    if ((other.language ?? 'de') !== language) continue;
    const otherLines = synonymLines(other.words);
    const otherTerms = otherLines.map((line) => analysedLine(line, language)).filter(Boolean);
    if (otherTerms.length === 0) continue;
    const languageName = LANGUAGE_NAMES[language] ?? language;
    if (entry.oneWay && other.oneWay && otherTerms[0] === terms[0]) {
      return words([
        `Es gibt schon eine Gruppe „Nur in eine Richtung“ (${languageName}), die mit ${quoted(otherLines[0]!)} beginnt. Bitte ergänzen Sie die Begriffe dort.`,
      ]);
    }
    if (!(entry.oneWay && other.oneWay) && [...new Set(otherTerms)].sort().join('\n') === termSet) {
      return words([
        `Eine Gruppe mit genau diesen Begriffen gibt es schon (${languageName}: ${otherLines.slice(0, 3).map(quoted).join(', ')}${otherLines.length > 3 ? ' …' : ''}).`,
      ]);
    }
  }
  return [];
}

/**
 * The set as it will be stored: the saved fields over the stored ones (a field left out, or sent
 * as undefined, keeps its stored value), German and two-way unless said otherwise.
 */
export function entryAfterSave(stored: SearchTermEntry | null, data: SearchTermEntry): SearchTermEntry {
  const defined = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as SearchTermEntry;
  return { language: 'de', oneWay: false, ...stored, ...defined };
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new errors.ValidationError(problems.map((problem) => problem.message).join(' '), {
    errors: problems.map((problem) => ({ path: problem.path.map(String), message: problem.message, name: 'ValidationError' })),
  });
}

/** Refuses a search-term set that would not work as the editor expects, naming the line. */
export function registerSearchTermRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== SEARCH_TERM || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { documentId?: string; data?: SearchTermEntry };
    const data = params.data ?? {};
    const stored: SearchTermEntry | null = params.documentId
      ? await strapi.db.query(SEARCH_TERM).findOne({ where: { documentId: params.documentId }, select: ['language', 'words', 'oneWay'] })
      : null;
    const entry = entryAfterSave(stored, data);
    const others: SearchTermEntry[] = await strapi.db.query(SEARCH_TERM).findMany({
      where: { language: entry.language ?? 'de', ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
      select: ['language', 'words', 'oneWay'],
    });
    refuse(searchTermProblems(entry, others));
    return next();
  });
}
