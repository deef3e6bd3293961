import { describe, expect, it } from 'vitest';
import { compareVersions, itemLabel, wordDiff, type TextPart } from './diff';

const show = (parts: TextPart[]) =>
  parts
    .map((part) => (part.kind === 'removed' ? `[-${part.text}-]` : part.kind === 'added' ? `{+${part.text}+}` : part.kind === 'gap' ? '…' : part.text))
    .join('');

describe('the comparison of two versions', () => {
  it('marks the words removed and added, the removed ones first, without a zigzag', () => {
    expect(show(wordDiff('Vorlesen im Park.', 'Vorlesen in der Stadtteilbibliothek.'))).toBe('Vorlesen [-im Park-]{+in der Stadtteilbibliothek+}.');
    expect(show(wordDiff('Ein Teaser.', 'Ein neuer Teaser.'))).toBe('Ein {+neuer +}Teaser.');
    expect(show(wordDiff('Ein alter Teaser.', 'Ein Teaser.'))).toBe('Ein [-alter -]Teaser.');
    // A changed mark is the mark, not the word.
    expect(show(wordDiff('im Park.', 'im Park!'))).toBe('im Park[-.-]{+!+}');
    expect(show(wordDiff('', 'Neu hier'))).toBe('{+Neu hier+}');
    expect(show(wordDiff('gleich', 'gleich'))).toBe('gleich');
  });

  it('keeps twelve words around a change in a long text and leaves the rest out', () => {
    const words = Array.from({ length: 80 }, (_, index) => `w${index}`);
    const changed = [...words];
    changed[40] = 'NEU';
    const parts = wordDiff(words.join(' '), changed.join(' '));
    expect(parts.map((part) => part.kind)).toEqual(['gap', 'same', 'removed', 'added', 'same', 'gap']);
    expect(parts[1]!.text.trim().split(' ')).toHaveLength(12);
    expect(parts[2]!.text).toBe('w40');
  });

  it('names relations, files and list items added and removed, and single relations before and after', () => {
    const older = {
      title: 'Lesebande',
      topics: [
        { documentId: 'a', name: 'Bildung' },
        { documentId: 'b', name: 'Gesundheit' },
      ],
      buildingBlock: { documentId: 'x', name: 'Gesundes Aufwachsen' },
      successFactors: [{ text: 'Feste Zeiten' }],
      downloads: [{ id: 3, name: 'flyer.pdf', url: '/uploads/flyer.pdf', mime: 'application/pdf' }],
      transferability: { staffFte: 1, partnersNeeded: 'Schule' },
      projectStatus: 'laufend',
    };
    const newer = {
      ...older,
      topics: [
        { documentId: 'b', name: 'Gesundheit' },
        { documentId: 'c', name: 'Teilhabe' },
      ],
      buildingBlock: { documentId: 'y', name: 'Aktive Nachbarschaft' },
      successFactors: [{ text: 'Feste Zeiten' }, { text: 'Ehrenamt' }],
      downloads: [],
      transferability: { staffFte: 1.5, partnersNeeded: 'Schule und Kita' },
      projectStatus: 'abgeschlossen',
    };
    expect(compareVersions(older, newer, ['title', 'buildingBlock', 'topics'])).toEqual([
      { field: 'buildingBlock', type: 'value', before: 'Gesundes Aufwachsen', after: 'Aktive Nachbarschaft' },
      { field: 'topics', type: 'list', removed: ['Bildung'], added: ['Teilhabe'], reordered: false },
      { field: 'successFactors', type: 'list', removed: [], added: ['Ehrenamt'], reordered: false },
      { field: 'downloads', type: 'list', removed: ['flyer.pdf'], added: [], reordered: false },
      {
        field: 'transferability',
        type: 'group',
        changes: [
          { field: 'staffFte', type: 'value', before: 1, after: 1.5 },
          {
            field: 'partnersNeeded',
            type: 'text',
            parts: [
              { kind: 'same', text: 'Schule' },
              { kind: 'added', text: ' und Kita' },
            ],
          },
        ],
      },
      { field: 'projectStatus', type: 'value', before: 'laufend', after: 'abgeschlossen' },
    ]);
  });

  it('sees no change between empty values, and only the order changed as such', () => {
    expect(compareVersions({ fundingPhase: null, links: [] }, { fundingPhase: '', links: null }, [])).toEqual([]);
    expect(compareVersions({ pitfalls: [{ text: 'a' }, { text: 'b' }] }, { pitfalls: [{ text: 'b' }, { text: 'a' }] }, [])).toEqual([
      { field: 'pitfalls', type: 'list', removed: [], added: [], reordered: true },
    ]);
  });

  it('makes everything of the first version new', () => {
    expect(compareVersions(null, { title: 'Neu', teaser: null }, ['title', 'teaser'])).toEqual([
      { field: 'title', type: 'text', parts: [{ kind: 'added', text: 'Neu' }] },
    ]);
  });

  it('reads an image by file and alternative text, a link by text and address', () => {
    expect(itemLabel({ file: { id: 1, name: 'kinder.jpg' }, alt: 'Kinder lesen', caption: null })).toBe('kinder.jpg – Kinder lesen');
    expect(itemLabel({ label: 'Website', url: 'https://example.org' })).toBe('Website (https://example.org)');
  });
});
