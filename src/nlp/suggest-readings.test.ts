import { describe, expect, it } from 'vitest';
import { REVIEW_THRESHOLD } from './confidence.js';
import { isNoOnePresent } from './person-nouns.js';
import { suggestMoments } from './suggest-moments.js';
import { brief, DEFAULT_CODEBOOK, script, suggest } from './test-helpers.js';

/** Suggestions as `brief` does, each marked as offered for review or kept under the threshold. */
const all = (...rows: string[]) =>
  suggestMoments({
    episode: 'E1',
    file: 'e1.txt',
    lines: script(...rows),
    characters: [],
    codebook: DEFAULT_CODEBOOK,
  }).map((s) => `${brief(s)} ${s.confidence >= REVIEW_THRESHOLD ? 'offered' : 'kept'}`);

// Sentences written for these tests; none is copied from a transcript.

describe('suggestMoments on who the doers are', () => {
  it('reads two names before a plural verb as its subject, even after a clause', () => {
    expect(suggest('OWEN: No.', '(He turns to flee, but Elsa and Mara seize him.)')).toEqual([
      '2 grab ELSA>OWEN',
      '2 grab MARA>OWEN',
    ]);
  });

  it('reads a counted being written with -s as a plural doer', () => {
    expect(suggest('ELSA: Let go!', '(Three Vorbs grab Elsa and drag her off.)')).toEqual([
      '2 grab VORBS>ELSA',
    ]);
  });

  it('reads `them` as a group of names met just before', () => {
    expect(suggest('KIT: Hi.', '(Owen pulls Kit and Elsa close, and kisses them both.)')).toEqual([
      '2 kiss OWEN>KIT+ELSA',
    ]);
  });

  it('reads legs among the body parts one grabs', () => {
    expect(suggest('(Elsa slips. Owen grabs her legs.)')).toEqual(['1 grab OWEN>ELSA @leg']);
  });
});

describe('suggestMoments on a passive without an agent', () => {
  it('takes the other party of the clause before as the agent', () => {
    expect(suggest('(Kit reaches for the Zorg’s blaster and gets shoved aside.)')).toEqual([
      '1 shove ZORG>KIT',
    ]);
    expect(suggest('(Owen grabs Elsa and she is pushed into the cell.)')).toEqual([
      '1 grab OWEN>ELSA',
      '1 shove OWEN>ELSA',
    ]);
  });

  it('implies no agent after `before`, nor when the clause before has no written doer', () => {
    expect(suggest('(Kit kicks Owen before he is hit from behind.)')).toEqual([
      '1 punch KIT>OWEN',
      '1 punch ?>OWEN',
    ]);
    expect(suggest('(Owen waves. Against his will, he is pushed away.)')).toEqual([
      '1 shove ?>OWEN',
    ]);
  });
});

describe('suggestMoments on who a pronoun can be', () => {
  it('reads a name only spoken of in the speech before as no likely referent', () => {
    expect(
      suggest('OWEN: Take this to Kit.', 'ELSA: Right, Owen. Goodbye.', '(She shakes his hand.)'),
    ).toEqual(['3 handshake ELSA>OWEN @hand']);
  });

  it('never reads a machine or a chorus of speakers as him or her', () => {
    expect(isNoOnePresent('COMPUTER')).toBe(true);
    expect(isNoOnePresent('MALE VOICE')).toBe(true);
    expect(isNoOnePresent('ALL')).toBe(true);
    expect(isNoOnePresent('ALLIE')).toBe(false);
    expect(suggest('ELSA: Ready.', 'OWEN: Computer, lights.', '(Owen takes her hand.)')).toEqual([
      '3 hold-hands OWEN>ELSA @hand',
    ]);
  });
});

