import { describe, expect, it } from 'vitest';
import { suggest } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

describe('a person brought in by role who then speaks', () => {
  it('is the speaker whose first words come right after, for the rest of the scene', () => {
    expect(
      suggest(
        'OWEN: Quiet here.',
        '(Owen looks around when a woman bumps into him.)',
        'OWEN: Sorry.',
        '(She smiles.)',
        'MARA: Owen! It has been years.',
        '(She kisses Owen.)',
      ),
    ).toEqual(['6 kiss MARA>OWEN']);
  });

  it('stays a role when the next speaker was heard before, or is of another gender', () => {
    expect(
      suggest(
        'MARA: Quiet here.',
        'OWEN: It is.',
        '(A woman bumps into Owen and kisses him.)',
        'MARA: Careful!',
      ),
    ).toEqual(['3 kiss WOMAN>OWEN']);
    expect(
      suggest(
        'OWEN: Quiet here.',
        '(A woman bumps into Owen and kisses him.)',
        'BOYD: Owen! Is that your wife?',
        'OWEN: No, Mister Boyd.',
      ),
    ).toEqual(['2 kiss WOMAN>OWEN']);
  });
});

describe('a kind of being brought in', () => {
  it('stays that kind, whoever speaks next (`a Kazon` is one of many)', () => {
    expect(
      suggest(
        'OWEN: Quiet here.',
        '(A Kazon hits Owen.)',
        'SESKA: Take him.',
        '(The Kazon hits Owen.)',
      ),
    ).toEqual(['2 punch KAZON>OWEN', '4 punch KAZON>OWEN']);
  });
});

describe('a first name alone', () => {
  it('is the one person of the transcript named in full with it, when no character has it', () => {
    expect(
      suggest(
        'MARA: Who is at the door?',
        '(Owen comes in with the real Bobby Vance. Mara takes Bobby’s hand. She kisses Bobby.)',
      ),
    ).toEqual(['2 hold-hands MARA>BOBBY VANCE @hand', '2 kiss MARA>BOBBY VANCE']);
  });
});

describe('renaming', () => {
  it('drops an act whose two people turn out to be one', () => {
    expect(
      suggest('OWEN: Quiet.', '(A woman walks in. The woman hugs Mara.)', 'MARA: Hello!'),
    ).toEqual([]);
  });
});
