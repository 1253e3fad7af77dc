/** Closed word lists the suggester reads stage directions with. All lower case. */

export type Gender = 'm' | 'f';

/** Personal pronouns: their gender (null for they), number and case. */
export const PRONOUNS: ReadonlyMap<
  string,
  {
    readonly gender: Gender | null;
    readonly plural: boolean;
    readonly role: 'subj' | 'obj' | 'poss' | 'objposs';
  }
> = new Map([
  ['he', { gender: 'm', plural: false, role: 'subj' }],
  ['him', { gender: 'm', plural: false, role: 'obj' }],
  ['his', { gender: 'm', plural: false, role: 'poss' }],
  ['himself', { gender: 'm', plural: false, role: 'obj' }],
  ['she', { gender: 'f', plural: false, role: 'subj' }],
  ['her', { gender: 'f', plural: false, role: 'objposs' }],
  ['hers', { gender: 'f', plural: false, role: 'obj' }],
  ['herself', { gender: 'f', plural: false, role: 'obj' }],
  ['they', { gender: null, plural: true, role: 'subj' }],
  ['them', { gender: null, plural: true, role: 'obj' }],
  ['their', { gender: null, plural: true, role: 'poss' }],
  ['themselves', { gender: null, plural: true, role: 'obj' }],
] as const);

/** Words before a name that are part of how a person is called. */
export const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'missus',
  'dr',
  'doctor',
  'captain',
  'sir',
  'lady',
  'lord',
  'professor',
  'sergeant',
  'lieutenant',
  'inspector',
  'detective',
  'major',
  'general',
  'colonel',
  'private',
  'commander',
  'madame',
  'madam',
  'uncle',
  'aunt',
  'auntie',
  'nurse',
  'father',
  'mother',
  'brother',
  'sister',
  'king',
  'queen',
  'prince',
  'princess',
  'agent',
  'officer',
  'chief',
  // Ranks and offices written before a name (`Ensign Kim`, `Gul Dukat`, `Yeoman Rand`).
  'ensign',
  'yeoman',
  'crewman',
  'cadet',
  'corporal',
  'admiral',
  'commodore',
  'brigadier',
  'counsellor',
  'counselor',
  'constable',
  'ambassador',
  'governor',
  'chancellor',
  'legate',
  'gul',
  'vedek',
]);

/** Titles that tell a gender. */
export const TITLE_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['mr', 'm'],
  ['mister', 'm'],
  ['sir', 'm'],
  ['lord', 'm'],
  ['uncle', 'm'],
  ['father', 'm'],
  ['brother', 'm'],
  ['king', 'm'],
  ['prince', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['missus', 'f'],
  ['lady', 'f'],
  ['madame', 'f'],
  ['madam', 'f'],
  ['aunt', 'f'],
  ['auntie', 'f'],
  ['mother', 'f'],
  ['sister', 'f'],
  ['queen', 'f'],
  ['princess', 'f'],
]);

/** Body parts a touch can land on; plural forms map to the singular. */
export const BODY_PARTS: ReadonlyMap<string, string> = new Map([
  ['lips', 'lips'],
  ['lip', 'lips'],
  ['mouth', 'lips'],
  ['cheek', 'cheek'],
  ['cheeks', 'cheek'],
  ['forehead', 'forehead'],
  ['brow', 'forehead'],
  ['hand', 'hand'],
  ['hands', 'hand'],
  ['fingers', 'hand'],
  ['knuckles', 'hand'],
  ['palm', 'hand'],
  ['wrist', 'wrist'],
  ['wrists', 'wrist'],
  ['neck', 'neck'],
  ['nape', 'neck'],
  ['scruff', 'neck'],
  ['throat', 'neck'],
  ['head', 'head'],
  ['face', 'face'],
  ['jaw', 'face'],
  ['chin', 'face'],
  ['hair', 'hair'],
  ['shoulder', 'shoulder'],
  ['shoulders', 'shoulder'],
  ['arm', 'arm'],
  ['arms', 'arm'],
  ['elbow', 'arm'],
  ['back', 'back'],
  ['chest', 'chest'],
  ['stomach', 'stomach'],
  ['gut', 'stomach'],
  ['nose', 'nose'],
  ['ear', 'ear'],
  ['collar', 'collar'],
  ['lapels', 'collar'],
  ['lapel', 'collar'],
  ['jacket', 'collar'],
  ['coat', 'collar'],
  ['shirt', 'collar'],
  ['tie', 'collar'],
  ['robe', 'collar'],
  ['robes', 'collar'],
  ['toga', 'collar'],
  ['tunic', 'collar'],
  ['cloak', 'collar'],
  ['uniform', 'collar'],
  ['eyelids', 'face'],
  ['eyelid', 'face'],
  ['temple', 'forehead'],
  ['fingertips', 'hand'],
  ['leg', 'leg'],
  ['legs', 'leg'],
  ['foot', 'leg'],
  ['feet', 'leg'],
  ['ankle', 'leg'],
  ['ankles', 'leg'],
  ['knee', 'leg'],
  ['knees', 'leg'],
  ['waist', 'waist'],
  ['backside', 'backside'],
  ['bottom', 'backside'],
  ['buttocks', 'backside'],
  ['bum', 'backside'],
  ['rump', 'backside'],
  ['top', 'head'],
]);

