import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../domain/moment.js';
import { suggestMoments } from './suggest-moments.js';
import { brief, DEFAULT_CODEBOOK, script, suggest } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

/** Suggestions for one direction read after the speeches `talk`. */
const after =
  (...talk: string[]) =>
  (direction: string): string[] =>
    suggest(...talk, `(${direction})`);

describe('suggestMoments', () => {
  it('reads an explicit act with its doer and the person it is done to', () => {
    expect(suggest('(Mara slaps Tobias.)', 'TOBIAS: Ow.')).toEqual(['1 slap MARA>TOBIAS']);
  });

  it('reads beings of science fiction as doers, as people are', () => {
    expect(suggest('NEELIX: Who is there?', '(The lifeform knocks out Neelix.)')).toEqual([
      '2 punch LIFEFORM>NEELIX',
    ]);
    expect(suggest('NEELIX: Who is there?', '(An entity grabs Neelix.)')).toEqual([
      '2 grab ENTITY>NEELIX',
    ]);
  });

  it('reads people by trade or station the tagger does not mark', () => {
    expect(suggest('KIT: Look.', '(A warrior knocks down the blacksmith.)')).toEqual([
      '2 punch WARRIOR>BLACKSMITH',
    ]);
    expect(suggest('KIT: Look.', '(The bodyguard grabs Kit. Kit shoves the sheriff.)')).toEqual([
      '2 grab BODYGUARD>KIT',
      '2 shove KIT>SHERIFF',
    ]);
    expect(suggest('KIT: Look.', '(The fugitive punches the gaoler.)')).toEqual([
      '2 punch FUGITIVE>GAOLER',
    ]);
  });

  it('resolves an inline object pronoun to the person the speaker addresses', () => {
    expect(
      suggest('ELSA: I waited.', 'OWEN: Elsa, I came back for you.', 'OWEN: (kisses her)'),
    ).toEqual(['3 kiss OWEN>ELSA']);
  });

  it("reads an object pronoun inside a man's speech as the speaker, when another does it", () => {
    // Paul is called by name just before; the blow lands on the one speaking.
    const talk = ['PAUL: Ha!', 'MARY: Oh, Paul, swear you will not tell!', 'JOHN: So you told?'];
    expect(suggest(...talk, 'JOHN: (as she hits him)')).toEqual(['4 punch MARY>JOHN']);
    // Done by the speaker, the act is done to someone else.
    expect(suggest('KIT: Hello.', 'JOHN: Kit, come.', 'JOHN: (punches him)')).toEqual([
      '3 punch JOHN>KIT',
    ]);
  });

  it('reads `he` between two speeches of one speaker as that speaker', () => {
    // The alien's gender is unknown; John, a man's name, was named just before.
    const talk = ['(John and Mara are surrounded.)', 'ALIEN: Move away.'];
    expect(suggest(...talk, '(He grabs Mara.)', 'ALIEN: I said, move away.')).toEqual([
      '3 grab ALIEN>MARA',
    ]);
    expect(suggest(...talk, '(He grabs Mara.)', 'JOHN: Stop!')).toEqual(['3 grab JOHN>MARA']);
  });

  it("reads the doer's wife or brother as the one the doer is with", () => {
    expect(suggest('JOHN: Mary.', 'MARY: John!', '(She kisses her husband.)')).toEqual([
      '3 kiss MARY>JOHN',
    ]);
    expect(suggest('PAUL: Well.', 'JOHN: Paul.', '(John hugs his brother.)')).toEqual([
      '3 hug JOHN>PAUL',
    ]);
    // Not the doer's: `his` is another's when she kisses.
    expect(suggest('JOHN: Mary.', 'MARY: John!', '(She kisses his brother.)')).toEqual([
      '3 kiss MARY>BROTHER',
    ]);
    // No one of that gender with them: the husband as written.
    expect(suggest('SUE: Mary.', 'MARY: Sue!', '(She kisses her husband.)')).toEqual([
      '3 kiss MARY>HUSBAND',
    ]);
  });

  it('guesses no one for a plural verb whose people no name gives', () => {
    expect(suggest('KIT: Stop.', '(Lawgivers are overpowered.)', 'KIT: Go.')).toEqual([]);
  });

  it('resolves a subject pronoun to the last speaker of that gender', () => {
    expect(
      suggest(
        '(Elsa sits. She smiles.)',
        'OWEN: Hello.',
        'ELSA: I missed you so much.',
        '(She hugs Owen.)',
      ),
    ).toEqual(['4 hug ELSA>OWEN']);
  });

  it('does not take someone who has just left for a pronoun, unless they are back', () => {
    const before = [
      'FRASIER: Do tell.',
      'NILES: Well, I must go.',
      '(Niles exits to the kitchen.)',
    ];
    expect(suggest(...before, 'LORNA: (kisses him)')).toEqual(['4 kiss LORNA>FRASIER']);
    expect(suggest(...before, 'NILES: Wait!', 'LORNA: (kisses him)')).toEqual([
      '5 kiss LORNA>NILES',
    ]);
  });

  it('takes someone who goes off and then exits as gone, as one who exits at once', () => {
    // Zib's gender is unknown: while Susan is there, `her` is Susan.
    const talk = ['SUSAN: Zib, how nice to see you.', '(Zib enters.)'];
    const then = ['ZIB: Tom, my dear.', 'TOM: (kissing her cheeks)'];
    expect(suggest(...talk, '(Susan goes to hang it up and then exits.)', ...then)).toEqual([
      '5 kiss TOM>ZIB @cheek',
    ]);
    expect(suggest(...talk, '(Susan goes to hang it up.)', ...then)).toEqual([
      '5 kiss TOM>SUSAN @cheek',
    ]);
  });

  it('reads a bare verb opening a direction as narration, not after `and` an infinitive', () => {
    expect(suggest('KIT: Hello.', 'OWEN: Owen.', 'OWEN: (shake hands)')).toEqual([
      '3 handshake *KIT+OWEN @hand',
    ]);
    expect(suggest('KIT: Hello.', 'OWEN: Owen.', '(Owen moves to hug and kiss Kit.)')).toEqual([]);
    // A title card.
    expect(suggest('KIT: Bye.', '(KISS ME, KATE)')).toEqual([]);
  });

  it('reads a slap on the backside, and a smack on the shoulder, unlike a friendly slap there', () => {
    expect(suggest('KIT: Ow.', '(Owen slaps Kit on the bottom.)')).toEqual([
      '2 slap OWEN>KIT @backside',
    ]);
    expect(suggest('KIT: Ow.', '(Owen smacks Kit on the shoulder.)')).toEqual([
      '2 slap OWEN>KIT @shoulder',
    ]);
    expect(suggest('KIT: Well done.', '(Owen slaps Kit on the shoulder.)')).toEqual([]);
  });

  it('reads a backhand, and a described slap given, as a slap; an uppercut as a punch', () => {
    expect(suggest('KIT: Ow.', '(Owen casually backhands Kit.)')).toEqual(['2 slap OWEN>KIT']);
    expect(suggest('KIT: Ow.', '(Owen gives Kit a hard backhanded slap.)')).toEqual([
      '2 slap OWEN>KIT',
    ]);
    expect(suggest('KIT: Ow.', "(Owen lands a great right uppercut on Kit's jaw.)")).toEqual([
      '2 punch OWEN>KIT @face',
    ]);
  });

  it('reads a blow, a kick or a chop given, landed or dealt as a punch', () => {
    expect(suggest('KIT: Ow.', '(Owen lands a blow on Kit.)')).toEqual(['2 punch OWEN>KIT']);
    expect(suggest('KIT: Ow.', '(Owen deals Kit a heavy blow.)')).toEqual(['2 punch OWEN>KIT']);
    expect(suggest('KIT: Ow.', '(Owen gives him a kick.)')).toEqual(['2 punch OWEN>KIT']);
    expect(suggest('KIT: Ow.', '(Owen gives him a swift chop.)')).toEqual(['2 punch OWEN>KIT']);
    // Not a ball kicked, nor a blow a singular subject takes.
    expect(suggest('KIT: Go.', '(Owen gives the ball a kick.)')).toEqual([]);
    expect(suggest('KIT: Ow.', '(Owen takes a blow.)')).toEqual([]);
    // A blow taken from someone is theirs.
    expect(suggest('KIT: Ow.', '(Owen takes a punch from Kit.)')).toEqual(['2 punch KIT>OWEN']);
  });

  it('reads someone taken, held or had by the throat or arm as grabbed; by the hand, held', () => {
    expect(suggest('KIT: No.', '(Owen takes Kit by the throat.)')).toEqual([
      '2 grab OWEN>KIT @neck',
    ]);
    expect(suggest('KIT: No.', '(Owen holds Kit by the arm.)')).toEqual(['2 grab OWEN>KIT @arm']);
    expect(suggest('KIT: No.', '(Owen takes Kit by the scruff of the neck.)')).toEqual([
      '2 grab OWEN>KIT @neck',
    ]);
    expect(suggest('KIT: No.', '(Owen has Kit by the collar.)')).toEqual([
      '2 grab OWEN>KIT @collar',
    ]);
    expect(suggest('KIT: Come.', '(Owen takes Kit by the hand.)')).toEqual([
      '2 hold-hands OWEN>KIT @hand',
    ]);
    expect(suggest('KIT: No.', '(Owen has Kit by his side.)')).toEqual([]);
  });

  it('reads choking someone as a grab, slamming them into a wall as a shove', () => {
    expect(suggest('KIT: No.', '(Owen starts choking Kit.)')).toEqual(['2 grab OWEN>KIT']);
    expect(suggest('KIT: No.', '(Owen slams Kit against the wall.)')).toEqual(['2 shove OWEN>KIT']);
    expect(suggest('KIT: No.', '(Owen slams Kit over the head with a tray.)')).toEqual([
      '2 punch OWEN>KIT @head',
    ]);
    // Moved to tears, or a door slammed: no act.
    expect(suggest('KIT: No.', '(Owen gets choked up.)')).toEqual([]);
    // Pinned under a thing: trapped, no hold.
    expect(suggest('KIT: No.', '(Kit is pinned under the fallen door.)')).toEqual([]);
    expect(suggest('KIT: No.', '(Kit is pinned beneath a beam.)')).toEqual([]);
    expect(suggest('KIT: No.', '(Owen slams the door on Kit.)')).toEqual([]);
  });

  it('reads a kind before a body part or a thing as naming a thing, not the body of one', () => {
    const read = (direction: string) => suggest('KIT: No.', 'ROBOT: Yes.', direction);
    expect(read('(Kit holds the robot head.)')).toEqual([]);
    expect(read('(Kit runs off clutching the robot gun.)')).toEqual([]);
    expect(read('(Kit grabs the robot round the neck.)')).toEqual(['3 grab KIT>ROBOT @neck']);
    expect(read("(Kit holds the robot's head.)")).toEqual(['3 cradle-neck KIT>ROBOT @head']);
    expect(read('(Kit pushes the robot face first into the wall.)')).toEqual([
      '3 shove KIT>ROBOT @face',
    ]);
  });

  it('reads someone decked out as dressed up, not decked', () => {
    const read = (direction: string) => suggest('KIT: No.', 'MARA: Yes.', direction);
    expect(read('(Kit and Mara are decked out in eveningwear.)')).toEqual([]);
    expect(read('(Owen decks himself out in a suit.)')).toEqual([]);
    expect(read('(Owen decks Kit.)')).toEqual(['3 punch OWEN>KIT']);
  });

  it('reads the plainer words for blows and holds: socks, clouts, knees, swats, overpowers', () => {
    const read = (direction: string) => suggest('KIT: No.', direction);
    expect(read('(Owen socks Kit on the jaw.)')).toEqual(['2 punch OWEN>KIT @face']);
    expect(read('(Owen clouts Kit.)')).toEqual(['2 punch OWEN>KIT']);
    expect(read('(Owen knees Kit in the stomach.)')).toEqual(['2 punch OWEN>KIT @stomach']);
    expect(read('(Owen smashes Kit’s head with a stone.)')).toEqual(['2 punch OWEN>KIT @head']);
    expect(read('(Owen swats Kit.)')).toEqual(['2 slap OWEN>KIT']);
    expect(read('(Owen overpowers Kit.)')).toEqual(['2 grab OWEN>KIT']);
    expect(read('(Owen grabs at Kit.)')).toEqual(['2 grab OWEN>KIT']);
    // Things smashed, and knees that are knees, are no blows.
    expect(read('(Owen smashes the window.)')).toEqual([]);
    expect(read('(The window is smashed.)')).toEqual([]);
    expect(read('(Kit falls to his knees.)')).toEqual([]);
  });

  it('reads `the back of Kit’s neck` as Kit’s neck', () => {
    const read = (direction: string) => suggest('KIT: No.', direction);
    expect(read("(Owen grabs the back of Kit's neck.)")).toEqual(['2 grab OWEN>KIT @neck']);
    expect(read('(Owen kicks the back of Kit’s knee.)')).toEqual(['2 punch OWEN>KIT @leg']);
    expect(read('(Owen slaps the back of the console.)')).toEqual([]);
    // Other regions of a part: its top, tip or side.
    expect(read("(Owen kisses the top of Kit's head.)")).toEqual(['2 kiss OWEN>KIT @head']);
    expect(read('(Owen ends by kissing the tip of his nose.)')).toEqual(['2 kiss OWEN>KIT @nose']);
    expect(read('(Mara slaps the side of his head.)')).toEqual(['2 slap MARA>KIT @head']);
    // The arm of someone's chair is no arm of theirs; the lapels of their jacket are.
    expect(read("(Owen hits the arm of Kit's chair.)")).toEqual([]);
    expect(read("(Owen grabs the lapels of Kit's jacket.)")).toEqual(['2 grab OWEN>KIT @collar']);
  });

  it('reads `who` after `the Doctor` as the Doctor, however the tagger reads `who`', () => {
    expect(suggest('DOCTOR: Hi.', '(Mara kisses the Doctor, who hugs her.)')).toEqual([
      '2 kiss MARA>DOCTOR',
      '2 hug DOCTOR>MARA',
    ]);
  });

  it('reads a clause that opens the sentence before a comma as a clause of its own', () => {
    // The tagger reads `turns` and `attacks` as plural nouns.
    expect(suggest('KIT: Go.', '(As the guard turns, Kit punches him.)')).toEqual([
      '2 punch KIT>GUARD',
    ]);
    expect(suggest('KIT: Go.', '(Owen attacks, and Kit knocks him out.)')).toEqual([
      '2 punch KIT>OWEN',
    ]);
  });

  it('gives coordinated verbs the subject of the first', () => {
    expect(suggest('OWEN: Hi.', '(Kit grabs Owen and kisses him.)')).toEqual([
      '2 grab KIT>OWEN',
      '2 kiss KIT>OWEN',
    ]);
    // `turns back`, whatever the tagger makes of `turns`, is Kit's.
    expect(
      suggest('OWEN: Bye.', '(Kit starts to leave, turns back and kisses Owen passionately.)'),
    ).toEqual(['2 kiss KIT>OWEN']);
  });

  it('inverts a passive with its agent', () => {
    expect(suggest('(Elsa is kissed by Owen.)')).toEqual(['1 kiss OWEN>ELSA']);
    // Two who grab her each grab her; they do not share the act with her.
    expect(suggest('KIT: Hi.', 'OWEN: No.', '(Elsa is grabbed by Kit and Owen.)')).toEqual([
      '3 grab KIT>ELSA',
      '3 grab OWEN>ELSA',
    ]);
    // A part of someone acted on is that someone.
    expect(
      suggest('KIT: Up!', '(Owen climbs. Owen’s foot is grabbed, but he kicks free.)'),
    ).toEqual(['2 grab ?>OWEN']);
  });

  it('reads group and reciprocal acts as mutual', () => {
    expect(suggest('(Elsa hugs Owen and Kit.)')).toEqual(['1 hug ELSA>OWEN+KIT']);
    expect(suggest('ELSA: Well.', 'OWEN: Well.', '(They kiss.)')).toEqual(['3 kiss *ELSA+OWEN']);
    expect(suggest('(Elsa and Owen shake hands and Kit walks off.)')).toEqual([
      '1 handshake *ELSA+OWEN @hand',
    ]);
    // With no talk around, `they` are the two the direction before named: those of them who
    // speak in the episode when it named more.
    const night = ['[Roof]', '(The guard opens the door. Owen hugs Elsa.)', '(They hug again.)'];
    expect(suggest(...night, 'ELSA: Home.', 'OWEN: Yes.')).toEqual([
      '2 hug OWEN>ELSA',
      '3 hug *ELSA+OWEN',
    ]);
  });

  it('reads a crowd acting among themselves as the crowd alone', () => {
    const talk = ['KIT: I heard something.', 'ELSA: Oh, it stopped.'];
    expect(suggest(...talk, '(because the musicians are kissing)')).toEqual(['3 kiss *MUSICIANS']);
    expect(suggest(...talk, '(The soldiers shake hands.)')).toEqual([
      '3 handshake *SOLDIERS @hand',
    ]);
    // `Them`, a pronoun, names the crowd only as a guess: two are needed then.
    expect(suggest(...talk, '(The boys leave. Kit sees them embrace.)')).toEqual([]);
  });

  it('ends an object at a plural that opens a clause of its own', () => {
    expect(suggest('(Kit knocks out Owen and the guards overpower the rest.)')).toEqual([
      '1 punch KIT>OWEN',
    ]);
    // A plural verb after a group in subject place has the whole group for its subject.
    expect(suggest('KIT: Run!', '(Kit runs, but Elsa and the guards grab him.)')).toEqual([
      '2 grab ELSA>KIT',
      '2 grab GUARDS>KIT',
    ]);
    expect(suggest('(Kit hugs Owen and the twins.)')).toEqual(['1 hug KIT>OWEN+TWINS']);
  });

  it('reads `they` right after a scene heading as the one speaking and the one whose place it is', () => {
    expect(
      suggest('ELSA: Hi.', 'KIT: Hi.', "[Elsa's quarters]", 'KIT: Nice room.', 'KIT: (they kiss)'),
    ).toEqual(['5 kiss *ELSA+KIT']);
  });

  it('reads a reciprocal act followed by how or where it happens', () => {
    const talk = ['ELSA: Well.', 'OWEN: Well.'];
    expect(suggest(...talk, '(Elsa and Owen hug crying.)')).toEqual(['3 hug *ELSA+OWEN']);
    expect(suggest(...talk, '(Elsa and Owen kiss offscreen.)')).toEqual(['3 kiss *ELSA+OWEN']);
    expect(suggest(...talk, '(Elsa and Owen hug whilst still tearful.)')).toEqual([
      '3 hug *ELSA+OWEN',
    ]);
    expect(suggest(...talk, '(They kiss, long and slow.)')).toEqual(['3 kiss *ELSA+OWEN']);
    // `&` joins names as `and` does.
    expect(suggest(...talk, '(Elsa & Owen kiss at the door.)')).toEqual(['3 kiss *ELSA+OWEN']);
    // What they kiss is still no act: `They kiss the ring`.
    expect(suggest(...talk, '(They kiss the ring.)')).toEqual([]);
  });

  it('reads someone wrapped in a hug, or locked in an embrace with someone', () => {
    const talk = ['ELSA: Well.', 'OWEN: Well.'];
    expect(suggest(...talk, '(Owen enfolds her in a big hug.)')).toEqual(['3 hug OWEN>ELSA']);
    expect(suggest(...talk, '(Owen scoops her up in an embrace.)')).toEqual(['3 hug OWEN>ELSA']);
    expect(suggest(...talk, '(Elsa is locked in an embrace with Owen.)')).toEqual([
      '3 hug *ELSA+OWEN',
    ]);
    expect(suggest(...talk, '(Owen lifts her off her feet in a big hug.)')).toEqual([
      '3 hug OWEN>ELSA',
    ]);
    expect(suggest(...talk, '(Elsa and Owen, locked in an embrace.)')).toEqual([
      '3 hug *ELSA+OWEN',
    ]);
    expect(suggest(...talk, '(Owen folds her into a hug.)')).toEqual(['3 hug OWEN>ELSA']);
  });

  it('reads a hug of someone’s legs or waist as a hug of them, not hugging one’s knees', () => {
    const read = after('OWEN: Elsa!', 'ELSA: Dad!');
    expect(read('Elsa hugs his legs.')).toEqual(['3 hug ELSA>OWEN @leg']);
    expect(read('Owen hugs her waist.')).toEqual(['3 hug OWEN>ELSA @waist']);
    expect(read('Elsa sits, hugging her knees.')).toEqual([]);
  });

  it('reads `They kiss` before a pause, or kissing cheeks, as their kiss', () => {
    const talk = ['ELSA: Well.', 'OWEN: Well.'];
    expect(suggest(...talk, '(They kiss... a long kiss.)')).toEqual(['3 kiss *ELSA+OWEN']);
    expect(suggest(...talk, '(They kiss cheeks.)')).toEqual(['3 kiss *ELSA+OWEN']);
    // The cheek of someone named is theirs.
    expect(suggest(...talk, '(They kiss the cheek of the bride.)')).toEqual([
      '3 kiss OWEN>BRIDE @cheek',
      '3 kiss ELSA>BRIDE @cheek',
    ]);
  });

  it('reads `someone` as a doer left unnamed, for the clauses that go on from it too', () => {
    const talk = ['OWEN: Hey.', 'KIT: Stop.'];
    expect(suggest(...talk, '(There is a struggle, then someone hits Kit over the head.)')).toEqual(
      ['3 punch ?>KIT'],
    );
    expect(suggest(...talk, '(Someone comes up behind Kit and knocks him out.)')).toEqual([
      '3 punch ?>KIT',
    ]);
    // What happens only `as if` is no act.
    expect(suggest(...talk, '(Kit gasps as if someone is throttling him.)')).toEqual([]);
  });

  it('reads clothes and eyelids as parts of their owner', () => {
    const talk = ['NERO: Hail.', 'OWEN: Run.'];
    expect(suggest(...talk, "(Owen grabs Nero's toga.)")).toEqual(['3 grab OWEN>NERO @collar']);
    expect(suggest(...talk, "(Owen kisses Nero's eyelids.)")).toEqual(['3 kiss OWEN>NERO @face']);
  });

  it('reads a name with a numbered twin label as the version speaking nearest', () => {
    // `HARRY 2`, the Zygon copy of Harry, speaks just before `Sarah grabs Harry`.
    const rows = [
      'HARRY: Hi.',
      '[Later]',
      'TWIN: Let me go.',
      'SARAH: No!',
      '(Sarah grabs Harry.)',
    ];
    const lines = script(...rows).map((l) =>
      l.kind === 'dialogue' && l.speaker === 'TWIN' ? { ...l, speaker: 'HARRY 2' } : l,
    );
    const got = suggestMoments({
      episode: 'E1',
      file: 'e1.txt',
      lines,
      characters: [],
      codebook: DEFAULT_CODEBOOK,
    });
    expect(got.map(brief)).toEqual(['5 grab SARAH>HARRY 2']);
  });

  it('reads a name with a version label (`YOUNG`, `HOLO-`) as the version speaking nearest', () => {
    const relabel = (rows: string[], labels: Record<string, string>): Suggestion[] =>
      suggestMoments({
        episode: 'E1',
        file: 'e1.txt',
        lines: script(...rows).map((l) =>
          l.kind === 'dialogue' ? { ...l, speaker: labels[l.speaker] ?? l.speaker } : l,
        ),
        characters: [],
        codebook: DEFAULT_CODEBOOK,
      });
    const young = { BOY: 'YOUNG DAVROS', HOLO: 'HOLO-SESKA', OLDER: 'OLDER AMY' };
    const rows = [
      'DAVROS: Ha.',
      'DAVROS: Ha.',
      '[Later]',
      'BOY: Help.',
      'BOY: Help.',
      'KIT: Come.',
    ];
    expect(relabel([...rows, "(Kit takes Davros's hand.)"], young).map(brief)).toEqual([
      '7 hold-hands KIT>YOUNG DAVROS @hand',
    ]);
    // The plain label speaks nearer: the plain one.
    expect(
      relabel([...rows, 'DAVROS: Go.', "(Kit takes Davros's hand.)"], young).map(brief),
    ).toEqual(['8 hold-hands KIT>DAVROS @hand']);
    // Written out, each version is meant as written.
    const amy = ['AMY: Hi.', 'AMY: Hi.', 'RORY: Amy.', 'OLDER: Rory.', 'OLDER: Go on.'];
    expect(
      relabel([...amy, '(Rory hugs young Amy. Older Amy looks away.)'], young).map(brief),
    ).toEqual(['6 hug RORY>AMY']);
    expect(
      relabel(
        [
          'SESKA: No.',
          'SESKA: No.',
          'HOLO: Yes.',
          'HOLO: Yes.',
          'KIT: Seska.',
          '(Kit kisses Seska.)',
        ],
        young,
      ).map(brief),
    ).toEqual(['6 kiss KIT>HOLO-SESKA']);
  });

  it('reads a numbered twin of a leading part named by a person noun as a version', () => {
    // `DOCTOR` speaks all through the episode; `DOCTOR 1`, an earlier Doctor, speaks nearest.
    const many = Array.from({ length: 20 }, () => 'DOCTOR: Right.');
    // `DOCTOR 13`, heard once, is no third rival.
    const rows = [
      ...many,
      'LAST: Oh.',
      '[Later]',
      'FIRST: Hmm.',
      'FIRST: Hmm.',
      'BILL: Wow, Doctor.',
    ];
    const got = suggestMoments({
      episode: 'E1',
      file: 'e1.txt',
      lines: script(...rows, 'BILL: (hugs him)').map((l) =>
        l.kind !== 'dialogue'
          ? l
          : { ...l, speaker: { FIRST: 'DOCTOR 1', LAST: 'DOCTOR 13' }[l.speaker] ?? l.speaker },
      ),
      characters: [],
      codebook: DEFAULT_CODEBOOK,
    });
    expect(got.filter((s) => s.tier === 'action').map(brief)).toEqual(['26 hug BILL>DOCTOR 1']);
  });

  it('reads `hits` after a shot or a throw as what was fired landing, not a blow', () => {
    const talk = ['KIT: Now.', 'OWEN: No.'];
    expect(suggest(...talk, '(Kit fires and hits Owen.)')).toEqual([]);
    expect(suggest(...talk, '(Kit aims at a lamp and hits Owen instead.)')).toEqual([]);
    expect(suggest(...talk, '(Ana shoots at Kit, Owen returns fire and hits her.)')).toEqual([]);
    expect(suggest(...talk, '(Kit throws a cup at Owen, and it hits him.)')).toEqual([]);
    expect(suggest(...talk, '(Kit throws his gun at Owen, knocking him down.)')).toEqual([]);
    // A person thrown: a shove, and the landing no second act.
    expect(suggest(...talk, '(Kit throws Owen to the floor, knocking him out.)')).toEqual([
      '3 shove KIT>OWEN',
    ]);
    expect(suggest(...talk, '(Kit throws Owen to the floor and hits him.)')).toEqual([
      '3 shove KIT>OWEN',
      '3 punch KIT>OWEN',
    ]);
    // A thing held: a blow.
    expect(suggest(...talk, '(Kit throws wine at Owen, then hits him with the jug.)')).toEqual([
      '3 punch KIT>OWEN',
    ]);
    expect(suggest(...talk, '(Kit hits Owen.)')).toEqual(['3 punch KIT>OWEN']);
  });

  it('reads `they` right after two people touching as those two, not the two of the talk', () => {
    const vows = ['OWEN: I do.', 'ANA: I do.', "(Owen holds Ana's hand.)"];
    expect(suggest(...vows, 'KIT: I now pronounce you married.', '(They kiss and hug.)')).toEqual([
      '3 hold-hands OWEN>ANA @hand',
      '5 kiss *ANA+OWEN',
      '5 hug *ANA+OWEN',
    ]);
    // In another scene, only when a speech there names them.
    expect(suggest(...vows, '[Street]', 'KIT: Run.', 'BEA: Go.', '(They hug.)')).toEqual([
      '3 hold-hands OWEN>ANA @hand',
      '7 hug *BEA+KIT',
    ]);
    expect(
      suggest(...vows, '[Street]', 'KIT: Run.', "BEA: It's Owen and Ana.", '(They hug.)'),
    ).toEqual(['3 hold-hands OWEN>ANA @hand', '7 hug *ANA+OWEN']);
  });

  it('reads a head-butt however it is spelt', () => {
    const talk = ['KIT: Now.', 'OWEN: No.'];
    expect(suggest(...talk, '(Kit head-butts Owen.)')).toEqual(['3 punch KIT>OWEN']);
    expect(suggest(...talk, '(Kit headbutts Owen.)')).toEqual(['3 punch KIT>OWEN']);
    expect(suggest(...talk, '(Kit gives Owen a head-butt.)')).toEqual(['3 punch KIT>OWEN']);
  });

  it('reads `They shake.` with nothing after it as a handshake', () => {
    const talk = ['KIT: Deal?', 'OWEN: Deal.'];
    expect(suggest(...talk, '(They shake.)')).toEqual(['3 handshake *KIT+OWEN @hand']);
    expect(suggest(...talk, '(Kit and Owen shake and part.)')).toEqual([
      '3 handshake *KIT+OWEN @hand',
    ]);
    expect(suggest(...talk, '(They shake with fear.)')).toEqual([]);
    expect(suggest(...talk, '(They look at why the walls are shaking.)')).toEqual([]);
  });

  it('reads `they` after a speech that introduces two people as those two', () => {
    const intro = ['ANA: Hello.', "KIT: Owen, I'd like you to meet Ana.", 'OWEN: How do you do?'];
    expect(suggest(...intro, '(They shake hands.)')).toEqual(['4 handshake *ANA+OWEN @hand']);
    // Inline in the introducing speech.
    expect(suggest('ANA: Hi.', 'OWEN: Hi.', 'KIT: Ana, meet Owen.', 'KIT: (They shake.)')).toEqual([
      '4 handshake *ANA+OWEN @hand',
    ]);
  });

  it('reads a hand shaken in an introduction as shaken with those introduced, or who gave a name', () => {
    const met = ['OWEN: Hi.', 'ELSA: Hello.', 'ANA: Hi.'];
    expect(
      suggest(...met, "KIT: Ana, I'd like you to meet Owen and Elsa.", 'ANA: (shaking hands)'),
    ).toEqual(['5 handshake ANA>OWEN+ELSA @hand']);
    // `Elsa's uncle` speaks of Elsa; Owen is the one introduced.
    expect(
      suggest(...met, "KIT: Owen, this is Ana, Elsa's cousin.", 'ANA: (shaking hands)'),
    ).toEqual(['5 handshake ANA>OWEN @hand']);
    // `I'm Owen Harper`, two speeches before the shaker's own.
    expect(
      suggest(
        "OWEN: Excuse me, I'm Owen Harper.",
        'ANA: Really?',
        'KIT: Allow me.',
        'KIT: (shaking hands)',
      ),
    ).toEqual(['4 handshake KIT>OWEN @hand']);
  });

  it('reads two who embrace in a kiss as embracing and kissing', () => {
    const read = after('KIT: Now.', 'OWEN: Yes.');
    expect(read('Kit and Owen embrace in a passionate kiss.')).toEqual([
      '3 hug *KIT+OWEN',
      '3 kiss *KIT+OWEN',
    ]);
  });

  it('does not take one heard just before for someone not yet there, whoever comes in', () => {
    const door = ['OWEN: Hello, Kit.', 'KIT: Good to see you.'];
    expect(suggest(...door, '(They shake hands and Owen comes in.)')).toEqual([
      '3 handshake *KIT+OWEN @hand',
    ]);
  });

  it('reads a person knocked over, aside or out of the way as shoved', () => {
    const talk = ['KIT: Now.', 'OWEN: No.'];
    for (const d of ['over', 'aside', 'flying', 'off his feet', 'out of the way', 'to the floor'])
      expect(suggest(...talk, `(Kit knocks Owen ${d}.)`)).toEqual(['3 shove KIT>OWEN']);
    expect(suggest(...talk, '(Kit knocks over a vase.)')).toEqual([]);
    // No one written as the doer: a blast as often as a person.
    expect(suggest(...talk, '(The explosion knocks Owen off his feet.)')).toEqual([]);
    // The effect of an act the sentence told already.
    expect(suggest(...talk, '(Kit hits Owen, knocking him over.)')).toEqual(['3 punch KIT>OWEN']);
    // The blow named before the verb, by its owner.
    expect(suggest(...talk, "(Kit's slap knocks Owen off his feet.)")).toEqual(['3 slap KIT>OWEN']);
  });

  it('reads a thing knocking or throwing someone, a craft too, as no act', () => {
    const talk = ['KIT: Hi.', 'OWEN: Go.'];
    // The tagger reads the sentence (`off his feet` says an act may be there): `burst` is a thing.
    expect(suggest(...talk, '(Kit runs but a grenade burst knocks him off his feet.)')).toEqual([]);
    expect(suggest(...talk, '(The Tardis lands with a thud, knocking Owen down.)')).toEqual([]);
    // Felled by someone's fall, no blow; felled by a blow, one.
    expect(suggest(...talk, '(Kit stumbles against Owen, knocking him down.)')).toEqual([]);
    expect(suggest(...talk, '(Kit falls backwards, knocking Owen down too.)')).toEqual([]);
    expect(suggest(...talk, '(Kit hits Owen, knocking him down.)')).toEqual(['3 punch KIT>OWEN']);
    expect(suggest(...talk, '(The Tardis crashes and throws Kit to the floor.)')).toEqual([]);
  });

  it('reads throwing oneself at someone as a grab, unless it ends in an embrace', () => {
    const talk = ['KIT: Now.', 'OWEN: No.'];
    expect(suggest(...talk, '(Owen launches himself at Kit.)')).toEqual(['3 grab OWEN>KIT']);
    expect(suggest(...talk, '(Owen throws himself at Kit.)')).toEqual(['3 grab OWEN>KIT']);
    expect(suggest(...talk, '(Owen throws himself to the floor.)')).toEqual([]);
    expect(suggest(...talk, '(Owen launches the probe.)')).toEqual([]);
    expect(suggest(...talk, '(Owen throws himself at Kit and kisses him.)')).toEqual([
      '3 kiss OWEN>KIT',
    ]);
  });

  it('reads pulling someone back into a kiss or a hug as that embrace, no grab', () => {
    const talk = ['KIT: Bye.', 'OWEN: Wait.'];
    expect(suggest(...talk, '(Kit turns to leave. Owen pulls him back and kisses him.)')).toEqual([
      '3 kiss OWEN>KIT',
    ]);
    expect(suggest(...talk, '(Owen pulls Kit back and they kiss.)')).toEqual(['3 kiss *KIT+OWEN']);
    // Pulled back to safety, held as he is pulled: the pull is a grab.
    const rescue = '(Owen pulls Mara back to the window with his arms around her waist.)';
    expect(suggest('MARA: Oh!', 'OWEN: Hold on.', rescue)).toEqual([
      '3 grab OWEN>MARA',
      '3 hug OWEN>MARA @waist',
    ]);
  });

  it('reads a hand taken and then shaken as a handshake only', () => {
    const talk = ['KIT: Now.', 'OWEN: No.'];
    expect(suggest(...talk, '(Kit takes his hand and shakes it.)')).toEqual([
      '3 handshake KIT>OWEN @hand',
    ]);
    expect(suggest(...talk, '(Kit takes his hand.)')).toEqual(['3 hold-hands KIT>OWEN @hand']);
  });

  it('reads blows landed or delivered, however many', () => {
    const talk = ['KIRK: Now.', 'OWEN: No.'];
    expect(suggest(...talk, '(Owen lands a couple of punches on Kirk.)')).toEqual([
      '3 punch OWEN>KIRK',
    ]);
    expect(suggest(...talk, '(Owen delivers a punch to Kirk.)')).toEqual(['3 punch OWEN>KIRK']);
    expect(suggest(...talk, '(The shuttle lands.)')).toEqual([]);
  });

  it('reads `one` standing alone as one more of the kind just named', () => {
    expect(suggest('KIT: Run!', '(The Hath breach the barricade and one grabs Kit.)')).toEqual([
      '2 grab HATH>KIT',
    ]);
    expect(suggest('KIT: Run!', '(Two guards enter. One grabs Kit.)')).toEqual([
      '2 grab GUARD>KIT',
    ]);
    expect(suggest('KIT: Run!', '(No one grabs Kit.)')).toEqual([]);
  });

  it('reads `they` after a name and `and` as a clause of its own', () => {
    // Whether or not the tagger reads `turns` as a verb.
    expect(suggest('ROSE: Well.', 'MICKEY: Well.', '(Rose turns to Mickey and they hug.)')).toEqual(
      ['3 hug *MICKEY+ROSE'],
    );
  });

  it('gives each doer of a plural subject their own act', () => {
    expect(suggest('(Elsa and Kit grab Owen.)')).toEqual(['1 grab ELSA>OWEN', '1 grab KIT>OWEN']);
  });

  it('finds several acts in one direction, with body parts', () => {
    expect(suggest('(Owen takes Elsa by the hand. Kit kisses Elsa on the forehead.)')).toEqual([
      '1 hold-hands OWEN>ELSA @hand',
      '1 kiss KIT>ELSA @forehead',
    ]);
  });

  it('reads acts carried by a noun', () => {
    expect(suggest('(Kit gives Owen a hug.)')).toEqual(['1 hug KIT>OWEN']);
    expect(suggest('(Elsa greets Kit with a kiss.)')).toEqual(['1 kiss ELSA>KIT']);
    const read = after('KIT: Hi.', 'OWEN: Hi.', 'ELSA: Hello.');
    expect(read('Kit and Owen sit. Elsa gives them each a kiss.')).toEqual([
      '4 kiss ELSA>KIT+OWEN',
    ]);
  });

  it('ignores acts that do not happen', () => {
    expect(
      suggest(
        '(Owen is about to kiss Elsa.)',
        '(Kit tries to hug Owen.)',
        '(Elsa almost kisses Owen.)',
        '(Elsa pulls back before kissing Owen.)',
        '(Kit blows a kiss to Elsa.)',
        '(Owen does not hug Kit.)',
        '(Kit leans in to kiss Owen.)',
      ),
    ).toEqual([]);
  });

  it('ignores an alternative to an act that does not happen', () => {
    expect(suggest('KIT: Hi.', '(Kit and Elsa try to shake or hug.)')).toEqual([]);
    expect(suggest('KIT: Hi.', '(Kit does not kiss or hug Elsa.)')).toEqual([]);
  });

  it('ignores acts on things rather than people', () => {
    expect(
      suggest('(Owen kisses the old map.)', '(Kit grabs the torch.)', '(Elsa pushes the button.)'),
    ).toEqual([]);
  });

  it('names a person who never speaks as written, in capitals', () => {
    expect(suggest('OWEN: Morning.', '(Owen shoves Brannigan.)')).toEqual([
      '2 shove OWEN>BRANNIGAN',
    ]);
  });

  it('resolves names through the canon aliases and titles', () => {
    const s = suggestMoments({
      episode: 'E1',
      file: 'e1.txt',
      lines: script('HARKER: Go.', '(The Professor hugs Captain Harker.)'),
      characters: [
        { name: 'Professor', aliases: ['PROF'] },
        { name: 'Jon Harker', aliases: ['HARKER'] },
      ],
      codebook: DEFAULT_CODEBOOK,
    });
    expect(s.map((x) => [x.initiator, x.recipients])).toEqual([['Professor', ['Jon Harker']]]);
    expect(s[0]).toMatchObject({
      episode: 'E1',
      source: { file: 'e1.txt', line: 2 },
      tier: 'action',
    });
    expect(s[0]!.confidence).toBeGreaterThan(0.5);
  });

  it('suggests gaze acts in their own tier', () => {
    const s = suggestMoments({
      episode: 'E1',
      file: 'e1.txt',
      lines: script('(Elsa stares at Owen.)'),
      characters: [],
      codebook: DEFAULT_CODEBOOK,
    });
    expect(s.map((x) => `${x.tier}:${x.action}`)).toEqual(['gaze:stare']);
  });

  it('suggests nothing the codebook lacks', () => {
    const noKiss = {
      ...DEFAULT_CODEBOOK,
      terms: DEFAULT_CODEBOOK.terms.filter((t) => t.id !== 'kiss'),
    };
    expect(
      suggestMoments({
        episode: 'E',
        file: 'f',
        lines: script('(Elsa kisses Owen.)'),
        characters: [],
        codebook: noKiss,
      }),
    ).toEqual([]);
  });

  it('reads people named by role or kind as doers', () => {
    expect(suggest('OWEN: Let me go!', '(Guards grab him.)')).toEqual(['2 grab GUARDS>OWEN']);
    expect(suggest('MARA: Run!', '(A Vorlax grabs Mara.)')).toEqual(['2 grab VORLAX>MARA']);
    expect(suggest('KIT: Who are you?', '(A young man steps up. Kit shakes his hand.)')).toEqual([
      '2 handshake KIT>YOUNG MAN @hand',
    ]);
    expect(suggest('MARA: Stop!', '(One guard hits Mara in the face, so Kit hits him.)')).toEqual([
      '2 punch GUARD>MARA @face',
      '2 punch KIT>GUARD',
    ]);
  });

  it('reads `the girls` as the two talking when one of them is known to be a girl', () => {
    expect(
      suggest(
        'NYSSA: You will soon settle down.',
        'TEGAN: I hope so. Nyssa, I will miss you.',
        '(The girls hug.)',
      ),
    ).toEqual(['3 hug *NYSSA+TEGAN']);
    expect(
      suggest(
        'OWEN: You will soon settle down.',
        'TEGAN: I hope so. Owen, I will miss you.',
        '(The girls hug.)',
      ),
    ).toEqual([]);
  });

  it('gives a group hug to everyone in the conversation', () => {
    expect(suggest('KIT: We did it.', 'ELSA: We did.', 'OWEN: Yes!', '(Group hug.)')).toEqual([
      '4 hug *ELSA+KIT+OWEN',
    ]);
  });

  it("does not take pulling someone close, or a grip on one's own body, for an act", () => {
    expect(suggest('MARA: Owen.', 'OWEN: Mara.', '(He pulls her close.)')).toEqual([]);
    expect(suggest('MARA: Owen.', 'OWEN: Mara.', '(He clutches his chest.)')).toEqual([]);
    // One's own hand held out or up is offered, not holding anyone's.
    expect(suggest('CHLOE: Hi.', 'MARA: Hello.', '(Mara holds her hand out.)')).toEqual([]);
    // `her hand gun`: a gun.
    expect(suggest('CHLOE: Hi.', 'KIT: Go.', '(Kit grabs her hand gun and runs.)')).toEqual([]);
    expect(suggest('CHLOE: Hi.', 'MARA: Hello.', '(Mara holds up her hand.)')).toEqual([]);
    // Or held somewhere: over a mouth, behind a back, to a face.
    const men = ['JOHN: Quiet.', 'PAUL: Shh.'];
    expect(suggest(...men, '(Paul holds his hand over his mouth.)')).toEqual([]);
    expect(suggest(...men, '(Paul holds his hands behind his back.)')).toEqual([]);
    expect(suggest(...men, "(Paul holds his hand in front of John's face.)")).toEqual([]);
    expect(suggest(...men, '(Paul holds his hand to his mouth.)')).toEqual([]);
    expect(suggest(...men, '(Paul holds his hand to help him up.)')).toEqual([
      '3 hold-hands PAUL>JOHN @hand',
    ]);
    // Hands clasped in prayer, arms pushed out in a stretch: one's own.
    const two = ['KIM: Quiet.', 'FRED: Shh.'];
    expect(suggest(...two, '(Owen clasps his hands and closes his eyes.)')).toEqual([]);
    expect(suggest(...two, '(Owen clasps her hands.)')).toEqual(['3 hold-hands OWEN>KIM @hand']);
    expect(suggest(...two, '(Owen pushes his arms out as he breathes.)')).toEqual([]);
    expect(
      suggest('MARA: Owen.', 'OWEN: Mara.', '(He kicks her legs out from under her.)'),
    ).toEqual(['3 punch OWEN>MARA @leg']);
  });

  it("reads an arm or lapels grabbed inside someone else's speech as the speaker's", () => {
    expect(suggest('KIT: What?', 'OWEN: Listen here.', 'OWEN: (Tavi grabs his lapels)')).toEqual([
      '3 grab TAVI>OWEN @collar',
    ]);
    expect(suggest('KIT: What?', 'OWEN: (Tavi grabs his arm)')).toEqual(['2 grab TAVI>OWEN @arm']);
    // Grabbing or seizing a man's arm is another man's act; clutching it is one's own.
    expect(suggest('OWEN: Listen.', 'KIT: No.', '(Kit grabs his arm.)')).toEqual([
      '3 grab KIT>OWEN @arm',
    ]);
    expect(suggest('OWEN: Listen.', 'KIT: No.', '(Kit grabs his ankle and he falls.)')).toEqual([
      '3 grab KIT>OWEN @leg',
    ]);
    expect(suggest('OWEN: Listen.', 'KIT: No.', '(Kit clutches his arm.)')).toEqual([]);
    // A throat seized is someone else's too, but anything grabbed `in pain` is one's own.
    const men = ['JOHN: Stop.', 'PAUL: No.'];
    expect(suggest(...men, '(Paul grabs his throat.)')).toEqual(['3 grab PAUL>JOHN @neck']);
    expect(suggest(...men, '(Paul grabs his arm in pain.)')).toEqual([]);
    // One's own chest, and one's own jacket in one's own speech, stay no act.
    expect(suggest('KIT: What?', 'OWEN: (Tavi clutches his chest)')).toEqual([]);
    expect(suggest('KIT: Go.', 'OWEN: (Owen grabbing his jacket)')).toEqual([]);
    // `his coat` grabbed is most often a coat fetched; `Owen's coat` is Owen held by it.
    expect(suggest('OWEN: Wait.', 'KIT: No.', '(Kit grabs his coat from the hall.)')).toEqual([]);
    expect(suggest('OWEN: Wait.', 'KIT: No.', "(Kit grabs Owen's coat.)")).toEqual([
      '3 grab KIT>OWEN @collar',
    ]);
  });

  it('reads it as the body part named just before', () => {
    expect(suggest('ELSA: Owen.', 'OWEN: Elsa.', '(He takes her hand and kisses it.)')).toEqual([
      '3 hold-hands OWEN>ELSA @hand',
      '3 kiss OWEN>ELSA @hand',
    ]);
  });

  it('reads no act when a thing is the subject', () => {
    expect(suggest('OWEN: Look out!', '(A falling beam hits Owen.)')).toEqual([]);
    // A common noun opening a sentence is a thing, not a name; `someone` is a person, left
    // unnamed as the dev sets label an unnamed agent.
    expect(suggest('KIM: What?', '(Owen works a panel. Energy hits Kim.)')).toEqual([]);
    expect(suggest('KIM: What?', '(Someone grabs Kim.)')).toEqual(['2 grab ?>KIM']);
  });

  it('reads someone who does the same as doing the act of the clause before again', () => {
    const read = after('OWEN: Hi.', 'MARA: Hello.');
    expect(read('Mara hugs Owen, then the twins do the same.')).toEqual([
      '3 hug MARA>OWEN',
      '3 hug TWINS>OWEN',
    ]);
    expect(read('Mara gives Owen a kiss. Kit does the same to Elsa.')).toEqual([
      '3 kiss MARA>OWEN',
      '3 kiss KIT>ELSA',
    ]);
    expect(read('Owen takes her hand. She does the same with him.')).toEqual([
      '3 hold-hands OWEN>MARA @hand',
      '3 hold-hands MARA>OWEN @hand',
    ]);
    expect(read('Mara kisses Owen. He does likewise.')).toEqual([
      '3 kiss MARA>OWEN',
      '3 kiss OWEN>MARA',
    ]);
    // Not an act told before other doings.
    expect(read('Mara hits Owen. Kit peels off his mask. Mara does the same to Kit.')).toEqual([
      '3 punch MARA>OWEN',
    ]);
  });

  it('reads an object pronoun as the person met last in the direction', () => {
    const toddler =
      '(Martin looks on as Niles totters across the rug like a toddler to Leland, finally ' +
      'grabbing him to stay up.)';
    expect(suggest('FRASIER: Dad.', 'MARTIN: What?', toddler)).toEqual(['3 grab NILES>LELAND']);
  });

  it('guesses no doer for a clause that only says something is there', () => {
    // Not John, who spoke before it: the guard is `he`.
    const noise = '(There is a noise outside. When the guard looks, he is overpowered by Paul.)';
    expect(suggest('JOHN: Keys.', noise, 'MARY: Hello.')).toEqual(['2 grab PAUL>GUARD']);
  });

  it('reads `it` that no creature met stands for as an unnamed doer, of holds only', () => {
    const talk = ['KIM: What is that?', 'OWEN: Run!'];
    expect(suggest(...talk, '(Something moves in the dark. It grabs Kim.)')).toEqual([
      '3 grab ?>KIM',
    ]);
    // A blow is as often a thing thrown.
    expect(suggest(...talk, '(Owen throws the rock. It hits Kim.)')).toEqual([]);
    // An `it` that stands for no one.
    expect(suggest(...talk, '(It is Owen, who grabs Kim.)')).toEqual(['3 grab OWEN>KIM']);
  });

  it('reads an arm or arms someone has around a person, with no verb of putting', () => {
    const talk = ['KIM: Smile.', 'OWEN: Cheese.'];
    expect(suggest(...talk, '(Kim has her arms around Owen.)')).toEqual(['3 hug KIM>OWEN']);
    expect(suggest(...talk, "(Kim gets her arm around Owen's throat.)")).toEqual([
      '3 grab KIM>OWEN @neck',
    ]);
    expect(suggest(...talk, '(They pose, Kim with her arm around Owen.)')).toEqual([
      '3 caress KIM>OWEN',
    ]);
    expect(suggest(...talk, '(Owen sits down, his arm around Kim.)')).toEqual([
      '3 caress OWEN>KIM',
    ]);
    expect(suggest(...talk, '(They have their arms around each other.)')).toEqual([
      '3 hug *KIM+OWEN',
    ]);
  });

  it('reads `one` or `another` of a crowd as an unnamed doer, of holds and tender acts only', () => {
    const talk = ['KIM: What is that?', 'OWEN: Run!'];
    expect(suggest(...talk, '(The crowd closes in. One grabs Kim.)')).toEqual(['3 grab ?>KIM']);
    expect(suggest(...talk, "(One moves forward and strokes Kim's hair.)")).toEqual([
      '3 caress ?>KIM @hair',
    ]);
    expect(suggest(...talk, '(A third one grabs Owen.)')).toEqual(['3 grab ?>OWEN']);
    expect(suggest(...talk, '(Another grabs Owen.)')).toEqual(['3 grab ?>OWEN']);
    expect(suggest(...talk, '(Another pushes Owen.)')).toEqual([]);
    // An act noun after `another` is no doer's verb.
    expect(suggest(...talk, '(Another kiss.)')).toEqual(['3 kiss *KIM+OWEN']);
  });

  it('reads a handshake named by its noun alone as shared by the two talking', () => {
    const talk = ['KIM: Captain Owen.', 'OWEN: Ambassador Kim.'];
    expect(suggest(...talk, '(A handshake.)')).toEqual(['3 handshake *KIM+OWEN']);
    expect(suggest(...talk, '(The handshake turns into a test of strength.)')).toEqual([
      '3 handshake *KIM+OWEN',
    ]);
  });

  it('reads a word of our verbs after an article, tagged a noun, as a thing', () => {
    const talk = ['(Owen sits on the grass.)', 'KIM: Owen, look at this arch.'];
    expect(suggest(...talk, "(The plant has grabbed Owen's ankle. He screams.)")).toEqual([]);
  });

  it('reads `his` shoulder as another’s when neither gender is known', () => {
    const talk = ['ZORL: Here.', 'VESK: Yes.'];
    expect(suggest(...talk, '(Zorl points at the map. Vesk punches his shoulder.)')).toEqual([
      '3 punch VESK>ZORL @shoulder',
    ]);
    expect(suggest(...talk, '(Zorl falls. Vesk kneels, cradling his head.)')).toEqual([
      '3 cradle-neck VESK>ZORL @head',
    ]);
  });

  it('reads a body part clutched by a doer the direction does not write as their own', () => {
    const talk = ['(Owen falls.)', 'MARA: Look out!'];
    expect(suggest(...talk, '(Then collapses, clutching his chest.)')).toEqual([]);
  });

  it('reads a limb no one owns as an unnamed doer, an owned one as its owner', () => {
    const talk = ['KIM: What?', 'OWEN: Run!'];
    expect(suggest(...talk, "(A claw reaches out and grabs Kim's ankle.)")).toEqual([
      '3 grab ?>KIM @leg',
    ]);
    expect(suggest(...talk, '(Hands reach through the bars and grab her.)')).toEqual([
      '3 grab ?>KIM',
    ]);
    expect(suggest(...talk, "(Owen's hand grabs Kim.)")).toEqual(['3 grab OWEN>KIM']);
    // Described, whatever the tagger makes of the describing word.
    expect(suggest(...talk, '(A gloved hand grabs his wrist.)')).toEqual(['3 grab ?>OWEN @wrist']);
    expect(suggest(...talk, '(His gloved hand grabs Kim.)')).toEqual(['3 grab OWEN>KIM']);
    // A way of walking, or hands held: not a doer.
    expect(suggest(...talk, '(Hand in hand, they walk off.)')).toEqual([
      '3 hold-hands *KIM+OWEN @hand',
    ]);
    expect(suggest(...talk, '(They run in, still holding hands.)')).toEqual([
      '3 hold-hands *KIM+OWEN @hand',
    ]);
  });

  it('keeps a pronoun away from someone this direction showed to be of the other gender', () => {
    expect(
      suggest('MARA: Owen.', 'OWEN: Mara.', '(Owen takes her in his arms. She slaps his face.)'),
    ).toEqual(['3 hug OWEN>MARA', '3 slap MARA>OWEN @face']);
  });

  it('reads shrugging someone off as a shove; shrugging, or shrugging a thing off, as no act', () => {
    const read = after('OWEN: Come here.', 'MARA: No.');
    expect(read('Mara shrugs him off and leaves.')).toEqual(['3 shove MARA>OWEN']);
    expect(read('Mara shrugs off Owen.')).toEqual(['3 shove MARA>OWEN']);
    expect(read('Mara shrugs off her coat.')).toEqual([]);
    expect(read('Mara shrugs it off.')).toEqual([]);
    expect(read('Mara shrugs at Owen.')).toEqual([]);
  });

  it('reads `her` as no one the direction brings in after it', () => {
    // Lilith's gender is unknown; Mary, a name the lists know, speaks next but comes back later.
    const talk = ['LILITH: Oh, Frasier.', 'FRASIER: Congratulations.'];
    const read = (direction: string): string[] => suggest(...talk, `(${direction})`, 'MARY: Hi.');
    expect(read('He hugs her. Then Martin, Mary and Niles come back.')).toEqual([
      '3 hug FRASIER>LILITH',
    ]);
    expect(read('He hugs her. Then Mary and Niles enter.')).toEqual(['3 hug FRASIER>LILITH']);
    // Returning a hug is no coming back: John may be `him`.
    const four = ['JOHN: Mary.', 'MARY: Oh John.', 'PAUL: Wow.', 'SUE: Well.'];
    expect(suggest(...four, '(She throws her arms around him. John returns the hug.)')).toEqual([
      '5 hug SUE>JOHN',
      '5 hug JOHN>SUE',
    ]);
  });

  it('reads someone held by others as grabbed, not a thing held', () => {
    const read = after('OWEN: Let me go!', 'MARA: No.');
    expect(read('Owen is held by two guards.')).toEqual(['3 grab GUARDS>OWEN']);
    expect(read('Owen tries to leave and is held by deputies.')).toEqual(['3 grab DEPUTIES>OWEN']);
    expect(read('Owen is being held by Mara.')).toEqual(['3 grab MARA>OWEN']);
    expect(read('Owen is grabbed by guards.')).toEqual(['3 grab GUARDS>OWEN']);
    expect(read('It is being held by Mara.')).toEqual([]);
    expect(read('Owen climbs a ladder being held by Mara.')).toEqual([]);
  });

  it('reads someone gripped with a feeling as no grab', () => {
    const read = after('OWEN: Stop!', 'MARA: No.');
    expect(read('Owen is gripped with pain.')).toEqual([]);
    expect(read('Owen is seized with panic and runs.')).toEqual([]);
    expect(read('Owen is gripped by the guards.')).toEqual(['3 grab GUARDS>OWEN']);
  });

  it('reads touching hands as holding hands, both doing it', () => {
    const read = after('OWEN: Ready?', 'MARA: Yes.');
    expect(read('Mara and Owen touch hands and vanish.')).toEqual([
      '3 hold-hands *MARA+OWEN @hand',
    ]);
    expect(read('They touch hands.')).toEqual(['3 hold-hands *MARA+OWEN @hand']);
    expect(read('Mara touches hands with Owen.')).toEqual(['3 hold-hands MARA>OWEN @hand']);
    expect(read('Mara touches the panel.')).toEqual([]);
  });

  it("reads a neck pinch after `and` as the doer's blow, not a neck acting", () => {
    const read = after('OWEN: Stop!', 'MARA: No.');
    expect(read('Mara pushes Kit aside and neck-pinches Owen.')).toEqual([
      '3 shove MARA>KIT',
      '3 punch MARA>OWEN @neck',
    ]);
    expect(read('Mara turns and neck pinches him.')).toEqual(['3 punch MARA>OWEN @neck']);
    // Attempted or not yet done, as other verbs are.
    expect(read('Mara tries to neck-pinch him.')).toEqual([]);
    expect(read('Mara steps back before neck-pinching him.')).toEqual([]);
  });

  it('reads letting go of someone as a grab, and freeing a prisoner as none', () => {
    const read = after('OWEN: Let go!', 'MARA: No.');
    expect(read('Mara releases Owen.')).toEqual(['3 grab MARA>OWEN']);
    expect(read('Mara turns, releasing Owen, and leaves.')).toEqual(['3 grab MARA>OWEN']);
    expect(read('Mara has released him.')).toEqual(['3 grab MARA>OWEN']);
    // Freed from somewhere, released by no one named, or many at once: prisoners let out.
    expect(read('Mara releases Owen from the cell.')).toEqual([]);
    expect(read('Owen is released.')).toEqual([]);
    expect(read('They release the prisoners.')).toEqual([]);
    expect(read('Mara releases Kit and Owen.')).toEqual([]);
    expect(read('A film released in 2002.')).toEqual([]);
    // The end of an embrace or a grab already told.
    expect(read('Mara hugs Owen. She releases him.')).toEqual(['3 hug MARA>OWEN']);
    expect(read('They hug, then release each other.')).toEqual(['3 hug *MARA+OWEN']);
  });

  it('reads one or several of a kind struck, kissed or pushed as beings, not one met by name or a thing', () => {
    const read = after('OWEN: Run!', 'MARA: No.');
    expect(read('Mara hits a Zarbi.')).toEqual(['3 punch MARA>ZARBI']);
    expect(read('Mara knocks down a Breen.')).toEqual(['3 punch MARA>BREEN']);
    expect(read('Owen tackles one Redcoat.')).toEqual(['3 grab OWEN>REDCOAT']);
    expect(read('Mara kisses the Vorlons.')).toEqual(['3 kiss MARA>VORLONS']);
    // `the Sontaran` is often a character met by name; `the Scope` and the ship are things.
    expect(read('Mara kisses the Sontaran.')).toEqual([]);
    expect(read('Mara hits the Scope.')).toEqual([]);
    expect(read('Mara hits a Klingon ship.')).toEqual([]);
    expect(read('They strike the Cyber-fleet.')).toEqual([]);
    // Pushed, pulled, overpowered or shrugged off, and the agent of a passive past a particle.
    expect(read('Mara pushes the Spiridons away.')).toEqual(['3 shove MARA>SPIRIDONS']);
    expect(read('Mara shrugs off the Klingons.')).toEqual(['3 shove MARA>KLINGONS']);
    expect(read('Mara is held back by the Klingons.')).toEqual(['3 grab KLINGONS>MARA']);
  });

  it("reads a thing brought down on someone's head or face as a blow there", () => {
    const read = after('OWEN: Run!', 'MARA: No.');
    expect(read("Mara smashes a vase over Owen's head.")).toEqual(['3 punch MARA>OWEN @head']);
    expect(read("Mara grabs the tray and slams it into Owen's face.")).toEqual([
      '3 punch MARA>OWEN @face',
    ]);
    expect(read('Mara slams the door.')).toEqual([]);
    expect(read('Mara smashes the bottle against the wall.')).toEqual([]);
  });

  it('reads one seen being acted on as the one acted on, not the one who sees', () => {
    const read = after('OWEN: Run!', 'MARA: No.', 'KIT: Ha.');
    expect(read('Mara sees Owen being grabbed by Kit.')).toEqual(['4 grab KIT>OWEN']);
    expect(read('Owen is being held by Kit.')).toEqual(['4 grab KIT>OWEN']);
  });

  it("names people by a body's initials and their post: a UNIT soldier, the UNIT men", () => {
    const read = after('OWEN: Run!', 'MARA: No.');
    expect(read('A UNIT soldier grabs Owen.')).toEqual(['3 grab UNIT SOLDIER>OWEN']);
    expect(read('Mara watches the UNIT men being pinned down by the Roundheads.')).toEqual([
      '3 grab ROUNDHEADS>UNIT MEN',
    ]);
  });

  it('reads an elbow, a whack or blows given or got as blows, but not blows got in', () => {
    const read = after('OWEN: Run!', 'MARA: No.');
    expect(read('Mara gives Owen a sharp elbow in the midriff.')).toEqual(['3 punch MARA>OWEN']);
    expect(read('Mara gives him two hard blows.')).toEqual(['3 punch MARA>OWEN']);
    expect(read('Owen grabs Mara and gets an elbow in the ribs for it.')).toEqual([
      '3 grab OWEN>MARA',
      '3 punch MARA>OWEN',
    ]);
    // `gets some good blows in`: he lands them, on no one named.
    expect(read('Owen gets some good blows in.')).toEqual([]);
  });

  it('reads `it` after a machine named with a number as that machine', () => {
    const read = after('D84: Please put down the knife.', 'LEELA: Doctor!');
    expect(read('Leela turns to see D84. She lunges, but it grabs her arm.')).toEqual([
      '3 grab D84>LEELA @arm',
    ]);
  });

  it('gives an act after `who` to the person before it, with or without a comma', () => {
    const read = after('ODO: Help!', 'GARAK: Now.');
    expect(read('Garak shoots the guard who is throttling Odo.')).toEqual(['3 grab GUARD>ODO']);
    expect(read('Kira walks past Odo and Garak who are shaking hands.')).toEqual([
      '3 handshake *GARAK+ODO @hand',
    ]);
    // An attempt, or a passive, after `who` leaves the sentence as it was.
    expect(
      read('Odo takes the rifle off the guard who is trying to restrain him, and hits him.'),
    ).toEqual(['3 punch ODO>GUARD']);
  });

  it('reads a hand patted as held, and a pat on the back or shoulder as no act', () => {
    const read = after('ROZ: We just eloped.', 'MARTIN: Ha.');
    expect(read('Martin smiles and pats her hand.')).toEqual(['3 hold-hands MARTIN>ROZ @hand']);
    expect(read('Martin pats her on the back.')).toEqual([]);
    expect(read('Martin pats Roz on the shoulder.')).toEqual([]);
  });

  it('reads what comes from someone, and a feeling, as a thing that acts, not a person', () => {
    const read = after('WORF: Go.', 'KURN: No.', 'REG: Oh.');
    expect(read('Energy from the Dalek knocks Kurn down.')).toEqual([]);
    expect(read('A blast from the screen takes hold of Kurn.')).toEqual([]);
    expect(read('panic strikes Reg')).toEqual([]);
    // An act given is the giver's, and a person named before stays the subject.
    expect(read('A punch from Worf knocks Kurn down.')).toEqual(['4 punch WORF>KURN']);
    expect(read('Worf, with energy from the Dalek, knocks Kurn down.')).toEqual([
      '4 punch WORF>KURN',
    ]);
  });

  it('names one described by a hyphened look by the noun alone', () => {
    const read = after('QUARK: Go.', 'ROM: No.');
    expect(read('Quark gets knocked down by a long-haired rebel.')).toEqual([
      '3 punch REBEL>QUARK',
    ]);
    expect(read('Three jack-booted soldiers kick Quark.')).toEqual(['3 punch SOLDIERS>QUARK']);
    expect(read('A tall rebel hits Quark.')).toEqual(['3 punch TALL REBEL>QUARK']);
  });

  it('reads an act noun after a hyphened describing word, and no place in a bare `back` after it', () => {
    const read = after('OWEN: Stop!', 'MARA: No.');
    expect(read('Mara gives Owen a full-on kiss.')).toEqual(['3 kiss MARA>OWEN']);
    expect(read('Mara gives Owen a half-hearted hug.')).toEqual(['3 hug MARA>OWEN']);
    expect(read('Mara gives Owen a not-too-gentle shove back.')).toEqual(['3 shove MARA>OWEN']);
    expect(read('Mara gives Owen a kiss on the cheek.')).toEqual(['3 kiss MARA>OWEN @cheek']);
  });

  it('reads a pronoun owning what follows `and` as opening a clause, not one more of a group', () => {
    const read = after('KIT: Go.', 'OWEN: Stop!', 'MARA: No.');
    expect(read('Mara neck-pinches Owen, and his phaser fire hits a panel.')).toEqual([
      '4 punch MARA>OWEN @neck',
    ]);
    // A person owned is one more all the same.
    expect(read('Kit hugs Owen and his mother.')).toEqual(['4 hug KIT>OWEN+MOTHER']);
  });

  it('reads an act after `before` as done next, unless the doer draws back', () => {
    const read = after('OWEN: Stop!', 'MARA: No.');
    expect(read('Mara throttles Owen before throwing him down the stairs.')).toEqual([
      '3 grab MARA>OWEN',
      '3 shove MARA>OWEN',
    ]);
    expect(read('Mara pulls away before kissing Owen.')).toEqual([]);
    expect(read('Mara hesitates before hugging Owen.')).toEqual([]);
  });

  it('reads someone caught by others as grabbed, and catching someone as no act', () => {
    const read = after('OWEN: Run!', 'MARA: Go.');
    expect(read('Owen runs, but is caught by the guards.')).toEqual(['3 grab GUARDS>OWEN']);
    expect(read('Owen is caught in the beam.')).toEqual([]);
    expect(read('Mara catches Owen as he leaves.')).toEqual([]);
  });

  it('reads someone lifted or caught into one’s arms as hugged; a thing lifted, or carrying, not', () => {
    const read = after('KIT: Owen!', 'OWEN: Kit.');
    expect(read('Owen picks up Kit in his arms.')).toEqual(['3 hug OWEN>KIT']);
    expect(read('Owen catches Kit in his arms and lays her down.')).toEqual(['3 hug OWEN>KIT']);
    expect(read('Owen catches Kit as she falls.')).toEqual([]);
    expect(read('Owen lifts Kit up in his arms and runs.')).toEqual(['3 hug OWEN>KIT']);
    // `scoops`, which the tagger may take for a plural noun, is the verb all the same.
    expect(read('Owen scoops Kit up in his arms, weeping.')).toEqual(['3 hug OWEN>KIT']);
    expect(read('Owen picks up the box in his arms.')).toEqual([]);
    expect(read('Owen picks up Kit’s bag.')).toEqual([]);
    expect(read('Owen is carrying Kit in his arms.')).toEqual([]);
  });

  it('finds the person after a describing participle', () => {
    expect(suggest('ELSA: Oh.', 'MARA: There.', '(Mara hugs the weeping Elsa.)')).toEqual([
      '3 hug MARA>ELSA',
    ]);
  });

  it('keeps them away from the people of a plural subject', () => {
    expect(
      suggest('KIT: Now!', 'OWEN: Go.', '(Two robots roll in. Kit and Owen knock them over.)'),
    ).toEqual([]);
    expect(suggest('KIT: Now!', 'OWEN: Go.', '(Kit and Owen knock them out.)')).toEqual([]);
  });

  it("reads no blow on one's own body", () => {
    expect(suggest('MARA: Owen.', 'OWEN: Ha!', '(He slaps his thigh.)')).toEqual([]);
  });

  it('gives an act verb after a clause with no link word its own subject', () => {
    expect(
      suggest('KIT: Give me that.', 'OWEN: No.', '(as he turns to the door Owen knocks him down)'),
    ).toEqual(['3 punch OWEN>KIT']);
  });

  it('reads a person thrown somewhere as shoved, and a thing or a dive as no shove', () => {
    expect(
      suggest('KIT: No!', 'OWEN: Go.', '(Owen grabs Kit and throws him across the room.)'),
    ).toEqual(['3 grab OWEN>KIT', '3 shove OWEN>KIT']);
    expect(suggest('KIT: No!', 'OWEN: Go.', '(Owen throws Kit to the floor.)')).toEqual([
      '3 shove OWEN>KIT',
    ]);
    expect(suggest('KIT: No!', 'OWEN: Go.', '(Owen grabs Kit and throws him away.)')).toEqual([
      '3 grab OWEN>KIT',
      '3 shove OWEN>KIT',
    ]);
    expect(suggest('KIT: No!', 'OWEN: Go.', '(Owen throws it away.)')).toEqual([]);
    // A person given a thing; a thing thrown; a dive.
    expect(suggest('KIT: No!', 'OWEN: Go.', '(Owen throws Kit a rope.)')).toEqual([]);
    expect(suggest('KIT: No!', 'OWEN: Go.', '(Owen throws it to Kit.)')).toEqual([]);
    expect(suggest('KIT: No!', 'OWEN: Go.', '(Owen throws himself to the floor.)')).toEqual([]);
  });

  it('reads no shove in a participle after a comma, which tells what a jolt did', () => {
    expect(
      suggest('KIT: No!', 'OWEN: Go.', '(The ship lurches, throwing Owen to the floor.)'),
    ).toEqual([]);
  });

  it('reads a word the tagger took for a plural noun between a person and an object as the verb', () => {
    // The tagger reads `catches` after `The Spaniard` as a plural noun.
    expect(
      suggest(
        'MARA: Ben!',
        'SPANIARD: Hey.',
        '(The Spaniard catches Mara, grabbing her arm and throwing her to the ground.)',
      ),
    ).toEqual(['3 grab SPANIARD>MARA @arm', '3 shove SPANIARD>MARA']);
    // And before an object: `Kes phasers the operator` makes Kes the one `her` picks up.
    expect(
      suggest(
        'KES: No.',
        'JANEWAY: Stop.',
        '(Kes phasers the new arrival and the operator. Janeway pins her against the wall.)',
      ),
    ).toEqual(['3 grab JANEWAY>KES']);
    // Not across a comma: `Flash swings, Ben grabs his hand`.
    expect(
      suggest('FLASH: Oi!', 'BEN: Hey.', '(Flash swings, Ben grabs him and throws him down.)'),
    ).toEqual(['3 grab BEN>FLASH', '3 shove BEN>FLASH']);
  });

  it('reads a word the tagger took for a plural noun ending a clause as its verb', () => {
    // The tagger reads `turns` after `Tavi` as a plural noun, which joined both clauses.
    expect(
      suggest('TAVI: Sorry.', 'DOCTOR: Who?', '(Tavi turns and the Doctor grabs his arms.)'),
    ).toEqual(['3 grab DOCTOR>TAVI @arm']);
  });

  it('never reads a singular subject as someone the clause names besides', () => {
    // `he` and `the man` are the likeliest man, unless that is Phlox himself.
    expect(suggest('OWEN: What?', 'PHLOX: Hm.', '(He pushes Phlox away.)')).toEqual([
      '3 shove OWEN>PHLOX',
    ]);
    expect(suggest('OWEN: What?', 'PHLOX: Hm.', '(The man pushes Phlox away.)')).toEqual([
      '3 shove OWEN>PHLOX',
    ]);
  });

  it('gives an act seen being done to the one seen doing it', () => {
    expect(
      suggest(
        'OHICA: What?',
        'SARAH: He is dying.',
        "(She finds Sarah cradling the Doctor's head.)",
      ),
    ).toEqual(['3 cradle-neck SARAH>DOCTOR @head']);
    expect(
      suggest('OHICA: What?', 'SARAH: Quick.', '(Ohica enters to see Sarah throttling the guard.)'),
    ).toEqual(['3 grab SARAH>GUARD']);
    // The one who sees is never among `them`: the two of the talk are.
    expect(suggest('KIT: Hey.', 'OWEN: Hi.', '(Worf sees them holding hands.)')).toEqual([
      '3 hold-hands *KIT+OWEN @hand',
    ]);
  });

  it('gives an act seen being done, as a bare verb or by two people, to those seen', () => {
    const read = (direction: string) => suggest('KIT: Hey.', 'MARA: Hi.', 'OWEN: Oh.', direction);
    expect(read('(Owen turns to see Kit hug Mara.)')).toEqual(['4 hug KIT>MARA']);
    expect(read('(Owen sees Kit and Mara kiss.)')).toEqual(['4 kiss *KIT+MARA']);
    expect(read('(Owen finds Kit and Mara kissing.)')).toEqual(['4 kiss *KIT+MARA']);
    expect(read('(The doors open to reveal Kit and Mara kissing.)')).toEqual(['4 kiss *KIT+MARA']);
    expect(read('(Owen sees Kit now embracing Mara.)')).toEqual(['4 hug KIT>MARA']);
    expect(read('(Owen walks in on Kit kissing Mara.)')).toEqual(['4 kiss KIT>MARA']);
    expect(read('(Owen does not see Kit hug Mara.)')).toEqual([]);
    // Someone the direction does not name, never the one who sees.
    expect(read('(Owen sees the shape embracing Mara.)')).toEqual(['4 hug ?>MARA']);
    // Those just named are `their`, and `the two` are neither of those watching.
    expect(read('(Owen and Mara see the lovers in their close embrace.)')).toEqual([
      '4 hug *LOVERS',
    ]);
    expect(read('(Owen and Mara watch the two embrace.)')).toEqual([]);
  });

  it('reads a kiss or a hug returned as one back to its giver', () => {
    const read = (direction: string) => suggest('KIT: Hey.', 'MARA: Hi.', direction);
    expect(read('(Kit kisses Mara and she returns the kiss.)')).toEqual([
      '3 kiss KIT>MARA',
      '3 kiss MARA>KIT',
    ]);
    expect(read('(Mara hugs Kit. He returns the hug warmly.)')).toEqual([
      '3 hug MARA>KIT',
      '3 hug KIT>MARA',
    ]);
    expect(read('(Mara returns his kiss.)')).toEqual(['3 kiss MARA>KIT']);
    // Given by no one this direction or the lines just before name: back to the one he talks
    // with, as `her` would be.
    expect(read('(Kit returns the kiss.)')).toEqual(['3 kiss KIT>MARA']);
    expect(
      suggest(
        'RIVAN: Welcome!',
        'WORF: Thank you.',
        'RIVAN: And you!',
        'WORF: (returning the hug)',
      ),
    ).toEqual(['4 hug WORF>RIVAN']);
    expect(
      suggest('KIT: Hi.', 'MARA: Oh.', '(Mara hugs Kit.)', 'KIT: (returning the hug)'),
    ).toEqual(['3 hug MARA>KIT', '4 hug KIT>MARA']);
    // Not returned, but given all the same.
    expect(read("(Kit doesn't return her hug.)")).toEqual(['3 hug MARA>KIT']);
    // `kisses her back`: in return, not on her back.
    expect(read('(Mara kisses Kit and he kisses her back.)')).toEqual([
      '3 kiss MARA>KIT',
      '3 kiss KIT>MARA',
    ]);
  });

  it('reads a blow struck back as one to whoever struck the subject', () => {
    const read = (direction: string) => suggest('KIT: Hey.', 'MARA: Hi.', direction);
    expect(read('(Kit punches Mara on the arm. Mara punches back, then walks off.)')).toEqual([
      '3 punch KIT>MARA @arm',
      '3 punch MARA>KIT',
    ]);
    expect(read('(Kit shoves Mara. She hits back.)')).toEqual([
      '3 shove KIT>MARA',
      '3 punch MARA>KIT',
    ]);
    // Struck by no one named, or a thing pushed back, or a start: no blow back.
    expect(read('(Mara punches back.)')).toEqual([]);
    expect(read('(Kit shoves Mara. She pushes back the hood.)')).toEqual(['3 shove KIT>MARA']);
    expect(read('(Kit shoves Mara. They jump back.)')).toEqual(['3 shove KIT>MARA']);
  });

  it('gives an act someone is let do to that someone', () => {
    const read = (direction: string) => suggest('KIT: Hey.', 'MARA: Hi.', direction);
    expect(read('(Mara recoils slightly before letting Kit kiss her.)')).toEqual([
      '3 kiss KIT>MARA',
    ]);
    expect(read("(Mara won't let Kit hug her.)")).toEqual([]);
  });

  it('reads blows or kisses two people trade, and hands they link', () => {
    expect(suggest('KIT: Come on.', '(Kit and Owen trade a few punches.)')).toEqual([
      '2 punch *KIT+OWEN',
    ]);
    expect(suggest('KIT: Come on.', '(Kit exchanges blows with Owen.)')).toEqual([
      '2 punch *KIT+OWEN',
    ]);
    expect(suggest('KIT: Come on.', '(Kit trades the phaser for a scanner.)')).toEqual([]);
    expect(suggest('KIT: Come on.', '(Kit and Owen link hands.)')).toEqual([
      '2 hold-hands *KIT+OWEN @hand',
    ]);
  });

  it("reads a chest or a hand clutched as one's own, whoever else was named", () => {
    expect(
      suggest(
        'JOHN: Go.',
        'PAUL: No.',
        '(Paul pushes John away. John clutches his chest and falls.)',
      ),
    ).toEqual(['3 shove PAUL>JOHN']);
    expect(
      suggest('JOHN: Go.', 'PAUL: No.', '(Paul shoots. John drops the gun, clutching his hand.)'),
    ).toEqual([]);
    expect(suggest('JOHN: Go.', 'MARY: No.', '(Mary clutches his hand.)')).toEqual([
      '3 hold-hands MARY>JOHN @hand',
    ]);
  });

  it('gives a participle opening a sentence the subject of the clause after its comma', () => {
    expect(
      suggest('OWEN: Hi.', 'MARA: Owen.', 'KIT: No.', '(Grabbing Mara, Owen kisses her.)'),
    ).toEqual(['4 grab OWEN>MARA', '4 kiss OWEN>MARA']);
  });

  it('reads beating someone to a thing or at a game as no blow, unlike to the ground', () => {
    expect(suggest('OWEN: Mine!', '(Kit beats Owen to the phone.)')).toEqual([]);
    expect(suggest('OWEN: Mine!', '(Kit beats him to it.)')).toEqual([]);
    expect(suggest('OWEN: Mine!', '(Kit beats Owen at chess.)')).toEqual([]);
    expect(suggest('OWEN: Mine!', '(Kit beats Owen to the ground.)')).toEqual(['2 punch KIT>OWEN']);
    // And in a passive.
    expect(suggest('OWEN: Mine!', '(Owen finds he has been beaten to it.)')).toEqual([]);
    expect(suggest('OWEN: Mine!', '(Owen is beaten to the ground.)')).toEqual(['2 punch ?>OWEN']);
  });

  it('reads knocking someone out of the way as no blow, but a shove', () => {
    expect(suggest('OWEN: Hey.', '(Kit knocks Owen out of the way of the blast.)')).toEqual([
      '2 shove KIT>OWEN',
    ]);
    expect(suggest('OWEN: Hey.', '(Kit knocks Owen out with one blow.)')).toEqual([
      '2 punch KIT>OWEN',
    ]);
    // A shot or a drug knocks one down with no blow.
    expect(suggest('OWEN: Hey.', '(Kit knocks Owen down with an energy ball.)')).toEqual([]);
    expect(suggest('OWEN: Hey.', '(Kit knocks him out with a hypo.)')).toEqual([]);
  });

  it('reads `another` or `the other` as one more of the kind of person named before', () => {
    expect(
      suggest('ROSE: Run!', '(An android grabs Mickey by the throat. Another grabs Rose.)'),
    ).toEqual(['2 grab ANDROID>MICKEY @neck', '2 grab ANDROID>ROSE']);
    // From a direction a few lines back.
    expect(
      suggest(
        '(Two Vidiians approach them.)',
        'JANEWAY: Back off!',
        '(The other grabs Janeway by the throat.)',
      ),
    ).toEqual(['3 grab VIDIIAN>JANEWAY @neck']);
    // As an object; not `the other hand`, and not without a kind named before.
    expect(suggest('KIRK: Now.', '(Spock stuns a guard. Kirk punches the other one.)')).toEqual([
      '2 punch KIRK>GUARD',
    ]);
    expect(suggest('KIRK: Now.', '(A guard grabs Spock with the other hand.)')).toEqual([
      '2 grab GUARD>SPOCK',
    ]);
    // `One of them`: one of the crowd `them` stands for; of several people, no one known.
    expect(suggest('ROSE: Run!', '(The guards come in. One of them grabs Rose.)')).toEqual([
      '2 grab GUARD>ROSE',
    ]);
    expect(suggest('ROSE: Hi.', '(Kit and Elsa come in. One of them grabs Rose.)')).toEqual([]);
    // One of a plural in -ies is one of that kind: a MUMMY, but a ZOMBIE.
    expect(suggest('ROSE: Run!', '(The mummies burst in. One grabs Rose.)')).toEqual([
      '2 grab MUMMY>ROSE',
    ]);
    expect(suggest('ROSE: Run!', '(The zombies burst in. One grabs Rose.)')).toEqual([
      '2 grab ZOMBIE>ROSE',
    ]);
    // With no kind named before, someone unnamed.
    expect(suggest('ROSE: Run!', 'MICKEY: What?', '(Another grabs Rose.)')).toEqual([
      '3 grab ?>ROSE',
    ]);
  });

  it('reads `him` after `and` as the one the clause before acted on', () => {
    expect(
      suggest(
        'OWEN: Stop.',
        'MARA: Owen.',
        '(He punches Kit, then Mara grabs Dorn and pushes him away.)',
      ),
    ).toEqual(['3 punch OWEN>KIT', '3 grab MARA>DORN', '3 shove MARA>DORN']);
    // A `she` tried on the guard and set aside leaves the guard a `him`.
    expect(
      suggest(
        'OWEN: Stop.',
        'GUARD: No.',
        '(The man pushes Owen away, then the woman jumps the guard and knocks him out.)',
      ),
    ).toEqual(['3 shove MAN>OWEN', '3 grab WOMAN>GUARD', '3 punch WOMAN>GUARD']);
  });

  it('keeps `who` with its verb across `then`', () => {
    expect(
      suggest('OWEN: Stop.', 'KIT: Drop it.', '(Kit disarms Dorn, who then hits him.)'),
    ).toEqual(['3 punch DORN>KIT']);
  });

  it('reads `it` as a kind met as `a Zygon`, even when a Zygon speaks in the episode', () => {
    expect(
      suggest(
        'ZYGON: Hsss.',
        'OWEN: Hello, Mara.',
        '(He turns to see Mara change into a Zygon. He cries out as it starts to strangle him.)',
      ),
    ).toEqual(['3 grab ZYGON>OWEN']);
    // After a linking word too: `But it grabs ...`.
    expect(
      suggest('KIT: Hold it.', '(He clobbers the robot. But it grabs hold of his ankle.)'),
    ).toEqual(['2 punch KIT>ROBOT', '2 grab ROBOT>KIT @leg']);
  });

  it('reads a hand seized in a struggle as a grab, and a hand grabbed elsewhere as held', () => {
    const read = after('KIT: Stop!', 'OWEN: No.');
    expect(read('Owen swings, but Kit grabs his hand.')).toEqual(['3 grab KIT>OWEN @hand']);
    expect(read('Kit grabs his hand and the gun goes off.')).toEqual(['3 grab KIT>OWEN @hand']);
    expect(read('Kit grabs his hand and they run.')).toEqual(['3 hold-hands KIT>OWEN @hand']);
  });

  it('reads taking hold of someone as a grab, but not taking hold of a thing of theirs', () => {
    const read = after('KIT: Stop!', 'OWEN: No.');
    expect(read('Kit takes hold of Owen.')).toEqual(['3 grab KIT>OWEN']);
    expect(read('Kit grabs hold of his wrist.')).toEqual(['3 grab KIT>OWEN @wrist']);
    expect(read('Kit gets hold of his rifle.')).toEqual([]);
  });

  it('takes a speech after `(to Elsa)` as said to Elsa, for `they`', () => {
    const talk = ['ELSA: Ready?', 'KIT: Yes.', 'KIT: Wait.', 'KIT: One thing.', 'KIT: Fine.'];
    expect(suggest(...talk, 'KIT: (to Elsa)', 'KIT: Let us go.', '(They hold hands.)')).toEqual([
      '8 hold-hands *ELSA+KIT @hand',
    ]);
  });

  it('reads one act read twice in a sentence once, and a repeat in a later sentence again', () => {
    expect(suggest('KIT: Get back.', '(Owen hits Kit in the face, knocking him out.)')).toEqual([
      '2 punch OWEN>KIT @face',
    ]);
    expect(suggest('KIT: No.', '(Owen grabs Kit and pulls him away.)')).toEqual([
      '2 grab OWEN>KIT',
    ]);
    expect(suggest('KIT: No.', '(Owen grabs Kit. Later Owen grabs Kit again.)')).toEqual([
      '2 grab OWEN>KIT',
      '2 grab OWEN>KIT',
    ]);
  });

  it('reads a participle after a passive as passive too, with the same agent', () => {
    expect(
      suggest(
        'MARA: Hey.',
        '(Mara turns a corner, gets grabbed by an Ogron and pushed against the wall.)',
      ),
    ).toEqual(['2 grab OGRON>MARA', '2 shove OGRON>MARA']);
    expect(suggest('OWEN: No.', '(Owen is knocked down and hit over the head.)')).toEqual([
      '2 punch ?>OWEN',
    ]);
    // A thing named after `by` is no agent.
    expect(suggest('OWEN: No.', '(Owen is hit by an Ogron disruptor.)')).toEqual([]);
  });

  it('reads a short first name as the one speaker whose name it begins', () => {
    expect(suggest('SAMANTHA: Bye.', 'JAMIE: Bye.', '(Jamie grabs Sam.)')).toEqual([
      '3 grab JAMIE>SAMANTHA',
    ]);
    // Two it may shorten: no one is guessed.
    expect(suggest('SAMANTHA: Bye.', 'SAMUEL: Bye.', '(Jamie grabs Sam.)')).toEqual([
      '3 grab JAMIE>SAM',
    ]);
  });

  it('reads two act verbs joined by `and` as sharing the object after the second', () => {
    expect(suggest('KIT: Bye.', '(Mara hugs and kisses Kit, then leaves.)')).toEqual([
      '2 hug MARA>KIT',
      '2 kiss MARA>KIT',
    ]);
    expect(suggest('KIT: Bye.', 'MARA: Bye.', '(They hug and kiss.)')).toEqual([
      '3 hug *KIT+MARA',
      '3 kiss *KIT+MARA',
    ]);
    // Any verb of the same form after `and` with a person after it shares that person.
    const talk = ['KIT: Hi.', 'MARA: Come on.'];
    expect(suggest(...talk, '(She runs off, grabbing and dragging Kit along.)')).toEqual([
      '3 grab MARA>KIT',
    ]);
    expect(suggest(...talk, '(Mara grabs and drags Kit out.)')).toEqual(['3 grab MARA>KIT']);
    expect(suggest(...talk, '(Mara grabs and eats the cake.)')).toEqual([]);
    expect(suggest(...talk, '(Mara is shaking and wringing her hands.)')).toEqual([]);
  });

  it('reads `still hugging` as the hug told before in the direction going on, not a second', () => {
    expect(
      suggest('KIT: Hi.', '(Mara hugs Kit. Then, still hugging him, she waves at Owen.)'),
    ).toEqual(['2 hug MARA>KIT']);
    // Told in no earlier sentence of the direction, it is this direction's hug.
    expect(suggest('KIT: Hi.', '(Mara is still hugging Kit.)')).toEqual(['2 hug MARA>KIT']);
  });

  it('reads a bare verb after a kind of being as its plural, not as a slip', () => {
    expect(suggest('KIT: No!', '(The Ood grab Kit.)')).toEqual(['2 grab OOD>KIT']);
    // An act word that is also a noun is the verb when an object follows it.
    expect(suggest('KIT: No!', '(The Zarbi push Kit forward.)')).toEqual(['2 shove ZARBI>KIT']);
    // After a name it is still odd, and no act.
    expect(suggest('KIT: No!', 'MARA: Hi.', '(Mara kiss Kit.)')).toEqual([]);
  });

  it('keeps a plural subject plural for the verb after `and`', () => {
    expect(suggest('KIT: Hi.', '(Two young women approach and touch Kit’s hair.)')).toEqual([
      '2 caress YOUNG WOMEN>KIT @hair',
    ]);
  });

  it('reads people named by what they do (`the killer`, `an attacker`) as people', () => {
    expect(suggest('VINA: Run!', '(The killer grabs Vina.)')).toEqual(['2 grab KILLER>VINA']);
    expect(suggest('JAKE: Hey!', '(Jake knocks the attacker out.)')).toEqual([
      '2 punch JAKE>ATTACKER',
    ]);
    expect(suggest('MARA: No!', '(A scarecrow grabs Mara from behind.)')).toEqual([
      '2 grab SCARECROW>MARA',
    ]);
    // A noun naming the post: `a patrol member`, `a security guard`.
    expect(suggest('MARA: No!', '(A patrol member grabs Mara.)')).toEqual([
      '2 grab PATROL MEMBER>MARA',
    ]);
    expect(suggest('KIT: Go.', '(Kit knocks out a security guard.)')).toEqual([
      '2 punch KIT>SECURITY GUARD',
    ]);
  });

  it('never reads `her` or `him` as people named as a plural (`their attackers`)', () => {
    const rows = ['WORF: Now.', 'ELSA: Yes.', 'WORF: Together.'];
    const fight = '(The dead soldiers rise again, and he hands her a sword. They dispatch their';
    const after =
      'attackers then she swings at him. Then they gaze at each other, Worf takes her hand.)';
    expect(suggest(...rows, `${fight} ${after}`)).toEqual(['4 hold-hands WORF>ELSA @hand']);
  });

  it('reads a rank before a name as a title', () => {
    // A name no one speaks keeps its title, as `Mister Lloyd` does.
    expect(suggest('KIRK: Now.', '(Hengist grabs Yeoman Tankris.)')).toEqual([
      '2 grab HENGIST>YEOMAN TANKRIS',
    ]);
    expect(suggest('KIM: Now.', '(Hengist grabs Ensign Kim.)')).toEqual(['2 grab HENGIST>KIM']);
  });

  it('reads a pronoun at the start of a scene as the one whose place the heading names', () => {
    const rows = ['KIT: Night.', 'OWEN: Bye.', '[Kit’s room]', '(Mara is stroking his hair.)'];
    expect(suggest(...rows, 'MARA: Sleep.')).toEqual(['4 caress MARA>KIT @hair']);
    // `her little ...` is hers, not her.
    expect(suggest('KIT: Hi.', '(Mara is cradling her little green pet.)')).toEqual([]);
  });

  it('reads someone held back, held down, pulled off or pushed past as grabbed or shoved', () => {
    const read = after('OWEN: Hey.', 'MARA: No.', 'KIT: Stop.');
    expect(read('Kit holds him back.')).toEqual(['4 grab KIT>OWEN']);
    expect(read('Kit holds him down.')).toEqual(['4 grab KIT>OWEN']);
    // `her back` after holding or pulling is the particle; after rubbing, her back.
    expect(read('Kit holds her back.')).toEqual(['4 grab KIT>MARA']);
    expect(read('Kit rubs her back.')).toEqual([]);
    // In the passive too, with or without the one who holds.
    expect(read('Owen is held down.')).toEqual(['4 grab ?>OWEN']);
    expect(read('Owen is held back by Kit.')).toEqual(['4 grab KIT>OWEN']);
    // `floor` is read only with a person pronoun in the direction (`the floor` is everywhere).
    expect(read('Kit floors him.')).toEqual(['4 punch KIT>OWEN']);
    expect(read('Kit hauls him off Mara.')).toEqual(['4 grab KIT>OWEN']);
    expect(read('Kit pulls Owen from his seat.')).toEqual(['4 grab KIT>OWEN']);
    expect(read('Kit pushes past him.')).toEqual(['4 shove KIT>OWEN']);
    expect(read('Kit chops him across the throat.')).toEqual(['4 punch KIT>OWEN @neck']);
    // A thing holding someone down is no one's act; nor is holding back tears.
    expect(read('The strap holding her down breaks.')).toEqual([]);
    expect(read('Kit holds back his tears.')).toEqual([]);
    // Held close: someone who speaks, not a name no one answers to (a sword, a cat).
    expect(read('Kit is holding Mara.')).toEqual(['4 hug KIT>MARA']);
    expect(read('Kit is holding Excalibur.')).toEqual([]);
  });

  it('reads `grabbed by the arm` as the part held, not the one who holds it', () => {
    const read = after('OWEN: Hey.', 'MARA: No.', 'KIT: Stop.');
    expect(read('Owen is grabbed by the arm.')).toEqual(['4 grab ?>OWEN @arm']);
    expect(read('Mara is seized by her wrist by Kit.')).toEqual(['4 grab KIT>MARA @wrist']);
    expect(read('Owen turns and is grabbed by the throat.')).toEqual(['4 grab ?>OWEN @neck']);
    // A named owner's hand is the doer's (`by Kit's hand`); a thing is still no one.
    expect(read("Owen is grabbed by Kit's hand.")).toEqual(['4 grab KIT>OWEN']);
    expect(read('Owen is hit by a rock.')).toEqual([]);
  });

  it('reads a thing named after a place as the one that did it, unlike a limb or a creature', () => {
    const read = after('OWEN: Hey.', 'MARA: No.');
    expect(read('Owen gets pinned against a rock by a thrown boulder.')).toEqual([]);
    expect(read('Owen is pushed away from the console by waves.')).toEqual([]);
    expect(read('Owen is pinned against the wall by the Morlox.')).toEqual(['3 grab ?>OWEN']);
    expect(read('Owen is pinned against the rocks by that claw.')).toEqual(['3 grab ?>OWEN']);
  });

  it('reads a passive infinitive after a verb of pretending or wanting as no act', () => {
    const read = after('OWEN: Hey.', 'MARA: No.', 'KIT: Stop.');
    expect(read('Owen pretends to be strangled.')).toEqual([]);
    expect(read('Mara asks to be held by Kit.')).toEqual([]);
    expect(read('Owen manages to be hugged by Mara.')).toEqual(['4 hug MARA>OWEN']);
    // `only to`, `has to`: it happens.
    expect(read('Owen wakes only to be hit again by Mara.')).toEqual(['4 punch MARA>OWEN']);
    expect(read('Owen has to be held back by Kit.')).toEqual(['4 grab KIT>OWEN']);
  });

  it("reads `him` as the doer before someone only named as an owner (`Owen's hand`)", () => {
    expect(
      suggest('TAVI: Hey.', 'OWEN: No.', "(Tavi touches Owen's hand before Dorn pulls him off.)"),
    ).toEqual(['3 hold-hands TAVI>OWEN @hand', '3 grab DORN>TAVI']);
  });

  it('reads `the woman` as a woman who has spoken, not one who speaks only after it', () => {
    expect(suggest('MARA: Hi.', 'DORN: Go.', '(The woman slaps Dorn.)', 'ELSA: Stop!')).toEqual([
      '3 slap MARA>DORN',
    ]);
    expect(suggest('DORN: Go.', '(The woman slaps Dorn.)', 'ELSA: Stop!')).toEqual([
      '2 slap WOMAN>DORN',
    ]);
  });

  it('reads snuggling up to someone, or against his chest, as a hug; not into his chair', () => {
    const read = after('OWEN: Hey.', 'MARA: Oh, Owen.');
    expect(read('Mara snuggles up to him.')).toEqual(['3 hug MARA>OWEN']);
    expect(read('Mara nestles against his chest.')).toEqual(['3 hug MARA>OWEN']);
    expect(read('Mara nestles into his chair.')).toEqual([]);
  });

  it('reads `them`, not the doer, as a group a direction named a few lines before', () => {
    const read = (...rows: string[]): string[] =>
      suggest('(Elsa and Mara come in.)', 'OWEN: No, no, no.', ...rows);
    expect(read('(Owen pushes them back into the hall.)')).toEqual(['3 shove OWEN>ELSA+MARA']);
    expect(read('(He embraces them.)')).toEqual(['3 hug OWEN>ELSA+MARA']);
    // Not when the doer is one of the group.
    expect(read('(Elsa pushes them back.)')).toEqual([]);
  });

  it('reads `them` hugged or greeted, with no group named, as the two others of the talk', () => {
    const read = after('OWEN: Elsa, we have to go.', 'ELSA: I know.', 'KIT: Come back soon, Elsa.');
    expect(read('Elsa hugs them.')).toEqual(['4 hug ELSA>KIT+OWEN']);
    expect(read('Elsa shakes their hands.')).toEqual(['4 handshake ELSA>KIT+OWEN @hand']);
    // Things are grabbed as often as people.
    expect(read('Elsa grabs them.')).toEqual([]);
    // Three others: no telling which.
    expect(
      suggest(
        'MARA: Bye.',
        'OWEN: Elsa, we have to go.',
        'ELSA: I know.',
        'KIT: Bye.',
        '(Elsa hugs them.)',
      ),
    ).toEqual([]);
  });

  it('reads a described man as a man of his own when someone speaks as MAN', () => {
    const read = after('MAN: Shall we dance?', 'KIT: No.', 'ELSA: Kit!');
    expect(read('The scarred man grabs Kit.')).toEqual(['4 grab SCARRED MAN>KIT']);
    // The man, bare, is the one who speaks as MAN.
    expect(read('The man grabs Elsa.')).toEqual(['4 grab MAN>ELSA']);
  });

  it('reads a described man of the talk as the man who talks, when MAN is someone else', () => {
    const read = (...talk: string[]) => after('MAN: Next!', '(Later.)', ...talk);
    expect(
      read('TOBIAS: Tobias.', 'KIT: How do you do?')("Kit shakes the younger man's hand."),
    ).toEqual(['5 handshake KIT>TOBIAS @hand']);
    // Met before under that description, however long before, he is a man of his own.
    const longTalk = Array.from({ length: 7 }, () => ['KIT: Well?', 'TOBIAS: Well.']).flat();
    expect(
      read(
        'KIT: Hi.',
        'TOBIAS: Hi.',
        '(A scarred man waits outside.)',
        ...longTalk,
      )("Kit shakes the scarred man's hand."),
    ).toEqual(['20 handshake KIT>SCARRED MAN @hand']);
    // `the other man` points back to someone of the direction, not to the talk.
    expect(
      read('TOBIAS: Tobias.', 'KIT: How do you do?')('Two men come in. Kit hugs the other man.'),
    ).toEqual(['5 hug KIT>OTHER MAN']);
  });

  it('reads `they` as the collective met last, on its own, not with the one it acts on', () => {
    const read = (direction: string): string[] => suggest('KIT: Run!', 'MARA: Where?', direction);
    expect(read('(The guards enter. Kit runs, but they seize him.)')).toEqual([
      '3 grab GUARDS>KIT',
    ]);
    expect(read('(The mummies burst in. They knock Kit down.)')).toEqual(['3 punch MUMMIES>KIT']);
    // A group of names met after it is `they`.
    expect(read('(The guards leave. Kit and Mara hug. They kiss.)')).toEqual([
      '3 hug *KIT+MARA',
      '3 kiss *KIT+MARA',
    ]);
    // Shaking someone off is breaking free, no hold.
    expect(read('(The guards grab Kit. He shakes them off.)')).toEqual(['3 grab GUARDS>KIT']);
    // A body of people is a collective too, and never `him`.
    expect(read('(Security enter. Kit runs and they grab him.)')).toEqual(['3 grab SECURITY>KIT']);
    expect(read('(The police arrive. Kit runs, but they seize him.)')).toEqual([
      '3 grab POLICE>KIT',
    ]);
    expect(read('(Kit is beaten up by a gang in hats.)')).toEqual(['3 punch GANG>KIT']);
    const trapped = '(The police enter behind him. He is trapped. Suddenly he elbows Mara.)';
    expect(read(trapped)).toEqual(['3 punch KIT>MARA']);
    // Though one officer of security may be `him`.
    const officer = '(Mullibok grabs the second security and pushes him over.)';
    expect(suggest('SECURITY: Stop!', 'MULLIBOK: No.', officer)).toEqual([
      '3 shove MULLIBOK>SECURITY',
    ]);
  });

  it('never reads a collective as `he` or `she`, counted kinds included', () => {
    const read = (direction: string): string[] => suggest('MARA: Ready.', 'KIT: Go.', direction);
    expect(read('(The Klingons lift her up. She grabs Kit.)')).toEqual(['3 grab MARA>KIT']);
    // A kind whose plural is its singular, counted.
    expect(read('(Two Borg lift her up. She grabs Kit.)')).toEqual(['3 grab MARA>KIT']);
  });

  it('reads someone who joins in, or joins the hug, right after a hug as hugging everyone in it', () => {
    const read = after('OWEN: Hey.', 'KIT: Oh.');
    expect(read('Mara hugs Owen. Kit joins in.')).toEqual([
      '3 hug MARA>OWEN',
      '3 hug KIT>MARA+OWEN',
    ]);
    expect(read('Mara gives him a big hug, then Kit joins the embrace.')).toEqual([
      '3 hug MARA>OWEN',
      '3 hug KIT>MARA+OWEN',
    ]);
    // Two who hug one are one hug of three.
    expect(read('Mara and Ana hug Owen, then Kit joins in.')).toEqual([
      '3 hug MARA>OWEN',
      '3 hug ANA>OWEN',
      '3 hug KIT>MARA+ANA+OWEN',
    ]);
    // Not after another act, nor for someone already in the hug.
    expect(read('Mara kisses Owen. Kit joins in.')).toEqual(['3 kiss MARA>OWEN']);
    expect(read('Mara hugs Owen. Owen joins in.')).toEqual(['3 hug MARA>OWEN']);
  });

  it('reads rushing (over) to hug someone as a hug, and moving to hug as no act', () => {
    const read = after('OWEN: Hey.', 'MARA: Oh.');
    expect(read('Mara rushes to hug him.')).toEqual(['3 hug MARA>OWEN']);
    expect(read('Mara hurries over to embrace him.')).toEqual(['3 hug MARA>OWEN']);
    expect(suggest('OWEN: Hey.', 'MARA: (rushing to embrace him)')).toEqual(['2 hug MARA>OWEN']);
    expect(read('Mara moves to hug him.')).toEqual([]);
  });

  it('never reads `the boy` or `the man` as someone the same direction names', () => {
    const read = after('OWEN: Sit down.', 'KIT: Thanks.');
    expect(read('Owen checks the wound while the boy hugs Kit.')).toEqual(['3 hug BOY>KIT']);
    // Named only as an owner, he may be the man.
    expect(read("Kit turns at Owen's shout, but Mara grabs the man.")).toEqual([
      '3 grab MARA>OWEN',
    ]);
  });

  it('reads a newcomer described before a label names them as that speaker, for the scene', () => {
    expect(
      suggest(
        '(A bearded man speaks to a woman who has just come in.)',
        'TOBIAS: That reporter is due.',
        'HILDA: We shall be polite.',
        '(Mara walks up and shakes hands with the man.)',
      ),
    ).toEqual(['4 handshake MARA>TOBIAS @hand']);
    expect(suggest('KIT: Look out!', '(A man grabs Kit from behind.)', 'MILO: Got you.')).toEqual([
      '2 grab MILO>KIT',
    ]);
    // Not someone who spoke before, two newcomers, nor one of a group.
    expect(suggest('MILO: Hi.', '(A man grabs Kit.)', 'MILO: Got you.')).toEqual([
      '2 grab MAN>KIT',
    ]);
    expect(suggest('(A man and a woman come in. The man grabs Kit.)', 'NONA: Run!')).toEqual([
      '1 grab MAN>KIT',
    ]);
    expect(suggest('(One of his men grabs Kit.)', 'STUBBS: Alone.')).toEqual(['1 grab MAN>KIT']);
  });

  it('reads `her hair` stroked by someone of unknown gender as the hair of the woman talked to', () => {
    const talk = ['ZORRIN: Come on, Mara.', 'MARA: I am so tired.'];
    expect(suggest(...talk, 'ZORRIN: (weeping and stroking her hair)')).toEqual([
      '3 caress ZORRIN>MARA @hair',
    ]);
    // One nuzzles another's neck, as one strokes another's hair.
    expect(suggest(...talk, '(Zorrin nuzzles her neck.)')).toEqual(['3 caress ZORRIN>MARA @neck']);
  });

  it('reads a hand slapped down or away as another’s, though the doer’s gender fits', () => {
    const talk = ['JOHN: Elsinore.', 'MARTIN: [extending his own hand] Denmark!'];
    expect(suggest(...talk, '(John slaps his hand down.)')).toEqual(['3 slap JOHN>MARTIN @hand']);
    expect(suggest(...talk, '(John slaps his thigh.)')).toEqual([]);
  });

  it('reads `his hair` stroked by a man as the hair of the man talked to, not a head he cradles', () => {
    const talk = ['MARTIN: A tour?', 'JOHN: Yes, Dad, a tour.'];
    expect(suggest(...talk, 'JOHN: (strokes his hair again)')).toEqual([
      '3 caress JOHN>MARTIN @hair',
    ]);
    expect(suggest(...talk, '(John cradles his head in his hands.)')).toEqual([]);
  });

  it('ends a clause at a thing that acts (`and the phone rings`), though tagged a plural', () => {
    const read = after('OWEN: Stay.', 'MARA: I will.');
    expect(read('They kiss, and the doorbell buzzes.')).toEqual(['3 kiss *MARA+OWEN']);
    expect(read('They hug and the phone rings.')).toEqual(['3 hug *MARA+OWEN']);
    // Before a word of place, described: the thing's verb, so the thing is what throws him.
    expect(read('The green glow zaps into his chest and throws him across the room.')).toEqual([]);
    // A person's verb before a word of place ends her clause; the thing's clause follows.
    expect(read('Mara taps at the console, then the beam throws him onto the floor.')).toEqual([]);
  });

  it('reads a lone first word in -s before `and` or a comma as a verb, not a thing', () => {
    const talk = ['OWEN: I had a wonderful time.'];
    expect(suggest(...talk, 'MARA: (laughs and kisses him)')).toEqual(['2 kiss MARA>OWEN']);
    expect(suggest(...talk, 'MARA: (Smiles, hugs him)')).toEqual(['2 hug MARA>OWEN']);
  });

  it('reads two act nouns joined by `and` as given, or got, alike, and adverbs before one', () => {
    const read = after('OWEN: Hey.', 'MARA: Oh, Owen.');
    expect(read('Mara gives him a hug and a kiss on the cheek.')).toEqual([
      '3 hug MARA>OWEN',
      '3 kiss MARA>OWEN',
    ]);
    expect(read('Owen gets a hug and kiss from a very happy Mara.')).toEqual([
      '3 hug MARA>OWEN',
      '3 kiss MARA>OWEN',
    ]);
    expect(read('Mara gives him a flower and a hug.')).toEqual(['3 hug MARA>OWEN']);
    expect(read('Mara gives him an extremely loud kiss.')).toEqual(['3 kiss MARA>OWEN']);
    expect(read('A quick peck and a hug.')).toEqual(['3 kiss *MARA+OWEN', '3 hug *MARA+OWEN']);
    // A verb after `and` is a clause of its own; `gets in a kick` is no kick received.
    expect(read('Mara gives him a hug and kisses him.')).toEqual([
      '3 hug MARA>OWEN',
      '3 kiss MARA>OWEN',
    ]);
    expect(read('Mara gets in a kick to his side.')).toEqual([]);
  });

  it('reads `her mum` or `his son` as the one the speeches show to be that relative', () => {
    // Kit calls Mara `Mum` and Mara answers, twice: Mara is Kit's mother, Kit her son.
    const talk = ['KIT: Night, Mum.', 'MARA: Night, love.', 'KIT: Thanks, Mum.', 'MARA: Go on.'];
    const read = after(...talk, 'OWEN: Coming?');
    expect(read('Kit hugs his mum.')).toEqual(['6 hug KIT>MARA']);
    expect(read('Mara kisses her son.')).toEqual(['6 kiss MARA>KIT']);
    // `Kit's mother`, named by her son, is met as Mara: `him` is then someone else.
    expect(read("Kit's mother comes in and hugs him.")).toEqual(['6 hug MARA>OWEN']);
    // Not a relative of someone the speeches do not show: Owen's mother is no one known.
    expect(read('Owen hugs his mother.')).toEqual(['6 hug OWEN>MOTHER']);
    // One call answered once is not enough (the one called may not speak).
    expect(after('KIT: Mum!', 'MARA: What?')('Kit hugs his mum.')).toEqual(['3 hug KIT>MUM']);
  });

  it('never reads `him` as a voice heard over the comm or from a screen', () => {
    const read = after('KIT: Ready.', 'OWEN [OC]: Will do.', 'MARA: You are back.');
    expect(read('She slaps him.')).toEqual(['4 slap MARA>KIT']);
    expect(after('KIT: Ready.', 'OWEN: Will do.', 'MARA: You are back.')('She slaps him.')).toEqual(
      ['4 slap MARA>OWEN'],
    );
  });

  it('reads `everyone` with a verb in -s after an object as a subject, not one more hugged', () => {
    const read = after('OWEN: Well?', 'KIT: Mara!', 'MARA: Kit!');
    expect(read('Kit hugs Mara and everyone applauds.')).toEqual(['4 hug KIT>MARA']);
  });

  it('reads a thing that hits or knocks someone out (`a ball which hits him`) as no blow', () => {
    const read = after('KIT: Careful!', 'MARA: What?');
    expect(read('Kit kicks a ball which hits Mara in the face.')).toEqual([]);
    expect(read('Kit gives Mara a hypo which knocks her out.')).toEqual([]);
    expect(read('And that hits Mara hard.')).toEqual([]);
    // A blow or a hand that knocks someone out is still a blow.
    expect(read('Kit throws a punch that knocks Mara out.')).toEqual(['3 punch KIT>MARA']);
    expect(read('Kit throws up a hand that knocks Mara out cold.')).toEqual(['3 punch KIT>MARA']);
  });

  it('reads stopping an act (`stops kissing Kim`) as the act, unless told a few lines before', () => {
    const read = after('KIT: Mara.', 'MARA: Kit.');
    expect(read('When Mara stops kissing Kit, she sees the alien.')).toEqual(['3 kiss MARA>KIT']);
    expect(read('Mara kisses Kit. Then she stops kissing him.')).toEqual(['3 kiss MARA>KIT']);
    expect(
      suggest('KIT: Mara.', '(Mara kisses Kit.)', 'KIT: Wait.', '(Mara stops kissing him.)'),
    ).toEqual(['2 kiss MARA>KIT']);
    // Stopping someone from an act is still no act.
    expect(read('Mara stops Kit from kissing her.')).toEqual([]);
  });

  it('reads making a grab for someone as a grab, and for a thing as no act', () => {
    const read = after('MARA: Get out of my way!', 'KIT: No!');
    expect(read('Kit makes a grab for Mara. She twists free.')).toEqual(['3 grab KIT>MARA']);
    expect(read('Kit makes a grab for the gun.')).toEqual([]);
    expect(read('Kit tries to make a grab for her.')).toEqual([]);
  });

  it('reads `one of them` as one of a crowd a direction named a few lines before', () => {
    expect(
      suggest(
        'MARA: Kit!',
        '(The mummies burst through the door and advance on Mara.)',
        'MARA: Kit! Kit!',
        '(One of them grabs her by the throat.)',
      ),
    ).toEqual(['4 grab MUMMY>MARA @neck']);
  });

  it('reads the partner of an unnamed handshake as the one it greets', () => {
    const talk = ['OWEN: Let me take you to the bridge.', 'KIT: Always good to see a chief.'];
    expect(suggest(...talk, '(shakes hands)', 'MARA: Mara Vance. Good to meet you.')).toEqual([
      '3 handshake KIT>MARA @hand',
    ]);
    // Greeted just before: `Kit, lovely to see you!`
    const greeted = ['OWEN: Hello.', 'MARA: Kit, lovely to see you!', 'KIT: (shaking hands)'];
    expect(suggest(...greeted, 'KIT: Likewise.')).toEqual(['3 handshake KIT>MARA @hand']);
  });

  it('reads `he reciprocates` as the kiss, hug or handshake he was given, given back', () => {
    const read = after('JOHN: Mary.', 'MARY: John.');
    expect(read('Mary kisses John and he reciprocates.')).toEqual([
      '3 kiss MARY>JOHN',
      '3 kiss JOHN>MARY',
    ]);
    expect(read('Mary hugs John. He reciprocates, slightly.')).toEqual([
      '3 hug MARY>JOHN',
      '3 hug JOHN>MARY',
    ]);
    expect(read("Mary kisses John. He doesn't reciprocate.")).toEqual(['3 kiss MARY>JOHN']);
    // Nothing given to answer: no act.
    expect(read('John reciprocates.')).toEqual([]);
  });

  it('reads `they all shake hands` after an introduction as everyone it introduces', () => {
    const talk = ['MARA: Hm.', 'OWEN: Ah!', 'ELSA: Hello.', 'KIT: Elsa, this is Mara, and Owen.'];
    expect(suggest(...talk, '(They all shake hands.)')).toEqual([
      '5 handshake *ELSA+MARA+OWEN @hand',
    ]);
  });

  it('reads touching a hand as holding it, but `touching it` as touching a thing', () => {
    const read = after('KIT: Careful.', 'MARA: I will.', 'OWEN: Go.');
    expect(read("Mara gently touches Kit's hand.")).toEqual(['4 hold-hands MARA>KIT @hand']);
    expect(read('Mara points at his fingers, then touches it.')).toEqual([]);
    // One's own hand: `raises his arm and touches his palm`.
    expect(read('Kit raises his arm and touches his palm.')).toEqual([]);
  });

  it('reads giving someone a smack as a slap', () => {
    expect(
      after('KIT: Still producing?', 'MARA: She is!')('He gives her a smack on the behind.'),
    ).toEqual(['3 slap KIT>MARA']);
  });

  it('reads `a crewman and woman` as two people, the article shared; not `Father and son`', () => {
    const read = after('KIT: Deck five.');
    expect(read('The doors open to reveal a crewman and woman in a passionate kiss.')).toEqual([
      '2 kiss *CREWMAN+WOMAN',
    ]);
    expect(read('An old man and woman embrace.')).toEqual(['2 hug *OLD MAN+WOMAN']);
    expect(read('Father and son hug.')).toEqual([]);
  });
});