describe('suggestMoments on act words', () => {
  it('reads shaking a person as a grab, but not being shaken', () => {
    expect(suggest('KIT: Wake up!', '(Elsa shakes Kit hard.)')).toEqual(['2 grab ELSA>KIT']);
    expect(suggest('(Elsa shakes Kit’s shoulder.)')).toEqual(['1 grab ELSA>KIT @shoulder']);
    expect(suggest('(Elsa is shaken.)', '(Kit shakes his head.)')).toEqual([]);
  });

  it('reads taking someone down as a tackle, not taking them down somewhere', () => {
    expect(suggest('OWEN: Run!', '(Elsa finally takes him down.)')).toEqual(['2 grab ELSA>OWEN']);
    expect(suggest('OWEN: Where?', '(Elsa takes him down to the cellar.)')).toEqual([]);
  });

  it('reads no kiss in an air kiss', () => {
    expect(suggest('OWEN: Bye.', '(Elsa air-kisses Owen.)')).toEqual([]);
  });

  it('reads a bare act noun with a body part, or with describing words, in a speech', () => {
    expect(suggest('OWEN: Bye.', 'ELSA: (kiss on cheek)')).toEqual(['2 kiss *ELSA+OWEN @cheek']);
    expect(suggest('OWEN: Well.', 'ELSA: (a soft but lingering kiss)')).toEqual([
      '2 kiss *ELSA+OWEN',
    ]);
  });

  it('reads an act noun after a possessive and a describing word as no verb', () => {
    expect(suggest('(Kit and Mara see the pair in their close embrace.)')).toEqual([]);
  });
});

describe('suggestMoments on genders the transcript tells', () => {
  it('learns a gender from titles in speech over the first-name lists', () => {
    // `Kim` is a woman's name in the lists; the speeches call him Mister Kim.
    const rows = ['NELA: Mister Kim, report.', 'KIM: Yes.', 'NELA: Thank you, Mister Kim.'];
    expect(suggest(...rows, '(She strokes his cheek.)')).toEqual(['4 touch-face NELA>KIM @cheek']);
  });

  it('reads a pronoun opening a direction right after one that names one person', () => {
    const rows = ['(Zolan enters.)', '(He sits.)', '(Zolan waits.)', '(He yawns.)'];
    expect(suggest('TAVI: Hi.', 'ZOLAN: Hi.', ...rows, '(She strokes his hair.)')).toEqual([
      '7 caress TAVI>ZOLAN @hair',
    ]);
  });
});

describe('suggestMoments on holds and groups', () => {
  it('reads a person held in a bear hug as grabbed, a bear hug given as a hug', () => {
    expect(suggest('(Owen gets Kit in a crushing bear hug.)')).toEqual(['1 grab OWEN>KIT']);
    expect(suggest('(Owen gives Kit a bear hug.)')).toEqual(['1 hug OWEN>KIT']);
  });

  it('reads `the girls` as the two women of the conversation, or no one', () => {
    const talk = ['ELSA: Goodbye, Mara.', 'MARA: Goodbye.'];
    expect(suggest(...talk, '(The girls hug.)')).toEqual(['3 hug *ELSA+MARA']);
    expect(suggest(...talk, '(The men hug.)')).toEqual([]);
  });
});

describe('suggestMoments on people named after a pronoun', () => {
  it('reads `he` as nobody the same sentence names only later', () => {
    expect(
      suggest(
        'OWEN: This cake is perfect.',
        'ELSA: Not before dinner, it is not.',
        '(He reaches for a slice, but Elsa taps his hand away.)',
        '(He reaches again, but Elsa slaps his hand away.)',
      ),
    ).toEqual(['4 slap ELSA>OWEN @hand']);
  });

  it('lets `him` or `her` be someone the same sentence names later', () => {
    const talk = ['MARA: Hello, Owen.', 'KIT: Hi.', 'OWEN: Mara.'];
    expect(suggest(...talk, '(Owen kisses her, then Mara pushes him away.)')).toEqual([
      '4 kiss OWEN>MARA',
      '4 shove MARA>OWEN',
    ]);
    expect(suggest(...talk, '(Mara grabs his ear and Owen kneels.)')).toEqual([
      '4 grab MARA>OWEN @ear',
    ]);
  });

  it('lets a fronted `as` clause point to the main clause after it', () => {
    expect(suggest('KIT: Careful!', '(As he stumbles, Owen grabs Kit.)')).toEqual([
      '2 grab OWEN>KIT',
    ]);
  });

  it('keeps someone who comes in later out of `they`', () => {
    expect(
      suggest(
        'OWEN: I will call you.',
        'ELSA: You had better.',
        '(They kiss just before Kit enters.)',
        'KIT: Am I interrupting?',
      ),
    ).toEqual(['3 kiss *ELSA+OWEN']);
  });

  it('lets `they` take in someone named later who was there', () => {
    expect(
      suggest(
        'OWEN: Goodbye, then.',
        'ELSA: Goodbye.',
        '(They kiss and Elsa leaves.)',
        'KIT: Finally.',
      ),
    ).toEqual(['3 kiss *ELSA+OWEN']);
  });
});

