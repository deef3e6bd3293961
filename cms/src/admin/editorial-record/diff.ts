// What changed between two versions of a case study, field by field, as the comparison dialog
// shows it: texts word by word, relations and lists by the names and items added and removed,
// single components (transferability, contact) by their own fields, everything else as before and
// after. The versions are the editorial record's snapshots (cms/src/history/snapshot.ts): relations
// as { documentId, name }, media as { id, name, url, mime }, components without database ids.
// Language-free: the dialog names the fields and values.

export type Snapshot = Record<string, unknown>;

/** A stretch of a text: unchanged, only in the older version, only in the newer one, or an unchanged stretch left out. */
export interface TextPart {
  kind: 'same' | 'removed' | 'added' | 'gap';
  text: string;
}

export type Change =
  | { field: string; type: 'text'; parts: TextPart[] }
  | { field: string; type: 'value'; before: unknown; after: unknown }
  | { field: string; type: 'list'; removed: string[]; added: string[]; reordered: boolean }
  | { field: string; type: 'group'; changes: Change[] };

/** Values shown as before → after rather than word by word (enumerations and dates). */
const WHOLE_VALUE_FIELDS = new Set(['projectStatus', 'editorialState', 'budgetRange', 'lastReviewed', 'slug']);
/** How many unchanged words a long text keeps around each change. */
const CONTEXT_WORDS = 12;
/** Above this many token pairs a changed stretch is shown as removed and added whole (the table would be too large). */
const MAX_TABLE = 2_000_000;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const sameValue = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Words, runs of white space and single punctuation marks: "Park." changed to "Park," is one mark, not the word. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}_'’-]/gu) ?? [];
}
const isSpace = (token: string) => /^\s+$/.test(token);

