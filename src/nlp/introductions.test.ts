import { describe, expect, it } from 'vitest';
import { newcomerAs } from './introductions.js';
import { readSentence } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

/** The description under which `speaker` came in, by one direction's sentences. */
const as = (speaker: string, ...sentences: string[]): string | null =>
  newcomerAs(
    sentences.map((s) => readSentence(s, 'KIT', "O'DONNELL", 'VAUGHN')),
    speaker,
    null,
  );

describe('newcomerAs', () => {
  it('takes the man or woman a direction brings in as the one who speaks next', () => {
    expect(as('TOBIAS', 'Up at the house, a bearded man speaks to a woman.')).toBe('BEARDED MAN');
    expect(as('HILDA', 'Kit sits.', 'A young woman comes in.')).toBe('YOUNG WOMAN');
    expect(as('MILO', 'A man grabs Kit from behind.')).toBe('MAN');
  });

  it('takes the man or woman the scene meets first as `the`, but not one met before', () => {
    expect(as('VANTIKA', 'The unconscious man grabs Kit by the throat.')).toBe('UNCONSCIOUS MAN');
    const met = new Set(['UNCONSCIOUS MAN']);
    const items = [readSentence('The unconscious man grabs Kit by the throat.', 'KIT')];
    expect(newcomerAs(items, 'VANTIKA', null, met)).toBeNull();
    expect(newcomerAs(items, 'VANTIKA', null, new Set(['MAN']))).toBeNull();
  });

  it('leaves out objects, appositions, pairs, members of a group and other roles', () => {
    expect(as('ROSE', 'A photograph of a laughing man.')).toBeNull();
    expect(as('CASS', "O'Donnell, a young lady with a cap, waves.")).toBeNull();
    expect(as('NONA', 'A man and a woman come out of hiding.')).toBeNull();
    expect(as('STUBBS', 'One of his men picks it up.')).toBeNull();
    expect(as('PACKER', 'A grey haired man - Vaughn - is watching.')).toBeNull();
    expect(as('PACKER', 'A tall man, Vaughn, enters.')).toBeNull();
    expect(as('KANG', 'A Klingon grabs Kit.')).toBeNull();
    // The direction ends on the newcomer who speaks: here a Sontaran, no boy.
    expect(as('STRAX', 'A little boy lies on a bed.', 'A Sontaran warrior enters.')).toBeNull();
  });

  it('leaves out labels that are roles, people the direction names and the other gender', () => {
    expect(as('OLD MAN', 'An old man enters.')).toBeNull();
    expect(as('GRAN', 'The man of the house enters.')).toBeNull();
    expect(as('KIT', 'A man enters with Kit.')).toBeNull();
    expect(as('MRS OLLIS', 'A man finds it.')).toBeNull();
    expect(newcomerAs([readSentence('A man enters.')], 'HILDA', 'f')).toBeNull();
  });
});
