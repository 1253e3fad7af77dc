import { describe, expect, it } from 'vitest';
import { readSentence, refsOf } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

describe('findRefs', () => {
  it('finds characters by name, title and surname', () => {
    expect(
      refsOf(readSentence('The Professor hugs Captain Harker.', 'PROFESSOR', 'HARKER')),
    ).toEqual(['PROFESSOR', 'HARKER']);
    expect(refsOf(readSentence('Mara Quill waves.', 'MARA'))).toEqual(['MARA']);
  });

  it('reads a hyphenated name and a numbered speaker as one name', () => {
    expect(refsOf(readSentence('Tzim-Sha grabs Dean.', 'TZIM-SHA', 'DEAN'))).toEqual([
      'TZIM-SHA',
      'DEAN',
    ]);
    expect(refsOf(readSentence('Jack waves at Ko-Ren.', 'JACK'))).toEqual(['JACK', 'KO-REN']);
    expect(
      refsOf(readSentence('Steven tackles Monoid 2.', 'STEVEN', 'MONOID 2', 'MONOID 3')),
    ).toEqual(['STEVEN', 'MONOID 2']);
    // A number that is no speaker's: the name alone.
    expect(refsOf(readSentence('Steven gives Monoid 4 cards.', 'STEVEN', 'MONOID'))).toEqual([
      'STEVEN',
      'MONOID',
    ]);
  });

  it('names a person who never speaks as written, in capitals', () => {
    expect(refsOf(readSentence('Owen shoves Brannigan.', 'OWEN'))).toEqual(['OWEN', 'BRANNIGAN']);
  });

  it('reads pronouns with their case, and her before a noun as a possessive', () => {
    expect(refsOf(readSentence('She takes her hand and kisses him.'))).toEqual([
      'she',
      "her's",
      'him',
    ]);
    expect(refsOf(readSentence('He hugs her tightly.'))).toEqual(['he', 'her']);
    // Adjectives after `her` make it possessive only when a noun follows them.
    expect(refsOf(readSentence('He kisses her long and hard on the lips.'))).toEqual(['he', 'her']);
    expect(refsOf(readSentence('He strokes her long, dark hair.'))).toEqual(['he', "her's"]);
  });

  it('joins a list of names into one group', () => {
    expect(refsOf(readSentence('Elsa, Kit and Owen dance.', 'ELSA', 'KIT', 'OWEN'))).toEqual([
      'ELSA+KIT+OWEN',
    ]);
  });

  it('keeps two clauses apart when the second name starts a clause of its own', () => {
    expect(
      refsOf(readSentence('Elsa hugs Kit and Owen kisses her.', 'ELSA', 'KIT', 'OWEN')),
    ).toEqual(['ELSA', 'KIT', 'OWEN', 'her']);
  });

  it('skips a describing word before a name', () => {
    expect(refsOf(readSentence('Kit hugs young Elsa.', 'KIT', 'ELSA'))).toEqual(['KIT', 'ELSA']);
    // A name before a craft names the craft.
    expect(refsOf(readSentence('The Borg Sphere grabs Voyager.', 'BORG', 'VOYAGER'))).toEqual([
      'VOYAGER',
    ]);
    expect(refsOf(readSentence('The Vidiian ship grabs Voyager.', 'VIDIIAN', 'VOYAGER'))).toEqual([
      'VOYAGER',
    ]);
    // Unless a character is called so: `Old Niles` when OLD NILES speaks.
    expect(refsOf(readSentence('Old Niles hugs Elsa.', 'NILES', 'OLD NILES', 'ELSA'))).toEqual([
      'OLD NILES',
      'ELSA',
    ]);
    // Written in lower case, or after `the`: `young Niles`, `the new Doctor`.
    expect(refsOf(readSentence('Elsa hugs young Niles.', 'NILES', 'YOUNG NILES', 'ELSA'))).toEqual([
      'ELSA',
      'YOUNG NILES',
    ]);
    expect(
      refsOf(readSentence('The new Doctor hugs Elsa.', 'DOCTOR', 'NEW DOCTOR', 'ELSA')),
    ).toEqual(['NEW DOCTOR', 'ELSA']);
    expect(refsOf(readSentence('Kit hugs a sobbing Elsa.', 'KIT', 'ELSA'))).toEqual([
      'KIT',
      'ELSA',
    ]);
  });

  it('names people by role, keeping the words a reader would use', () => {
    expect(refsOf(readSentence('A young man steps forward.'))).toEqual(['YOUNG MAN']);
    expect(refsOf(readSentence('The guard grabs her.'))).toEqual(['GUARD', 'her']);
    // `other` tells more of a kind, not a post: WARRIORS; one of two stays OTHER GUARD.
    expect(refsOf(readSentence('The other warriors push her.'))).toEqual(['WARRIORS', 'her']);
    expect(refsOf(readSentence('The other guard grabs her.'))).toEqual(['OTHER GUARD', 'her']);
    expect(refsOf(readSentence('A crewmember falls.'))).toEqual(['CREWMEMBER']);
    expect(refsOf(readSentence('The spy hits the wench.'))).toEqual(['SPY', 'WENCH']);
    expect(refsOf(readSentence('The galley master grabs Kit.', 'KIT'))).toEqual([
      'GALLEY MASTER',
      'KIT',
    ]);
    expect(refsOf(readSentence('A prison officer hits Kit.', 'KIT'))).toEqual([
      'PRISON OFFICER',
      'KIT',
    ]);
    expect(refsOf(readSentence('Kit shakes hands with the delegates.', 'KIT'))).toEqual([
      'KIT',
      'DELEGATES',
    ]);
  });

  it('names a person by relation after a possessive', () => {
    expect(refsOf(readSentence('She kisses her husband.'))).toEqual(['she', 'HUSBAND']);
    expect(refsOf(readSentence('He grabs his son by the arm.'))).toEqual(['he', 'SON']);
    expect(refsOf(readSentence("Kit's mother hugs him.", 'KIT'))).toEqual(["KIT'S MOTHER", 'him']);
    expect(refsOf(readSentence("Elsa's husband grabs Kit's arm.", 'Elsa', 'KIT'))).toEqual([
      "Elsa's Husband",
      "KIT's",
    ]);
  });

  it('reads capitalised words joined by hyphens as one name when they act', () => {
    expect(refsOf(readSentence('Vel-Tor grabs Kit.', 'KIT'))).toEqual(['VEL-TOR', 'KIT']);
    expect(
      refsOf(readSentence('Kit watches as Not-So-bright kisses Elsa.', 'KIT', 'ELSA')),
    ).toEqual(['KIT', 'NOT-SO-BRIGHT', 'ELSA']);
    // A thing may be written so too: not where it is acted on.
    expect(refsOf(readSentence('Kit grabs Hi-Fi.', 'KIT'))).toEqual(['KIT']);
  });

  it('reads a title with its dot as part of the name', () => {
    expect(refsOf(readSentence('He sees Mrs. Vellum.'))).toEqual(['he', 'MRS VELLUM']);
    expect(refsOf(readSentence('Kit kisses Dr. Owen.', 'KIT', 'OWEN'))).toEqual(['KIT', 'OWEN']);
  });

  it('reads a plural role as one collective doer', () => {
    const items = readSentence('Guards grab him.');
    expect(refsOf(items)).toEqual(['GUARDS', 'him']);
    const guards = items[0]!;
    expect(guards.kind === 'ref' && guards.ref.plural).toBe(true);
  });

  it('takes a capitalised being that acts for a participant, but not a capitalised thing', () => {
    expect(refsOf(readSentence('A Vorlax grabs Elsa.', 'ELSA'))).toEqual(['VORLAX', 'ELSA']);
    expect(refsOf(readSentence('Elsa grabs the Vorlax Key.', 'ELSA'))).toEqual(['ELSA']);
  });

  it('reads each other and both as plural people', () => {
    expect(refsOf(readSentence('They look at each other.'))).toEqual(['they', 'reciprocal']);
    expect(refsOf(readSentence('Both laugh.'))).toEqual(['plural']);
  });

  it('finds a person behind a participle or an adjective the tagger took for a noun', () => {
    expect(refsOf(readSentence('Kit hugs the weeping Elsa.', 'KIT', 'ELSA'))).toEqual([
      'KIT',
      'ELSA',
    ]);
    expect(refsOf(readSentence('Kit hugs a sobbing Elsa.', 'KIT', 'ELSA'))).toEqual([
      'KIT',
      'ELSA',
    ]);
    expect(refsOf(readSentence('Kit grabs the frightened guard.', 'KIT', 'GUARD'))).toEqual([
      'KIT',
      'GUARD',
    ]);
    expect(refsOf(readSentence('Kit comforts the sobbing girl.', 'KIT'))).toEqual([
      'KIT',
      'SOBBING GIRL',
    ]);
    // Someone speaking as MAN is a man, not every man described.
    expect(refsOf(readSentence('Kit grabs the scarred man.', 'KIT', 'MAN'))).toEqual([
      'KIT',
      'SCARRED MAN',
    ]);
  });

  it('does not take a body part after a possessive for a person', () => {
    expect(refsOf(readSentence('Kit grabs his wrist.', 'KIT'))).toEqual(['KIT', "his's"]);
  });
});

describe('findRefs on one member of a group', () => {
  it('reads `one of the guards` as one guard, and `one of her drones` as one drone', () => {
    expect(refsOf(readSentence('One of the guards grabs Kit.', 'KIT'))).toEqual(['GUARD', 'KIT']);
    expect(refsOf(readSentence('One of the Daleks shoves Kit.', 'KIT'))).toEqual(['DALEK', 'KIT']);
    expect(refsOf(readSentence('One of her drones grabs a woman.'))).toEqual(['DRONE', 'WOMAN']);
  });
});

describe('findRefs on places', () => {
  it('reads a capitalised word after `in` or `from` as no person, unless it owns something', () => {
    expect(refsOf(readSentence('The house in Buckinghamshire burns.'))).toEqual([]);
    expect(refsOf(readSentence('A letter from Fenwick arrives.'))).toEqual([]);
    expect(refsOf(readSentence('She lies in Lynda’s arms.'))).toEqual(['she', "LYNDA's"]);
  });
});