/** The longest common subsequence of two token lists, as a list of operations. */
function tokenOperations(a: string[], b: string[]): TextPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const head: TextPart[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const tail: TextPart[] = a.slice(endA).map((text) => ({ kind: 'same', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle: TextPart[] = [];
  if (midA.length * midB.length > MAX_TABLE) {
    middle.push(...midA.map((text) => ({ kind: 'removed' as const, text })), ...midB.map((text) => ({ kind: 'added' as const, text })));
  } else {
    // lengths[i][j]: the common subsequence of midA[i..] and midB[j..], row by row in one array.
    const width = midB.length + 1;
    const lengths = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i -= 1) {
      for (let j = midB.length - 1; j >= 0; j -= 1) {
        lengths[i * width + j] =
          midA[i] === midB[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        middle.push({ kind: 'same', text: midA[i]! });
        i += 1;
        j += 1;
      } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
        middle.push({ kind: 'removed', text: midA[i]! });
        i += 1;
      } else {
        middle.push({ kind: 'added', text: midB[j]! });
        j += 1;
      }
    }
    for (; i < midA.length; i += 1) middle.push({ kind: 'removed', text: midA[i]! });
    for (; j < midB.length; j += 1) middle.push({ kind: 'added', text: midB[j]! });
  }
  return [...head, ...middle, ...tail];
}

/**
 * Joins the operations into readable stretches: between two unchanged words, everything removed
 * comes first and everything added after it, and a space alone between two changes belongs to
 * both (no "removed a, added b, removed c" zigzag).
 */
function joinParts(operations: TextPart[]): TextPart[] {
  // What comes after each operation once spaces are skipped: a change, an unchanged word, or the end.
  const nextKind: (TextPart['kind'] | undefined)[] = new Array(operations.length);
  let upcoming: TextPart['kind'] | undefined;
  for (let index = operations.length - 1; index >= 0; index -= 1) {
    nextKind[index] = upcoming;
    const operation = operations[index]!;
    if (operation.kind !== 'same' || !isSpace(operation.text)) upcoming = operation.kind;
  }
  const parts: TextPart[] = [];
  const push = (kind: TextPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let removed = '';
  let added = '';
  const flush = () => {
    // White space alone is no change worth marking: removed it goes, added it stays unmarked.
    if (removed.trim() !== '') push('removed', removed);
    if (added.trim() !== '') push('added', added);
    else if (added !== '') push('same', added);
    removed = '';
    added = '';
  };
  operations.forEach((operation, index) => {
    if (operation.kind === 'removed') removed += operation.text;
    else if (operation.kind === 'added') added += operation.text;
    else if (isSpace(operation.text) && (removed !== '' || added !== '') && nextKind[index] !== undefined && nextKind[index] !== 'same') {
      removed += operation.text;
      added += operation.text;
    } else {
      flush();
      push('same', operation.text);
    }
  });
  flush();
  return parts;
}

const wordCount = (text: string) => tokens(text).filter((token) => !isSpace(token)).length;

/** The first or last `count` words of a text, with the white space between them. */
function words(text: string, count: number, from: 'start' | 'end'): string {
  const list = tokens(text);
  let seen = 0;
  if (from === 'start') {
    for (let index = 0; index < list.length; index += 1) {
      if (!isSpace(list[index]!)) seen += 1;
      if (seen === count) return list.slice(0, index + 1).join('');
    }
    return text;
  }
  for (let index = list.length - 1; index >= 0; index -= 1) {
    if (!isSpace(list[index]!)) seen += 1;
    if (seen === count) return list.slice(index).join('');
  }
  return text;
}

/** Long unchanged stretches keep CONTEXT_WORDS words next to each change; the rest is a gap. */
function collapse(parts: TextPart[]): TextPart[] {
  return parts.flatMap((part, index): TextPart[] => {
    if (part.kind !== 'same') return [part];
    const first = index === 0;
    const last = index === parts.length - 1;
    const keep = (first ? 0 : CONTEXT_WORDS) + (last ? 0 : CONTEXT_WORDS);
    if (wordCount(part.text) <= keep + CONTEXT_WORDS) return [part];
    const kept: TextPart[] = [];
    if (!first) kept.push({ kind: 'same', text: words(part.text, CONTEXT_WORDS, 'start') });
    kept.push({ kind: 'gap', text: '' });
    if (!last) kept.push({ kind: 'same', text: words(part.text, CONTEXT_WORDS, 'end') });
    return kept;
  });
}

/** A word-level diff of two texts: what only the older has (removed), what only the newer has (added), and what both share. */
export function wordDiff(older: string, newer: string): TextPart[] {
  return collapse(joinParts(tokenOperations(tokens(older), tokens(newer))));
}

/** How an item of a list reads: a relation or a file by its name, an image by file and alternative text, a link by text and address. */
export function itemLabel(item: unknown): string {
  if (!isObject(item)) return item === null || item === undefined ? '' : String(item);
  if ('documentId' in item || 'mime' in item) return String(item.name ?? item.documentId ?? item.id ?? '');
  if ('file' in item) {
    const file = isObject(item.file) ? String(item.file.name ?? '') : '';
    return [file, item.alt, item.caption].filter((part) => typeof part === 'string' && part !== '').join(' – ');
  }
  if ('url' in item) return item.label ? `${String(item.label)} (${String(item.url)})` : String(item.url ?? '');
  if ('text' in item) return String(item.text ?? '');
  return Object.values(item)
    .filter((value) => (typeof value === 'string' && value !== '') || typeof value === 'number')
    .join(' · ');
}

/** What identifies a list item across versions: a relation by documentId, a file by id, a component by its content. */
function itemKey(item: unknown): string {
  if (isObject(item) && 'documentId' in item) return `document:${String(item.documentId)}`;
  if (isObject(item) && 'mime' in item) return `file:${String(item.id)}`;
  return JSON.stringify(item);
}

function listChange(field: string, older: unknown[], newer: unknown[]): Change {
  const remaining = new Map<string, number>();
  for (const item of newer) remaining.set(itemKey(item), (remaining.get(itemKey(item)) ?? 0) + 1);
  const removed: string[] = [];
  for (const item of older) {
    const key = itemKey(item);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else removed.push(itemLabel(item));
  }
  const kept = new Map<string, number>();
  for (const item of older) kept.set(itemKey(item), (kept.get(itemKey(item)) ?? 0) + 1);
  const added: string[] = [];
  for (const item of newer) {
    const key = itemKey(item);
    const left = kept.get(key) ?? 0;
    if (left > 0) kept.set(key, left - 1);
    else added.push(itemLabel(item));
  }
  const reordered = removed.length === 0 && added.length === 0;
  return { field, type: 'list', removed, added, reordered };
}

/** One field's change, or undefined when both versions hold the same. */
export function fieldChange(field: string, older: unknown, newer: unknown): Change | undefined {
  if (sameValue(older, newer)) return undefined;
  if (Array.isArray(older) || Array.isArray(newer)) {
    return listChange(field, Array.isArray(older) ? older : [], Array.isArray(newer) ? newer : []);
  }
  const relation = (value: unknown) => isObject(value) && 'documentId' in value;
  if (relation(older) || relation(newer)) {
    return { field, type: 'value', before: older ? itemLabel(older) : null, after: newer ? itemLabel(newer) : null };
  }
  if (isObject(older) || isObject(newer)) {
    const before = isObject(older) ? older : {};
    const after = isObject(newer) ? newer : {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = fields.map((inner) => fieldChange(inner, before[inner], after[inner])).filter((change): change is Change => change !== undefined);
    return changes.length > 0 ? { field, type: 'group', changes } : undefined;
  }
  const text = (value: unknown) => typeof value === 'string' || value === null || value === undefined;
  if (!WHOLE_VALUE_FIELDS.has(field) && text(older) && text(newer)) {
    return { field, type: 'text', parts: wordDiff(String(older ?? ''), String(newer ?? '')) };
  }
  return { field, type: 'value', before: older ?? null, after: newer ?? null };
}

/**
 * Every field whose value differs from the older version to the newer one, in `order` (the edit
 * view's order), fields not named there after them. A missing older version (the first one) makes
 * every filled field of the newer one new.
 */
export function compareVersions(older: Snapshot | null, newer: Snapshot | null, order: string[]): Change[] {
  const fields = [...new Set([...order, ...Object.keys(newer ?? {}), ...Object.keys(older ?? {})])];
  return fields.map((field) => fieldChange(field, older?.[field], newer?.[field])).filter((change): change is Change => change !== undefined);
}
