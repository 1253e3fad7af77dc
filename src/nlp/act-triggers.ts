import {
  ACT_NOUNS,
  ACT_VERB_FORMS,
  EXCHANGED,
  KNOCK_DOWN,
  KNOCKED_ASIDE,
  THROWN_TO,
} from './act-lexicon.js';

// Lemmas that name an act only with a second word: `takes her hand`, `puts his arms round`,
// `gives her a hug`, `knocks him out`, `looks at`. Alone they are among the commonest verbs
// of stage directions, and each direction the tagger reads costs milliseconds.
const HOLDING = ['arm', 'arms', 'hand', 'hands', 'hold', ...ACT_NOUNS.keys()];
const WEAK: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [
    ...[
      'get',
      'put',
      'pull',
      'yank',
      'haul',
      'give',
      'press',
      'draw',
      'slip',
      'wrap',
      'drape',
      'plant',
      'sweep',
      'share',
      'envelop',
      'blow',
    ].map((l): [string, string[]] => [l, HOLDING]),
    // `they exchange punches`, `trades blows with him` (light-verbs.ts, EXCHANGED).
    ...['exchange', 'trade'].map((l): [string, string[]] => [l, [...EXCHANGED.keys()]]),
    ['link', ['hands']],
    ['run', ['through']],
    // `throws him across the room`: a person thrown (act-patterns.ts, THROWN_TO).
    ...['throw', 'fling'].map((l): [string, string[]] => [l, [...HOLDING, ...THROWN_TO]]),
    // `takes him down`: a tackle.
    ['take', [...HOLDING, 'down']],
    ...['pounce', 'leap', 'jump'].map((l): [string, string[]] => [
      l,
      ['on', 'upon', 'onto', 'at', 'him', 'her', 'them'],
    ]),
    // `knocks him out`, `knocks him over`, `off his feet`, `out of the way`, `to the floor`
    // (act-patterns.ts, knockedAside).
    ['knock', [...KNOCK_DOWN, ...KNOCKED_ASIDE, 'feet', 'way', 'ground', 'floor']],
    // `floors him`; `the floor` is in every other direction.
    ['floor', ['him', 'her', 'them']],
    ['look', ['at', 'away']],
    // `is caught by the guards`, `shrugs him off` (act-patterns.ts): `catches sight of`, `shrugs`.
    ['catch', ['by']],
    ['shrug', ['off']],
  ].map(([l, cues]) => [l as string, new Set(cues)]),
);
// Acts named without a verb of ours: `has him in a headlock`.
const OTHER = new Set(['headlock', 'stranglehold']);

/**
 * Whether a direction may name an act and so needs the tagger: it holds an act verb that
 * names an act alone (`kisses`, `grabs`), an act noun, or a weak verb with a cue (`takes`
 * and `hand`). A cheap test on words; the tagger and the patterns decide.
 */
export function mentionsAnAct(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const weak: ReadonlySet<string>[] = [];
  for (const w of words) {
    const form = ACT_VERB_FORMS.get(w);
    const cues = form === undefined ? undefined : WEAK.get(form.lemma);
    if (form !== undefined && cues === undefined) return true;
    if (ACT_NOUNS.has(w) || OTHER.has(w)) return true;
    if (cues !== undefined) weak.push(cues);
  }
  if (/hand in hand|\b(?:make|makes|made|making) out\b/i.test(text)) return true;
  return weak.length > 0 && words.some((w) => weak.some((cues) => cues.has(w)));
}