describe('suggestMoments on partners and subjects', () => {
  it('shakes hands with the one just spoken to', () => {
    expect(suggest('OWEN: Owen Vance.', 'ELSA: (shakes hand)')).toEqual([
      '2 handshake ELSA>OWEN @hand',
    ]);
  });

  it('keeps the named subject past a described role and a verb of moving', () => {
    expect(
      suggest('KIT: Hello.', '(Owen, a stocky bearded man, walks to Kit and shakes his hand.)'),
    ).toEqual(['2 handshake OWEN>KIT @hand']);
  });
});

describe('suggestMoments on holding, lunging and blows to the face', () => {
  it('reads a person held, with the sentence ending there, as a hug', () => {
    expect(suggest('MARA: I am scared.', 'OWEN: (holds her)')).toEqual(['2 hug OWEN>MARA']);
    // Held back is restrained, not hugged.
    expect(suggest('MARA: Let go!', '(Owen holds her back.)')).toEqual(['2 grab OWEN>MARA']);
    expect(suggest('MARA: Let go!', '(Owen holds her at arm’s length.)')).toEqual([]);
    expect(suggest('OWEN: Oh.', '(Mara is holding Owen.)')).toEqual(['2 hug MARA>OWEN']);
    expect(suggest('(Owen looks over to a woman holding Mara.)')).toEqual([]);
  });

  it('reads a motion verb after a name as the verb, so the name stays the subject', () => {
    expect(suggest('MARA: Stop!', '(Owen lunges at Mara and grabs her by the throat.)')).toEqual([
      '2 grab OWEN>MARA @neck',
    ]);
  });

  it('never reads a slap on the face as the doer’s own', () => {
    expect(suggest('QUORN: You cheated.', 'OWEN: So?', '(Owen slaps his face.)')).toEqual([
      '3 slap OWEN>QUORN @face',
    ]);
    expect(suggest('QUORN: You cheated.', '(Owen slaps his thigh and laughs.)')).toEqual([]);
  });
});

describe('suggestMoments on being knocked down', () => {
  it('reads being knocked down as a blow, from the other party of the clause before', () => {
    expect(suggest('(Kit tries to take Owen’s gun, and is knocked down.)')).toEqual([
      '1 punch OWEN>KIT',
    ]);
  });

  it('suggests nothing when nothing says who knocked someone down', () => {
    expect(suggest('KIT: Look out!', '(A console explodes and Kit is knocked out.)')).toEqual([]);
  });

  it('reads being hit with nobody named as a shot, unless it lands on the body', () => {
    expect(suggest('KIT: Fire!', '(There is an explosion. Kit is hit.)')).toEqual([]);
    expect(suggest('KIT: Look!', '(Kit gets hit over the head.)')).toEqual(['2 punch ?>KIT']);
  });

  it('takes the other of two who struggle as the one who knocks the first out', () => {
    expect(
      suggest('KIT: Give it back!', 'OWEN: Never.', '(They struggle before Kit is knocked out.)'),
    ).toEqual(['3 punch OWEN>KIT']);
  });
});