/** People a direction leaves unnamed: `someone hits Ian over the head` (no initiator). */
export const UNNAMED_PEOPLE = new Set(['someone', 'somebody']);

/** Words that end a clause and start another when a verb follows them. */
export const CLAUSE_LINKS = new Set([
  'and',
  'but',
  'then',
  'before',
  'after',
  'as',
  'while',
  'whilst',
  'when',
  'until',
  'so',
  'or',
  'because',
  'though',
  'although',
  'once',
  'till',
]);

/** Words before an act that say it does not happen (yet): `almost kisses`, `not`. */
export const NEGATORS = new Set(['not', 'never', 'almost', 'nearly', 'no', "n't", 'barely']);

// What knocks a person down or out with no blow: a shot, a beam, a gas, a drug.
export const NO_BLOW =
  /^(?:energy|blast|beam|bolt|shot|stun|gas|spray|hypo|hypospray|dart|sedative|drug)s?$/;

/** Verbs that begin an act: `starts to kiss him`. */
export const BEGINNING = new Set(['start', 'starts', 'started', 'begin', 'begins', 'began']);

/** Verbs whose `to`-infinitive does happen: `manages to kiss her`. */
export const FULFILLING = new Set([
  // `starts to kiss him`: the act begins, so it happens.
  ...BEGINNING,
  'manage',
  'manages',
  'managed',
  // `is able to grab the soldier`: it happens.
  'able',
  'proceed',
  'proceeds',
  'proceeded',
  'continue',
  'continues',
  'continued',
  'finally',
  // `only to be hit again`, `has to be held back`: it happens.
  'only',
  'has',
  'had',
  'having',
  // `rushes (over) to hug her`: hurrying to an act is doing it; `moves to hug her` is not,
  // nor (as the sets are labelled) `runs to shake his hand`.
  'rushes',
  'rushed',
  'hurries',
  'hurried',
  'races',
  'raced',
  'dashes',
  'dashed',
  'rushing',
  'hurrying',
  'racing',
  'dashing',
]);

/** Words between a verb of hurrying and its `to`: `rushes over to hug her`. */
export const TOWARDS = new Set(['over', 'up', 'forward', 'across', 'back', 'in']);

/**
 * Words after which a gerund act has gone on until now: `stops kissing Kim`. It happened, unless
 * it was told already (see read-direction.ts).
 */
export const STOPPING = new Set(['stops', 'stop', 'stopped']);

/**
 * Words after which a gerund act has not happened: `before kissing her`, `without hugging`,
 * `mimes throttling Worf`.
 */
export const UNFULFILLED_BEFORE_GERUND = new Set([
  'before',
  'without',
  'instead',
  'of',
  'from',
  'avoid',
  'avoids',
  'avoiding',
  'resist',
  'resists',
  'mime',
  'mimes',
  'miming',
]);

/** Capitalised words that are not people even when they stand where a name would. */
export const NOT_NAMES = new Set([
  'i',
  'a',
  'an',
  'the',
  'then',
  'they',
  'he',
  'she',
  'we',
  'you',
  'it',
  'tardis',
  'god',
  'oh',
  'ok',
  'okay',
  'later',
  'meanwhile',
  'suddenly',
  'inside',
  'outside',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'both',
  'all',
  'others',
  'there',
  'this',
  'that',
  'and',
  'but',
  'as',
  'when',
  'while',
  'now',
  'back',
  'cut',
  'fade',
  'end',
  'scene',
  'interior',
  'exterior',
  'int',
  'ext',
  'earth',
  'london',
  'england',
  'christmas',
  'group',
]);

/** `the two`, `both`: plural people without a pronoun. */
export const GROUP_WORDS = new Set([
  'both',
  'two',
  'pair',
  'couple',
  'everyone',
  'everybody',
  'all',
]);

/** Feelings that take hold of someone: `is gripped with pain`, `panic strikes Reg`. */
export const FEELINGS = new Set([
  'pain',
  'fear',
  'panic',
  'terror',
  'horror',
  'agony',
  'dread',
  'grief',
]);

/**
 * The ending of a word that describes a person before their name or role (`the weeping Rose`,
 * `a startled guard`), which the tagger often takes for a noun.
 */
export const DESCRIBING_ENDING = /^[a-z]{2,}(?:ing|ed|ful|less|ous|ish)$/;

/** Craft a name may stand before: `the Borg Sphere`, `the Vidiian ship` are things. */
export const CRAFT = new Set([
  ...['ship', 'ships', 'vessel', 'vessels', 'sphere', 'cube', 'shuttle', 'shuttlecraft'],
  ...['warbird', 'craft', 'probe', 'saucer', 'spaceship', 'tardis'],
]);

/** The finite forms of `be`: `is held`, `There are ...`. */
export const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were']);
