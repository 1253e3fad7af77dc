import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodebookIndex } from '../domain/codebook.js';
import { ReceiptsError } from '../domain/errors.js';
import { parseCodebook } from './codebook-yaml.js';

const DEFAULT = readFileSync(new URL('../../codebooks/interaction.yaml', import.meta.url), 'utf8');

function errorOf(text: string, base = false): ReceiptsError {
  try {
    parseCodebook(
      text,
      'my.yaml',
      base ? { base: parseCodebook(DEFAULT, 'interaction.yaml') } : {},
    );
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
    throw e;
  }
  throw new Error('expected the codebook to be rejected');
}

describe('parseCodebook', () => {
  it('reads the shipped default with the shared action terms', () => {
    const ix = new CodebookIndex(parseCodebook(DEFAULT, 'interaction.yaml'));
    expect(ix.expand('affection').map((t) => t.id)).toEqual([
      'affection',
      'kiss',
      'hug',
      'touch-face',
      'cradle-neck',
      'hold-hands',
      'caress',
    ]);
    expect(ix.expand('conflict').map((t) => t.id)).toEqual([
      'conflict',
      'slap',
      'punch',
      'shove',
      'grab',
    ]);
    expect(ix.lookup('snogs')?.id).toBe('kiss');
    expect(ix.lookup('deflection')?.id).toBe('joke');
    expect(ix.tier('reading')?.open).toBe(true);
    expect(ix.termsOf('gaze').map((t) => t.id)).toEqual([
      'eye-contact',
      'look-away',
      'stare',
      'glance',
    ]);
  });

  it('extends the default: new tiers, new terms under default parents, more synonyms', () => {
    const cb = parseCodebook(
      [
        'id: torchwood',
        'extends: default',
        'tiers:',
        '  action:',
        '    terms:',
        '      nibble: { parent: affection, synonyms: [nibbles] }',
        '      kiss: { synonyms: [snogs senseless] }',
        '  ship:',
        '    terms:',
        '      janto: {}',
      ].join('\n'),
      'tw.yaml',
      { base: parseCodebook(DEFAULT, 'interaction.yaml') },
    );
    const ix = new CodebookIndex(cb);
    expect(ix.isUnder('nibble', 'affection')).toBe(true);
    expect(ix.lookup('snogs senseless')?.id).toBe('kiss');
    expect(ix.lookup('snogs')?.id).toBe('kiss');
    expect(ix.term('janto')?.tier).toBe('ship');
  });

  it('names the line and path of an unknown parent', () => {
    const e = errorOf('id: x\ntiers:\n  action:\n    terms:\n      kiss:\n        parent: love\n');
    expect(e.code).toBe('CODEBOOK_INVALID');
    expect(e.toLine()).toBe('my.yaml:6: tiers.action.terms.kiss.parent: unknown parent "love"');
  });

  it('names a parent cycle', () => {
    const e = errorOf(
      'id: x\ntiers:\n  t:\n    terms:\n      a: { parent: b }\n      b: { parent: a }\n',
    );
    expect(e.message).toBe('parent cycle: a -> b -> a');
    expect(e.place).toMatchObject({ line: 5, path: 'tiers.t.terms.a.parent' });
  });

  it('names a term id used in two tiers, and one the default already has', () => {
    const e = errorOf(
      'id: x\ntiers:\n  a:\n    terms:\n      kiss: {}\n  b:\n    terms:\n      kiss: {}\n',
    );
    expect(e.message).toBe('duplicate term id "kiss" (also in tier "a")');
    expect(e.place.line).toBe(8);
    const d = errorOf(
      'id: x\nextends: default\ntiers:\n  gaze:\n    terms:\n      kiss: {}\n',
      true,
    );
    expect(d.message).toMatch(/duplicate term id "kiss"/);
  });

  it('names a synonym claimed by two terms, down to its index', () => {
    const e = errorOf(
      'id: x\ntiers:\n  t:\n    terms:\n      a: { synonyms: [one, two] }\n      b:\n        synonyms:\n          - three\n          - Two\n',
    );
    expect(e.message).toBe('synonym "Two" of "b" is already claimed by "a"');
    expect(e.place).toMatchObject({ path: 'tiers.t.terms.b.synonyms[1]', line: 9 });
  });

  it('refuses bad YAML, unknown keys and extending without a base, with lines', () => {
    expect(errorOf('id: x\ntiers: [\n').place.line).toBeGreaterThan(0);
    const k = errorOf('id: x\ntiers:\n  t:\n    colour: red\n');
    expect(k.place.path).toBe('tiers.t');
    expect(errorOf('id: x\nextends: default\n').place).toMatchObject({ path: 'extends', line: 2 });
    expect(errorOf('id: X Y\n').place.path).toBe('id');
  });
});