describe('suggestMoments on a body part of someone a pronoun just named', () => {
  it('reads `his hand` as the hand of the `he` before, when the doer’s gender is not known', () => {
    expect(
      suggest(
        'QUORN: This cake is perfect.',
        'ZEBRIKA: Not before dinner.',
        'QUORN: Oh well.',
        '(He reaches for another bite, but Zebrika slaps his hand away.)',
      ),
    ).toEqual(['4 slap ZEBRIKA>QUORN @hand']);
  });
});

describe('suggestMoments on pulling someone away', () => {
  it('reads pulling a person back or aside as a grab, not pulling them close', () => {
    expect(suggest('(Mara pulls Owen back from the edge.)')).toEqual(['1 grab MARA>OWEN']);
    expect(suggest('(Mara pulls Owen aside.)')).toEqual(['1 grab MARA>OWEN']);
    expect(suggest('(Mara pulls Owen close.)')).toEqual([]);
  });
});

describe('suggestMoments on subjects with phrases after them', () => {
  it('keeps a described subject past a phrase after it, named by its noun', () => {
    expect(
      suggest('(A man runs. A tall grey-skinned alien with heavy brows knocks him down.)'),
    ).toEqual(['1 punch ALIEN>MAN']);
    expect(suggest('KIT: Help!', '(The guard behind Mara grabs Kit.)')).toEqual([
      '2 grab GUARD>KIT',
    ]);
  });

  it('carries the subject of a `who` clause into the clause joined to it', () => {
    expect(
      suggest('OWEN: Go on.', '(Kit returns to Mara, who pulls him to her and kisses him.)'),
    ).toEqual(['2 kiss MARA>KIT']);
  });
});

describe('suggestMoments on people found in a kiss or an embrace', () => {
  it('reads two people in a kiss, an embrace or a clinch as a shared act, whatever opens the sentence', () => {
    const read = (direction: string) => suggest('KIT: Hi.', 'MARA: Hi.', direction);
    expect(read('(The doors open to reveal Kit and Mara in a passionate kiss.)')).toEqual([
      '3 kiss *KIT+MARA',
    ]);
    expect(read('(Kit and Mara are locked in an embrace.)')).toEqual(['3 hug *KIT+MARA']);
    expect(read('(Owen sees Kit and Mara in a clinch.)')).toEqual(['3 hug *KIT+MARA']);
    // One person taken in a kiss is the light verb's, a bear hug a hold.
    expect(read('(Kit takes Mara in a passionate kiss.)')).toEqual(['3 kiss KIT>MARA']);
    expect(read('(The lift opens on Kit and Mara in a bear hug.)')).toEqual([]);
    // Their embrace, whatever the verb.
    expect(read('(Their passionate embrace is interrupted.)')).toEqual(['3 hug *KIT+MARA']);
  });
});

describe('suggestMoments on an act received', () => {
  it('takes the giver from the clause before or the talk, else leaves it under the threshold', () => {
    expect(all('KIT: Hi.', '(Kit tries to stop Owen, but gets a punch in the stomach.)')).toEqual([
      '2 punch OWEN>KIT offered',
    ]);
    // A hug, a kiss or a handshake: from the one person of the talk the direction leaves out.
    expect(all('KIT: Daddy!', 'OWEN: Hi.', '(Kit gets a hug.)')).toEqual([
      '3 hug OWEN>KIT offered',
    ]);
    expect(
      all('KIT: Dad!', 'OWEN: Hi.', 'MARA: Hi.', '(Kit gets a hug, Mara gets a kiss.)'),
    ).toEqual(['4 hug OWEN>KIT offered', '4 kiss OWEN>MARA offered']);
    expect(all('KIT: Dad!', 'OWEN: Hi.', 'MARA: Hi.', '(Kit gets a hug.)')).toEqual([
      '4 hug ?>KIT kept',
    ]);
  });
});

