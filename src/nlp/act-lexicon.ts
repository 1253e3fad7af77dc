/**
 * The verbs and nouns that name acts, by lemma, and how a lemma with its object becomes a
 * codebook term: `strokes her cheek` is touch-face, `strokes her hair` a caress.
 */

export type VerbForm = 'base' | 's' | 'past' | 'ing';

/** Irregular forms: lemma -> [s, past, participle, ing]. */
const IRREGULAR: Record<string, readonly string[]> = {
  hold: ['holds', 'held', 'holding'],
  catch: ['catches', 'caught', 'catching'],
  take: ['takes', 'took', 'taken', 'taking'],
  shake: ['shakes', 'shook', 'shaken', 'shaking'],
  hit: ['hits', 'hit', 'hitting'],
  run: ['runs', 'ran', 'running'],
  put: ['puts', 'put', 'putting'],
  throw: ['throws', 'threw', 'thrown', 'throwing'],
  fling: ['flings', 'flung', 'flinging'],
  give: ['gives', 'gave', 'given', 'giving'],
  draw: ['draws', 'drew', 'drawn', 'drawing'],
  sweep: ['sweeps', 'swept', 'sweeping'],
  knock: ['knocks', 'knocked', 'knocking'],
  get: ['gets', 'got', 'gotten', 'getting'],
  deal: ['deals', 'dealt', 'dealing'],
  beat: ['beats', 'beat', 'beaten', 'beating'],
  strike: ['strikes', 'struck', 'striking'],
  leap: ['leaps', 'leapt', 'leaped', 'leaping'],
  hang: ['hangs', 'hung', 'hanging'],
  cling: ['clings', 'clung', 'clinging'],
  pummel: ['pummels', 'pummelled', 'pummeled', 'pummeling'],
};

// The words before `pinch` that make it the Vulcan blow: `neck-pinches him`.
export const PINCHED = new Set(['neck', 'nerve']);

/** Lemmas the suggester acts on (their term depends on the object, see actTerm). */
const LEMMAS = [
  'kiss',
  'snog',
  'peck',
  'smooch',
  'hug',
  'embrace',
  'cuddle',
  'snuggle',
  'nestle',
  'slap',
  'smack',
  'swat',
  'backhand',
  'punch',
  'thump',
  'sock',
  'bash',
  'wallop',
  'clout',
  'smash',
  'knee',
  'hit',
  'deck',
  'headbutt',
  'beat',
  'kick',
  'elbow',
  'chop',
  'clobber',
  'whack',
  'cosh',
  'pummel',
  'floor',
  'pinch',
  'tackle',
  'pin',
  'wrestle',
  'grapple',
  'pounce',
  'leap',
  'jump',
  'restrain',
  'strike',
  'bundle',
  'strangle',
  'throttle',
  'choke',
  'shove',
  'push',
  'grab',
  'seize',
  'overpower',
  'grip',
  'grasp',
  'clutch',
  'release',
  'caress',
  'stroke',
  'cup',
  'cradle',
  'touch',
  'hold',
  'take',
  'squeeze',
  'clasp',
  'pat',
  'shake',
  'wipe',
  'run',
  'nuzzle',
  'shrug',
  'catch',
  'ruffle',
  'tousle',
  'put',
  'throw',
  'launch',
  'wrap',
  'fling',
  'slam',
  'drape',
  'slip',
  'give',
  'plant',
  'share',
  'exchange',
  'trade',
  'link',
  'press',
  'pull',
  'yank',
  'haul',
  'draw',
  'sweep',
  'envelop',
  'knock',
  'hang',
  'cling',
  'stare',
  'glance',
  'look',
  'gaze',
  'blow',
  'get',
  'land',
  'deliver',
  'deal',
] as const;

/** A regular verb's `-s`, past and `-ing` forms: grab -> grabs, grabbed, grabbing. */
export function regularForms(lemma: string): [string, string, string] {
  const sib = /(s|sh|ch|x|z)$/.test(lemma);
  const s = sib ? `${lemma}es` : `${lemma}s`;
  // Short verbs ending consonant-vowel-consonant double it: grab -> grabbed, slap -> slapping.
  const double = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(lemma) && lemma.length <= 5;
  const stem = double ? lemma + lemma.slice(-1) : lemma.replace(/e$/, '');
  const past = lemma.endsWith('e') ? `${lemma}d` : `${stem}ed`;
  return [s, past, `${stem}ing`];
}

// Lemmas also written another way: `head-butts him`.
const OTHER_SPELLINGS = new Map([['head-butt', 'headbutt']]);

/**
 * Verbs of lifting someone: `picks up Clara in his arms`, `scoops her up in his arms` (see
 * act-phrases.ts). Not `is carrying Janice in his arms`, which the sets label both ways. Verbs
 * all the same where the tagger takes them for plural nouns (`He scoops her up`).
 */
export const LIFTING: ReadonlySet<string> = new Set(
  ['pick', 'lift', 'scoop'].flatMap((l) => [l, ...regularForms(l)]),
);

