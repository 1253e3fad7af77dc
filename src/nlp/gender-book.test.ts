import { describe, expect, it } from 'vitest';
import { GenderBook } from './gender-book.js';
import { PeopleIndex } from './people-index.js';
import { readSentence } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

const CAST = ['ZOLAN', 'TAVI', 'MRS PRAGG'];

function book(): GenderBook {
  return new GenderBook(new PeopleIndex(CAST.map((name) => ({ name, aliases: [] }))));
}

describe('GenderBook', () => {
  it('learns a gender from a pronoun that follows a sentence naming one person', () => {
    const g = book();
    for (let i = 0; i < 2; i++)
      g.learn(readSentence('She smiles.', ...CAST), null, { names: ['TAVI'], pronouns: [] });
    expect(g.genderOf('TAVI')).toBe('f');
  });

  it("keeps an episode's own clear reading over the series' (a film filed with other episodes)", () => {
    const people = new PeopleIndex(CAST.map((name) => ({ name, aliases: [] })));
    const g = new GenderBook(people, new Map([['TAVI', 'f']]));
    const learn = (n: number): void => {
      for (let i = 0; i < n; i++)
        g.learn(readSentence('He smiles.', ...CAST), null, { names: ['TAVI'], pronouns: [] });
    };
    // A few votes against the series leave it open; many settle it for this episode.
    learn(2);
    expect(g.genderOf('TAVI')).toBeNull();
    learn(3);
    expect(g.genderOf('TAVI')).toBe('m');
  });

  it("lets the series outweigh an episode's titles that it heard and decided against", () => {
    const people = new PeopleIndex(CAST.map((name) => ({ name, aliases: [] })));
    const g = new GenderBook(people, new Map([['TAVI', 'f']]));
    g.voteTitle('TAVI', 'm');
    g.voteTitle('TAVI', 'm');
    expect(g.genderOf('TAVI')).toBe('f');
    expect(book().genderOf('TAVI')).toBeNull();
  });

  it('does not trust a single vote', () => {
    const g = book();
    g.learn(readSentence('He smiles.', ...CAST), null, { names: ['ZOLAN'], pronouns: [] });
    expect(g.genderOf('ZOLAN')).toBeNull();
  });

  it('does not vote when the pronoun may pick up a pronoun before it', () => {
    const g = book();
    for (let i = 0; i < 3; i++)
      g.learn(readSentence('She cries.', ...CAST), null, { names: ['ZOLAN'], pronouns: ['f'] });
    expect(g.genderOf('ZOLAN')).toBeNull();
  });

  it('reads titles and common first names', () => {
    const g = book();
    g.learn(readSentence('Mrs Pragg waves.', ...CAST), null, { names: [], pronouns: [] });
    expect(g.genderOf('MRS PRAGG')).toBe('f');
    expect(g.genderOf('SARAH')).toBe('f');
    expect(g.genderOf('JOHN')).toBe('m');
  });

  it('reads the first name a person is called by (`Beverly` for CRUSHER)', () => {
    const people = new PeopleIndex([
      { name: 'ZOLAN', aliases: ['Zolan', 'Sarah'] },
      { name: 'KESS', aliases: ['Sarah', 'John'] },
    ]);
    const g = new GenderBook(people);
    expect(g.genderOf('ZOLAN')).toBe('f');
    // First names that disagree tell nothing.
    expect(g.genderOf('KESS')).toBeNull();
  });

  it('lets the canon give a gender outright', () => {
    const g = new GenderBook(new PeopleIndex([{ name: 'ZOLAN', aliases: [], gender: 'f' }]));
    expect(g.genderOf('ZOLAN')).toBe('f');
  });

  it('reads a thing of his or hers right after a name as the named person’s own', () => {
    const g = book();
    g.learn(readSentence('Zolan checks his scanner.', ...CAST), null, { names: [], pronouns: [] });
    g.learn(readSentence('Zolan pockets his tablet.', ...CAST), null, { names: [], pronouns: [] });
    expect(g.genderOf('ZOLAN')).toBe('m');
  });

  it('does not read a body part after a name as the named person’s own', () => {
    const g = book();
    for (let i = 0; i < 3; i++)
      g.learn(readSentence('Tavi takes his hand.', ...CAST), null, { names: [], pronouns: [] });
    expect(g.genderOf('TAVI')).toBeNull();
  });

  it('lets titles that agree outweigh a first-name list', () => {
    const g = book();
    expect(g.genderOf('SARAH')).toBe('f');
    g.voteTitle('SARAH', 'm');
    g.voteTitle('SARAH', 'm');
    expect(g.genderOf('SARAH')).toBe('m');
  });

  it('reads a name ending in a person noun as that person’s gender, not a plural one', () => {
    const g = book();
    expect(g.genderOf('FERRYMAN')).toBe('m');
    expect(g.genderOf('OLD WOMAN')).toBe('f');
    expect(g.genderOf('GRAN')).toBe('f');
    expect(g.genderOf('HUMAN')).toBeNull();
    expect(g.genderOf('SANDMEN')).toBeNull();
  });

  it('learns from a clause that goes on with he or she after one name', () => {
    const g = book();
    const none = { names: [], pronouns: [] };
    g.learn(readSentence('Tavi stares at the map, and she sighs.', ...CAST), null, none);
    g.learn(readSentence('Tavi opens the hatch; she climbs out.', ...CAST), null, none);
    expect(g.genderOf('TAVI')).toBe('f');
    const h = book();
    h.learn(readSentence('Tavi hands Zolan the map, and he nods.', ...CAST), null, none);
    h.learn(readSentence('Tavi hands Zolan the map, and he nods.', ...CAST), null, none);
    expect(h.genderOf('TAVI')).toBeNull();
  });

  it('reads an owner after an auxiliary and an adverb', () => {
    const g = book();
    const none = { names: [], pronouns: [] };
    g.learn(readSentence('Zolan is still packing his bag.', ...CAST), null, none);
    g.learn(readSentence('Zolan was slowly folding his map.', ...CAST), null, none);
    expect(g.genderOf('ZOLAN')).toBe('m');
  });

  it('takes no owner from a verb that goes into a place', () => {
    const g = book();
    const none = { names: [], pronouns: [] };
    for (let i = 0; i < 3; i++)
      g.learn(readSentence('Tavi enters his office.', ...CAST), null, none);
    expect(g.genderOf('TAVI')).toBeNull();
  });

  it('does not give a reflexive to the name when a pronoun comes first', () => {
    const g = book();
    const none = { names: [], pronouns: [] };
    for (let i = 0; i < 3; i++)
      g.learn(
        readSentence('As he talks he trips himself up and Tavi laughs.', ...CAST),
        null,
        none,
      );
    expect(g.genderOf('TAVI')).toBeNull();
  });

  it('reads he or she after the sentence just before when the direction names more people', () => {
    const g = book();
    const before = { names: ['ZOLAN', 'TAVI'], pronouns: [], last: ['TAVI'] };
    g.learn(readSentence('She sighs.', ...CAST), null, before);
    g.learn(readSentence('She sighs.', ...CAST), null, before);
    expect(g.genderOf('TAVI')).toBe('f');
    expect(g.genderOf('ZOLAN')).toBeNull();
  });

  it('gives a direction inside a speech less weight, and none after a name called', () => {
    const g = book();
    const none = { names: [], pronouns: [] };
    for (let i = 0; i < 2; i++) g.learn(readSentence('She nods.', ...CAST), 'ZOLAN', none);
    expect(g.genderOf('ZOLAN')).toBeNull();
    for (let i = 0; i < 4; i++) g.learn(readSentence('He nods.', ...CAST), 'TAVI', none, 'ZOLAN');
    expect(g.genderOf('TAVI')).toBeNull();
    for (let i = 0; i < 4; i++) g.learn(readSentence('He nods.', ...CAST), 'TAVI', none);
    expect(g.genderOf('TAVI')).toBe('m');
  });
});