describe('suggestMoments on a kiss or an embrace ended', () => {
  it('reads one as shared by those who end it, under the review threshold when one does', () => {
    const read = (direction: string) => all('KIT: Hi.', 'MARA: Oh.', direction);
    expect(read('(Kit and Mara break the embrace.)')).toEqual(['3 hug *KIT+MARA offered']);
    expect(read('(Kit comes out of the hug, confused.)')).toEqual(['3 hug *KIT+MARA kept']);
    expect(read('(Mara breaks off the kiss.)')).toEqual(['3 kiss *KIT+MARA kept']);
    // The act ended is the one just told, not a second.
    expect(read('(Kit kisses Mara. They break the clinch.)')).toEqual(['3 kiss KIT>MARA offered']);
    expect(read('(Kit does not break the embrace.)')).toEqual([]);
    // Told a few lines before, the one ended is with whom it was told.
    expect(
      all('KIT: Hi.', 'MARA: Oh.', '(Kit hugs Mara.)', 'OWEN: Well.', '(Kit breaks the hug.)'),
    ).toEqual(['3 hug KIT>MARA offered', '5 hug *KIT+MARA offered']);
  });
});

describe("suggestMoments on someone's arms", () => {
  it('reads running or falling in tears into them as a hug, dying in them as theirs', () => {
    const read = (direction: string) => suggest('KIT: Hey.', 'MARA: Hi.', direction);
    expect(read("(Mara runs into Kit's arms.)")).toEqual(['3 hug MARA>KIT']);
    expect(read('(She rushes straight into his arms.)')).toEqual(['3 hug MARA>KIT']);
    expect(read("(Mara falls sobbing into Kit's arms.)")).toEqual(['3 hug MARA>KIT']);
    expect(read("(Mara dies in Kit's arms.)")).toEqual(['3 hug KIT>MARA']);
    // Caught, not embraced.
    expect(read("(Mara faints into Kit's arms.)")).toEqual([]);
    expect(read("(Mara falls into Kit's arms.)")).toEqual([]);
    expect(read("(Mara tries to run into Kit's arms.)")).toEqual([]);
  });
});

describe('suggestMoments on a hand held out', () => {
  it('reads `it` after a hand held out in the sentence before as that hand', () => {
    expect(suggest('KIT: Come.', '(Kit holds out his hand. Mara takes it.)')).toEqual([
      '2 hold-hands MARA>KIT @hand',
    ]);
    expect(suggest('KIT: Hi.', '(Kit offers his hand. Mara shakes it.)')).toEqual([
      '2 handshake MARA>KIT @hand',
    ]);
    // Taken with a hello after it: shaken, not held.
    expect(suggest('KIT: Well.', '(Kit offers his hand. Mara takes it.)', 'MARA: Hi!')).toEqual([
      '2 handshake MARA>KIT @hand',
    ]);
    // Only a hand held out, and only to be taken: not any part named before.
    expect(suggest('KIT: Ow.', '(Kit clutches his hand. Mara kicks it away.)')).toEqual([]);
    expect(suggest('KIT: Hi.', '(Kit holds out his hand. Mara kicks it.)')).toEqual([]);
  });
});

describe('suggestMoments on holding on to someone', () => {
  it('reads hanging on to or clinging to a person as a grab, not hanging up', () => {
    expect(suggest('(Kit slips. Mara hangs onto Kit.)')).toEqual(['1 grab MARA>KIT']);
    expect(suggest('(Mara hangs on to Kit’s arm.)')).toEqual(['1 grab MARA>KIT @arm']);
    expect(suggest('(Mara clings to Kit.)')).toEqual(['1 grab MARA>KIT']);
    expect(suggest('KIT: Bye.', '(Mara hangs up on Kit.)')).toEqual([]);
  });

  it('reads holding onto a part as holding it, and leaves holding on to a person alone', () => {
    expect(suggest('(Mara is holding onto Kit’s hand.)')).toEqual(['1 hold-hands MARA>KIT @hand']);
    expect(suggest('(Mara holds on to Kit’s face.)')).toEqual(['1 touch-face MARA>KIT @face']);
    expect(suggest('(Mara holds on to Kit.)')).toEqual([]);
  });
});