/** Every form of every act lemma -> its lemma and form. */
export const ACT_VERB_FORMS: ReadonlyMap<string, { lemma: string; form: VerbForm }> = (() => {
  const m = new Map<string, { lemma: string; form: VerbForm }>();
  for (const lemma of LEMMAS) {
    m.set(lemma, { lemma, form: 'base' });
    const irr = IRREGULAR[lemma];
    if (irr !== undefined) {
      m.set(irr[0]!, { lemma, form: 's' });
      for (const f of irr.slice(1, -1)) m.set(f, { lemma, form: 'past' });
      m.set(irr[irr.length - 1]!, { lemma, form: 'ing' });
    } else {
      const [s, past, ing] = regularForms(lemma);
      m.set(s, { lemma, form: 's' });
      m.set(past, { lemma, form: 'past' });
      m.set(ing, { lemma, form: 'ing' });
    }
  }
  for (const [spelling, lemma] of OTHER_SPELLINGS) {
    const [s, past, ing] = regularForms(spelling);
    m.set(spelling, { lemma, form: 'base' });
    m.set(s, { lemma, form: 's' });
    m.set(past, { lemma, form: 'past' });
    m.set(ing, { lemma, form: 'ing' });
  }
  return m;
})();

/** Nouns that name an act (`a kiss`, `a bear hug`), used after light verbs (`gives her a kiss`). */
export const ACT_NOUNS: ReadonlyMap<string, string> = new Map([
  ['kiss', 'kiss'],
  ['kisses', 'kiss'],
  ['peck', 'kiss'],
  ['snog', 'kiss'],
  ['smooch', 'kiss'],
  ['hug', 'hug'],
  ['hugs', 'hug'],
  ['embrace', 'hug'],
  ['cuddle', 'hug'],
  ['handshake', 'handshake'],
  ['slap', 'slap'],
  ['smack', 'slap'],
  ['punch', 'punch'],
  ['punches', 'punch'],
  ['uppercut', 'punch'],
  ['haymaker', 'punch'],
  ['blow', 'punch'],
  ['kick', 'punch'],
  ['chop', 'punch'],
  ['headbutt', 'punch'],
  ['head-butt', 'punch'],
  ['elbow', 'punch'],
  ['jab', 'punch'],
  ['whack', 'punch'],
  ['thump', 'punch'],
  ['blows', 'punch'],
  ['kicks', 'punch'],
  ['slaps', 'slap'],
  ['shove', 'shove'],
  ['push', 'shove'],
]);

/**
 * Acts two people share, so that a bare noun can be read as mutual: `(Another kiss.)`, `The
 * handshake lasts`. Not `(Punch.)`: a blow has a giver, and the word is as often a sound.
 */
export const SHARED_NOUNS: ReadonlySet<string> = new Set(['kiss', 'hug', 'handshake']);

/** Acts two people trade, as plural nouns: `they exchange punches`, `trade blows`. */
export const EXCHANGED: ReadonlyMap<string, string> = new Map([
  ['punches', 'punch'],
  ['blows', 'punch'],
  ['slaps', 'slap'],
  ['kisses', 'kiss'],
  ['hugs', 'hug'],
  ['handshakes', 'handshake'],
]);

/** Verbs that carry an act noun: `gives him a hug`, `plants a kiss on`, `pulls her into a hug`. */
export const LIGHT_VERBS = new Set([
  'give',
  'plant',
  'share',
  'exchange',
  'trade',
  'press',
  'put',
  'place',
  'pull',
  'draw',
  'sweep',
  'envelop',
  'get',
  'hold',
  'take',
  'throw',
  'land',
  'deliver',
  'deal',
]);

// Lemmas of seizing: `grabs him in a headlock`, `grabs his hand` (see acts.ts, act-patterns.ts).
export const SEIZING = new Set(['grab', 'seize', 'grip', 'grasp']);

// Particles that make knocking someone a blow that fells them: `knocks him down`.
export const KNOCK_DOWN = new Set(['out', 'down', 'unconscious']);

// Where a person knocked is sent: `over`, `aside`, `flying`, `backwards` (see knockedAside).
export const KNOCKED_ASIDE = new Set(['over', 'aside', 'flying', 'backwards', 'sideways', 'off']);

// Where a thrown person goes: `throws him across the room`, `flings her against the wall`.
export const THROWN_TO = new Set([
  'across',
  'against',
  'into',
  'onto',
  'over',
  'off',
  'down',
  'aside',
  'away',
  'back',
  'to',
  'through',
  'around',
  'about',
]);

