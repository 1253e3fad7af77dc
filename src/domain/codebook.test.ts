import { describe, expect, it } from 'vitest';
import {
  CodebookIndex,
  codebookProblems,
  extendCodebook,
  synonymKey,
  type Codebook,
  type CodebookTerm,
} from './codebook.js';

const term = (id: string, parent: string | null, synonyms: string[] = []): CodebookTerm => ({
  id,
  tier: 'action',
  label: id,
  parent,
  synonyms,
  description: null,
});

const book: Codebook = {
  id: 't',
  label: 'T',
  tiers: [{ id: 'action', label: 'Action', description: null, open: false }],
  terms: [
    term('affection', null),
    term('kiss', 'affection', ['kisses', 'a kiss', 'snogs']),
    term('hug', 'affection', ['embraces']),
    term('conflict', null),
    term('slap', 'conflict', ['slaps']),
  ],
};

describe('CodebookIndex', () => {
  const ix = new CodebookIndex(book);

  it('expands a term to its whole subtree, itself first', () => {
    expect(ix.expand('affection').map((t) => t.id)).toEqual(['affection', 'kiss', 'hug']);
    expect(ix.expand('slap').map((t) => t.id)).toEqual(['slap']);
    expect(ix.expand('nothing')).toEqual([]);
  });

  it('finds a term by id, label or synonym, ignoring case and punctuation', () => {
    expect(ix.lookup('Snogs')?.id).toBe('kiss');
    expect(ix.lookup('A kiss!')?.id).toBe('kiss');
    expect(ix.lookup('embraces')?.id).toBe('hug');
    expect(ix.lookup('waves')).toBeNull();
  });

  it('walks up from a term to its root', () => {
    expect(ix.ancestry('kiss').map((t) => t.id)).toEqual(['kiss', 'affection']);
    expect(ix.isUnder('kiss', 'affection')).toBe(true);
    expect(ix.isUnder('slap', 'affection')).toBe(false);
  });
});

describe('codebookProblems', () => {
  it('finds nothing wrong in a consistent codebook', () => {
    expect(codebookProblems(book)).toEqual([]);
  });

  it('reports cycles, unknown parents, duplicate ids and synonym clashes', () => {
    const bad: Codebook = {
      ...book,
      terms: [
        term('a', 'b'),
        term('b', 'a'),
        term('c', 'missing'),
        term('d', null, ['same']),
        term('e', null, ['Same']),
        term('d', null),
      ],
    };
    expect(codebookProblems(bad).map((p) => `${p.kind} ${p.term}`)).toEqual([
      'duplicate-term d',
      'unknown-parent c',
      'cycle a',
      'cycle b',
      'synonym-clash e',
    ]);
  });
});

describe('extendCodebook', () => {
  it('adds terms and merges the synonyms of a term the base already has', () => {
    const ext = extendCodebook(book, {
      id: 'x',
      label: 'X',
      tiers: [],
      terms: [
        { id: 'nuzzle', tier: 'action', parent: 'affection', synonyms: ['nuzzles'] },
        { id: 'kiss', tier: 'action', synonyms: ['smooches'] },
      ],
    });
    const ix = new CodebookIndex(ext);
    expect(ix.expand('affection').map((t) => t.id)).toEqual(['affection', 'kiss', 'hug', 'nuzzle']);
    expect(ix.lookup('smooches')?.id).toBe('kiss');
    expect(ix.lookup('snogs')?.id).toBe('kiss');
  });

  it('keys synonyms without case, marks or punctuation', () => {
    expect(synonymKey('  A  Kiss! ')).toBe('a kiss');
  });
});