describe('suggestMoments on `it` for a creature', () => {
  it('reads `it` acting on a person as the creature the direction named', () => {
    expect(suggest('KIT: Hello?', '(The Rutan reaches the top. It grabs Kit.)')).toEqual([
      '2 grab RUTAN>KIT',
    ]);
    expect(
      suggest('KIT: Mara?', '(Kit sees Mara change into a Zygon. It seizes Kit by the throat.)'),
    ).toEqual(['2 grab ZYGON>KIT @neck']);
    expect(suggest('KIT: Hello?', '(Kit opens the box. It hits Kit.)')).toEqual([]);
  });
});

describe('suggestMoments on who falls after a blow', () => {
  it('reads `he` falling right after a blow as the one struck', () => {
    expect(
      suggest(
        'KIT: I will not help you.',
        'OWEN: Fine.',
        '(Owen knocks out Kit. He falls and grabs Mara’s arm.)',
      ),
    ).toEqual(['3 punch OWEN>KIT', '3 grab KIT>MARA @arm']);
  });
});

describe('suggestMoments on acts done to each other', () => {
  const read = (direction: string) => suggest('KIT: Hi.', 'MARA: Hi.', direction);

  it('reads holding on to each other, or being in each other’s arms, as a hug they share', () => {
    expect(read('(Kit and Mara hold each other.)')).toEqual(['3 hug *KIT+MARA']);
    expect(read('(They clutch each other.)')).toEqual(['3 hug *KIT+MARA']);
    expect(read('(They cling to one another.)')).toEqual(['3 hug *KIT+MARA']);
    expect(read('(Still holding onto each other, they laugh.)')).toEqual(['3 hug *KIT+MARA']);
    expect(read("(Kit and Mara are asleep in each other's arms.)")).toEqual(['3 hug *KIT+MARA']);
    expect(read('(They fall into each other’s arms.)')).toEqual(['3 hug *KIT+MARA']);
    // Each other's hands, or cheeks, are not each other.
    expect(read("(They hold each other's hands.)")).toEqual(['3 hold-hands *KIT+MARA @hand']);
    expect(read("(They kiss each other's cheeks.)")).toEqual(['3 kiss *KIT+MARA']);
    expect(read("(They look into each other's eyes.)")).toEqual([]);
  });

  it('reads `have` with an act noun as a light verb, and a bear hug had as a hold', () => {
    expect(read('(Kit and Mara have a big hug.)')).toEqual(['3 hug *KIT+MARA']);
    expect(read('(They have a long, passionate kiss.)')).toEqual(['3 kiss *KIT+MARA']);
    expect(read('(Owen has Kit in a bear hug.)')).toEqual(['3 grab OWEN>KIT']);
    expect(read('(Kit has a kiss for everyone.)')).toEqual([]);
    // Describing words between `with` and the act noun.
    expect(read('(Mara greets Kit with a slow, loving hug.)')).toEqual(['3 hug MARA>KIT']);
  });

  it('reads making out as kissing, and making out a shape as no act', () => {
    expect(read('(They start to make out.)')).toEqual(['3 kiss *KIT+MARA']);
    expect(read('(Kit and Mara are making out on the couch.)')).toEqual(['3 kiss *KIT+MARA']);
    expect(read("(They're making out on the couch.)")).toEqual(['3 kiss *KIT+MARA']);
    expect(read('(Kit makes out with Mara.)')).toEqual(['3 kiss *KIT+MARA']);
    expect(read('(They can just make out the shape of a ship.)')).toEqual([]);
    expect(read('(Kit makes out.)')).toEqual([]);
  });

  it('reads shaking on it as a handshake', () => {
    expect(read('(They shake on it.)')).toEqual(['3 handshake *KIT+MARA @hand']);
    expect(read('(Kit shakes on it.)')).toEqual(['3 handshake KIT>MARA @hand']);
  });
});
