import { describe, expect, it } from 'vitest';
import { Discourse, type ResolveContext } from './discourse.js';
import { GenderBook } from './gender-book.js';
import { PeopleIndex } from './people-index.js';
import { script } from './test-helpers.js';
import type { Gender } from './words.js';

// Lines written for these tests; none is copied from a transcript.

const GENDERS: Record<string, Gender> = { ELSA: 'f', MARA: 'f', OWEN: 'm', KIT: 'm' };

function discourse(rows: string[], names: Record<number, string[]> = {}): Discourse {
  const lines = script(...rows);
  const people = new PeopleIndex(
    Object.entries(GENDERS).map(([name, gender]) => ({ name, aliases: [], gender })),
  );
  return new Discourse(lines, (l) => l.toUpperCase(), new GenderBook(people), {
    lineNames: lines.map((_, i) => names[i] ?? []),
  });
}

function ctx(lineIndex: number, extra: Partial<ResolveContext> = {}): ResolveContext {
  return {
    lineIndex,
    speaker: null,
    earlier: [],
    exclude: [],
    subjects: [],
    seen: new Map(),
    ...extra,
  };
}

describe('Discourse', () => {
  it('resolves a subject pronoun to the last speaker of that gender', () => {
    const d = discourse(['ELSA: Hi.', 'OWEN: Hello.', '(She smiles.)']);
    expect(d.resolveOne('f', ctx(2), true)?.name).toBe('ELSA');
    expect(d.resolveOne('m', ctx(2), true)?.name).toBe('OWEN');
  });

  it('prefers a name met earlier in the same direction', () => {
    const d = discourse(['ELSA: Hi.', 'OWEN: Hello.', '(Kit runs in. He waves.)']);
    expect(d.resolveOne('m', ctx(2, { earlier: ['KIT'] }), true)?.name).toBe('KIT');
  });

  it('resolves an object pronoun to the man met last, a subject one by first mention', () => {
    // `Kit and Owen come in. Owen sits, then Kit ... grabs him`: Kit was met again since.
    const d = discourse(['MARA: Hi.', 'ELSA: Hello.', '(...)']);
    const met = { earlier: ['KIT', 'OWEN'], lastMet: ['OWEN', 'KIT'] };
    expect(d.resolveOne('m', ctx(2, met), false)?.name).toBe('KIT');
    expect(d.resolveOne('m', ctx(2, met), true)?.name).toBe('OWEN');
  });

  it('never resolves an object pronoun to the doer', () => {
    const d = discourse(['MARA: Hi.', 'OWEN: Hello.', '(He hugs him.)']);
    expect(d.resolveOne('m', ctx(2, { exclude: ['OWEN'] }), false)).toBeNull();
  });

  it('rules out whoever this direction already showed to be of the other gender', () => {
    const d = discourse(['OWEN: Hi.', 'KIT: Hello.', '(He hugs her.)']);
    const seen = new Map<string, Gender>([['KIT', 'm']]);
    expect(d.resolveOne('m', ctx(2, { seen }), true)?.name).toBe('KIT');
  });

  it('reads they as the speaker and the person they address', () => {
    const d = discourse(['KIT: Morning.', 'ELSA: Goodbye, Owen.', '(They hug.)'], { 1: ['OWEN'] });
    expect(d.resolveMany(ctx(2), [])).toEqual(['ELSA', 'OWEN']);
  });

  it('reads they as the last two speakers when nobody is addressed', () => {
    const d = discourse(['KIT: Morning.', 'ELSA: Well.', '(They hug.)']);
    expect(d.resolveMany(ctx(2), []).sort()).toEqual(['ELSA', 'KIT']);
  });

  it('prefers a group named earlier in the direction for they', () => {
    const d = discourse(['KIT: Morning.', '(Elsa and Mara enter. They hug.)']);
    expect(d.resolveMany(ctx(1), [['ELSA', 'MARA']])).toEqual(['ELSA', 'MARA']);
  });

  it('gathers everyone of the conversation for a group act', () => {
    const d = discourse([
      'KIT: We did it.',
      'ELSA: We did.',
      'MARA: Yes!',
      '(Group hug.)',
      'OWEN: Oof.',
    ]);
    expect(d.conversation(ctx(3)).sort()).toEqual(['ELSA', 'KIT', 'MARA', 'OWEN']);
  });

  it('links the man to a man described shortly before', () => {
    const d = discourse(['(A tall man enters.)', 'KIT: Who?', '(Kit grabs the man.)'], {
      0: ['TALL MAN'],
    });
    expect(d.recentRole('MAN', ctx(2), false)).toBe('TALL MAN');
    expect(d.recentRole('WOMAN', ctx(2), false)).toBeNull();
  });

  it('links a bare `the man` to a man met bare shortly before, a described one first', () => {
    const bare = discourse(['(Kit finds a man.)', 'KIT: Who?', '(The man grabs Kit.)'], {
      0: ['MAN'],
    });
    expect(bare.recentRole('MAN', ctx(2), true)).toBe('MAN');
    // `the tall man` is not the man met before unless he was described so.
    expect(bare.recentRole('MAN', ctx(2), false)).toBeNull();
    const both = discourse(['(A tall man and a man enter.)', '(The man grabs Kit.)'], {
      0: ['TALL MAN', 'MAN'],
    });
    expect(both.recentRole('MAN', ctx(1), true)).toBe('TALL MAN');
  });

  it('does not count the left-out doer among the recent speakers', () => {
    // Elsa answers Owen and pushes him; Kit speaks next.
    const d = discourse([
      'KIT: Look.',
      'OWEN: She cheats.',
      'ELSA: Quiet!',
      '(She pushes him.)',
      'KIT: Hey.',
    ]);
    expect(d.resolveOne('m', ctx(3, { exclude: ['ELSA'] }), false)?.name).toBe('OWEN');
  });
});