/** Lemmas that are an act on a person with no body part named. */
const DIRECT: Record<string, string> = {
  kiss: 'kiss',
  snog: 'kiss',
  peck: 'kiss',
  smooch: 'kiss',
  hug: 'hug',
  embrace: 'hug',
  cuddle: 'hug',
  snuggle: 'hug',
  slap: 'slap',
  smack: 'slap',
  swat: 'slap',
  backhand: 'slap',
  punch: 'punch',
  thump: 'punch',
  sock: 'punch',
  wallop: 'punch',
  clout: 'punch',
  knee: 'punch',
  // Not `smash` or `bash`: `smashes the window`. With a part named (actTerm), a blow.
  hit: 'punch',
  deck: 'punch',
  headbutt: 'punch',
  beat: 'punch',
  kick: 'punch',
  elbow: 'punch',
  chop: 'punch',
  clobber: 'punch',
  whack: 'punch',
  cosh: 'punch',
  pummel: 'punch',
  // `floors him`: knocks him down (`the floor` is a noun, read as one).
  floor: 'punch',
  tackle: 'grab',
  pin: 'grab',
  wrestle: 'grab',
  jump: 'grab',
  restrain: 'grab',
  strike: 'punch',
  bundle: 'shove',
  strangle: 'grab',
  throttle: 'grab',
  choke: 'grab',
  shove: 'shove',
  push: 'shove',
  grab: 'grab',
  seize: 'grab',
  overpower: 'grab',
  grip: 'grab',
  grasp: 'grab',
  clutch: 'grab',
  // `Benik releases Victoria`: one lets go only of someone held.
  release: 'grab',
  caress: 'caress',
  stroke: 'caress',
  nuzzle: 'caress',
  cradle: 'hug',
  // `shakes her violently`: a person shaken is held by the shoulders or the collar.
  shake: 'grab',
};

const FACE = new Set(['face', 'cheek']);
const HEAD = new Set(['neck', 'head']);
// Where one takes hold of a person to shake them: `shakes the man's shoulder`.
const GRIPPED = new Set(['shoulder', 'arm', 'collar']);

/**
 * The term a lemma names when done to a person (`part` null) or to a body part of theirs.
 * Null when the combination is no act of the codebook (`touches his arm`, `takes his coat`).
 */
export function actTerm(lemma: string, part: string | null): string | null {
  if (part === null) return DIRECT[lemma] ?? null;
  switch (lemma) {
    case 'kiss':
    case 'snog':
    case 'peck':
    case 'smooch':
      return 'kiss';
    case 'slap':
      // A slap on the shoulder or back is a friendly pat, not a blow.
      return part === 'shoulder' || part === 'back' ? null : 'slap';
    case 'smack':
    case 'swat':
    case 'backhand':
      // A smack is not friendly, wherever it lands (`smacks Niles on the shoulder`).
      return 'slap';
    case 'punch':
    case 'thump':
    case 'sock':
    case 'bash':
    case 'wallop':
    case 'clout':
    case 'smash':
    case 'knee':
    case 'hit':
    case 'headbutt':
    case 'beat':
    case 'strike':
    case 'kick':
    case 'elbow':
    case 'chop':
    case 'clobber':
    case 'whack':
    case 'cosh':
    case 'pummel':
    case 'floor':
      return 'punch';
    case 'shove':
    case 'push':
      return part === 'hand' ? null : 'shove';
    case 'tackle':
    case 'strangle':
    case 'throttle':
    case 'choke':
    case 'pin':
    case 'wrestle':
      return 'grab';
    case 'grab':
    case 'seize':
    case 'overpower':
    case 'grip':
    case 'grasp':
    case 'clutch':
      return part === 'hand' ? 'hold-hands' : 'grab';
    // `takes her hand`, `pats her hand`: held, as the sets label them (a pat on the back or the
    // shoulder is no act).
    case 'take':
    case 'squeeze':
    case 'clasp':
    case 'pat':
      return part === 'hand' ? 'hold-hands' : null;
    case 'hold':
      if (part === 'hand') return 'hold-hands';
      if (FACE.has(part)) return 'touch-face';
      if (HEAD.has(part)) return 'cradle-neck';
      return null;
    case 'shake':
      if (part === 'hand') return 'handshake';
      return GRIPPED.has(part) ? 'grab' : null;
    case 'touch':
    case 'cup':
      if (FACE.has(part)) return 'touch-face';
      // `touches her hair`: a caress, as stroking it is; `touching Daphne's hand`: held, as
      // the sets label it.
      if (lemma === 'touch' && part === 'hair') return 'caress';
      if (lemma === 'touch' && part === 'hand') return 'hold-hands';
      return lemma === 'cup' && HEAD.has(part) ? 'cradle-neck' : null;
    case 'cradle':
      if (FACE.has(part)) return 'touch-face';
      return HEAD.has(part) ? 'cradle-neck' : null;
    case 'stroke':
    case 'caress':
      return FACE.has(part) ? 'touch-face' : 'caress';
    case 'wipe':
      return FACE.has(part) ? 'touch-face' : null;
    case 'ruffle':
    case 'tousle':
    case 'nuzzle':
      return 'caress';
    case 'hug':
      // `hugs his legs`, `hugs her waist`: him, her (not one's own knees: act-patterns.ts).
      return 'hug';
    default:
      return null;
  }
}

/** Gaze lemmas with `at`: `stares at him`. */
export const GAZE_AT: ReadonlyMap<string, string> = new Map([
  ['stare', 'stare'],
  ['gaze', 'stare'],
  ['glance', 'glance'],
  ['look', 'glance'],
]);
