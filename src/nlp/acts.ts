import { ACT_NOUNS, ACT_VERB_FORMS, GAZE_AT, LIGHT_VERBS, actTerm } from './act-lexicon.js';
import type { Clause } from './clauses.js';
import { nonEventReason } from './non-events.js';
import type { Item, Ref } from './people.js';
import { headsClause } from './tokens.js';
import { BODY_PARTS } from './words.js';

/** An act read in one clause, its people still as refs (pronouns unresolved). */
export interface RawAct {
  readonly term: string;
  readonly tier: 'action' | 'gaze';
  /** The doer: the clause subject unless the act is passive (then the `by` agent). */
  readonly doer: 'subject' | Ref | null;
  /** Who it is done to (for a passive: the subject). */
  readonly objects: readonly (Ref | 'subject')[];
  /** A reciprocal act: everyone in the doer and objects takes part alike. */
  readonly mutual: boolean;
  readonly part: string | null;
  readonly rule: string;
  /** Why this is not an event (`about to`, `not`), or null when it happens. */
  readonly nonEvent: string | null;
}

const SKIPPABLE = new Set([
  'gently',
  'softly',
  'quickly',
  'tenderly',
  'briefly',
  'suddenly',
  'hard',
  'firmly',
  'tightly',
  'warmly',
  'again',
  'then',
  'back',
  'passionately',
  'lightly',
  'quickly',
  'also',
  'roughly',
  'fiercely',
  'awkwardly',
  'hesitantly',
  'slowly',
  'finally',
  'just',
  'even',
  'up',
  'happily',
  'fondly',
]);
const RECIPROCAL_LEMMAS = new Set(['kiss', 'snog', 'hug', 'embrace', 'cuddle', 'smooch']);
const PART_PREPS = new Set(['on', 'across', 'in', 'by', 'around', 'round', 'at']);
const DETS = new Set([
  'a',
  'an',
  'the',
  'another',
  'one',
  'his',
  'her',
  'their',
  'my',
  'big',
  'quick',
  'long',
  'tight',
  'brief',
  'gentle',
  'little',
  'bear',
  'warm',
  'passionate',
  'final',
  'last',
  'huge',
  'group',
  'small',
  'soft',
]);

type Tok = Extract<Item, { kind: 'tok' }>;
type RefItem = Extract<Item, { kind: 'ref' }>;

function word(it: Item | undefined): string {
  return it?.kind === 'tok' ? it.tok.lower : '';
}

/** Index of the first item from `j` that is not a skippable adverb. */
function skip(items: readonly Item[], j: number): number {
  while (j < items.length) {
    const it = items[j]!;
    if (
      it.kind !== 'tok' ||
      !(
        SKIPPABLE.has(it.tok.lower) ||
        (it.tok.tags.has('Adverb') &&
          !['away', 'past', 'aside', 'out', 'off'].includes(it.tok.lower))
      )
    )
      break;
    j++;
  }
  return j;
}

/** A body part named from `j` on (`her cheek`, `on the forehead`, `the back of his neck`). */
function partAt(
  items: readonly Item[],
  j: number,
): { part: string; owner: Ref | null; end: number } | null {
  let k = j;
  let owner: Ref | null = null;
  if (PART_PREPS.has(word(items[k]))) k++;
  const it = items[k];
  if (it?.kind === 'ref' && it.ref.possessive) {
    owner = it.ref;
    k++;
  } else if (['the', 'a', 'his', 'her', 'their', 'both'].includes(word(it))) k++;
  // `the back of his neck`
  if (word(items[k]) === 'back' && word(items[k + 1]) === 'of') {
    const o = items[k + 2];
    if (o?.kind === 'ref' && o.ref.possessive && BODY_PARTS.has(word(items[k + 3]))) {
      return { part: BODY_PARTS.get(word(items[k + 3]))!, owner: o.ref, end: k + 4 };
    }
  }
  while (
    items[k]?.kind === 'tok' &&
    (items[k] as Tok).tok.tags.has('Adjective') &&
    !BODY_PARTS.has(word(items[k]))
  )
    k++;
  const part = BODY_PARTS.get(word(items[k]));
  return part === undefined ? null : { part, owner, end: k + 1 };
}

/** Read every act of the codebook named in one clause. `subject` is the clause's (or inherited) subject. */
export function detectActs(
  clause: Clause,
  subject: Ref | null,
  previousNonEvent: string | null,
): RawAct[] {
  const items = clause.items;
  const acts: RawAct[] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind !== 'tok') continue;
    const lower = it.tok.lower;
    if (lower === 'hand' && word(items[k + 1]) === 'in' && word(items[k + 2]) === 'hand') {
      acts.push(mk('hold-hands', 'subject', [], true, 'hand', 'act.hand-in-hand', null));
      continue;
    }
    if (lower === 'group' && ACT_NOUNS.get(word(items[k + 1])) === 'hug') {
      acts.push(
        mk(
          'hug',
          'subject',
          [],
          true,
          null,
          'act.group-hug',
          nonEventReason(items, k, subject, 'base', clause.link, previousNonEvent, true),
        ),
      );
      continue;
    }
    const form = ACT_VERB_FORMS.get(lower);
    if (form === undefined) {
      // `greets the Doctor with a hug`: a verb we do not list, a person, `with` an act noun.
      const o = items[k + 1];
      if (
        headsClause(it.tok) &&
        o?.kind === 'ref' &&
        !o.ref.possessive &&
        word(items[k + 2]) === 'with'
      ) {
        let n = k + 3;
        while (n < items.length && n < k + 6 && DETS.has(word(items[n]))) n++;
        const noun = ACT_NOUNS.get(word(items[n]));
        if (noun !== undefined) {
          const nonEvent = nonEventReason(
            items,
            k,
            subject,
            's',
            clause.link,
            previousNonEvent,
            false,
          );
          acts.push(mk(noun, 'subject', [o.ref], false, null, 'act.with-noun', nonEvent));
        }
      }
      continue;
    }
    // `a kiss`, `his grip`: a noun, handled by the light verb before it.
    const before = items[k - 1];
    if (
      before !== undefined &&
      (DETS.has(word(before)) || (before.kind === 'ref' && before.ref.possessive))
    )
      continue;
    const act = readAct(items, k, form.lemma, subject);
    if (act === null) continue;
    const nonEvent = nonEventReason(
      items,
      k,
      subject,
      form.form,
      clause.link,
      previousNonEvent,
      false,
    );
    acts.push({ ...act, nonEvent: act.nonEvent ?? nonEvent });
  }
  return acts;
}

function mk(
  term: string,
  doer: RawAct['doer'],
  objects: RawAct['objects'],
  mutual: boolean,
  part: string | null,
  rule: string,
  nonEvent: string | null,
  tier: RawAct['tier'] = 'action',
): RawAct {
  return { term, tier, doer, objects, mutual, part, rule, nonEvent };
}

function readAct(
  items: readonly Item[],
  k: number,
  lemma: string,
  subject: Ref | null,
): RawAct | null {
  const plural = subject?.plural ?? false;
  // Passive: `Rose is kissed by Jack`.
  const aux = word(items[k - 1]);
  const aux2 = word(items[k - 2]);
  const isAux = (w: string): boolean =>
    ['is', 'are', 'was', 'were', 'gets', 'get', 'got', 'being', 'been', 'be'].includes(w);
  if (isAux(aux) || (isAux(aux2) && items[k - 1]?.kind === 'tok')) {
    const by = items.findIndex((x, i) => i > k && word(x) === 'by');
    const agent = items[by + 1];
    const term = actTerm(lemma, null);
    if (term !== null && !(ACT_VERB_FORMS.get(word(items[k]))?.form === 'ing')) {
      if (by > k && agent?.kind === 'ref')
        return mk(term, agent.ref, ['subject'], false, null, 'act.passive', null);
      return mk(term, null, ['subject'], false, null, 'act.passive-no-agent', null);
    }
  }
  const j = skip(items, k + 1);
  const next = items[j];
  // Gaze: `stares at her`, `looks away`, `look at each other`.
  const gaze = GAZE_AT.get(lemma);
  if (gaze !== undefined) {
    if (word(next) === 'at' && items[j + 1]?.kind === 'ref') {
      const o = (items[j + 1] as RefItem).ref;
      if (o.kind === 'reciprocal')
        return mk('eye-contact', 'subject', [], true, null, 'gaze.each-other', null, 'gaze');
      return mk(gaze, 'subject', [o], false, null, 'gaze.at', null, 'gaze');
    }
    if (lemma === 'look' && word(next) === 'away') {
      const o = word(items[j + 1]) === 'from' ? items[j + 2] : undefined;
      return mk(
        'look-away',
        'subject',
        o?.kind === 'ref' ? [o.ref] : [],
        false,
        null,
        'gaze.away',
        null,
        'gaze',
      );
    }
    return null;
  }
  if (lemma === 'blow') return null;
  // `greets her with a hug`, `wakes him with a kiss`: a verb, a person, `with` an act noun.
  if (next?.kind === 'ref' && !next.ref.possessive && word(items[j + 1]) === 'with') {
    let n = j + 2;
    while (n < items.length && n < j + 5 && DETS.has(word(items[n]))) n++;
    const noun = ACT_NOUNS.get(word(items[n]));
    if (noun !== undefined)
      return mk(noun, 'subject', [next.ref], false, null, 'act.with-noun', null);
  }
  // `shake hands (with Lynda)`, `hold hands`.
  if (word(next) === 'hands' || (word(next) === 'each' && word(items[j + 2]) === 'hands')) {
    const term =
      lemma === 'shake'
        ? 'handshake'
        : ['hold', 'take', 'clasp', 'squeeze', 'grab', 'join'].includes(lemma)
          ? 'hold-hands'
          : null;
    if (term === null) return null;
    const w = items.findIndex((x, i) => i > j && word(x) === 'with');
    const other = items[w + 1];
    if (w > j && other?.kind === 'ref')
      return mk(term, 'subject', [other.ref], true, 'hand', 'act.hands-with', null);
    return plural ? mk(term, 'subject', [], true, 'hand', 'act.hands', null) : null;
  }
  // `takes hold of him`, `grabs hold of her arm`
  if (word(next) === 'hold' && word(items[j + 1]) === 'of') {
    const p = partAt(items, j + 2);
    const o = items[j + 2];
    if (p?.owner)
      return mk(
        actTerm('grab', p.part) ?? 'grab',
        'subject',
        [p.owner],
        false,
        p.part,
        'act.hold-of',
        null,
      );
    if (o?.kind === 'ref') return mk('grab', 'subject', [o.ref], false, null, 'act.hold-of', null);
    return null;
  }
  // `runs a hand through his hair`
  if (lemma === 'run') {
    const th = items.findIndex((x, i) => i > k && i < k + 6 && word(x) === 'through');
    const p = th > 0 ? partAt(items, th + 1) : null;
    if (p?.owner && p.part === 'hair')
      return mk('caress', 'subject', [p.owner], false, 'hair', 'act.hand-through-hair', null);
    return null;
  }
  // `throws her arms around him` (hug), `puts an arm round her shoulders` (caress).
  if (['put', 'throw', 'wrap', 'fling', 'drape', 'slip'].includes(lemma)) {
    const ar = items.findIndex(
      (x, i) => i > k && i < k + 5 && (word(x) === 'arms' || word(x) === 'arm'),
    );
    const rd = ar > 0 && ['around', 'round', 'about'].includes(word(items[ar + 1])) ? ar + 2 : -1;
    const o = items[rd];
    if (rd > 0 && o?.kind === 'ref') {
      const both = word(items[ar]) === 'arms' && !word(items[ar - 1]).startsWith('one');
      const p = o.ref.possessive ? partAt(items, rd) : null;
      const term = both && p?.part !== 'shoulder' ? 'hug' : 'caress';
      return mk(term, 'subject', [o.ref], false, p?.part ?? null, 'act.arms-around', null);
    }
    if (lemma !== 'put' && lemma !== 'throw') return null;
  }
  // Light verbs: `gives him a hug`, `plants a kiss on her cheek`, `pulls her into an embrace`.
  if (LIGHT_VERBS.has(lemma)) {
    const light = readLight(items, j, lemma, plural);
    if (light !== null) return light;
    if (!['hold', 'take', 'pull', 'draw'].includes(lemma)) return null;
  }
  // A direct object: a person, a person's body part, each other.
  if (next?.kind === 'ref') {
    const o = next.ref;
    if (o.kind === 'reciprocal') {
      const term = actTerm(lemma, null);
      return term === null ? null : mk(term, 'subject', [], true, null, 'act.each-other', null);
    }
    if (o.possessive) {
      const p = partAt(items, j);
      if (p === null) return null;
      const term = actTerm(lemma, p.part);
      return term === null ? null : mk(term, 'subject', [o], false, p.part, 'act.body-part', null);
    }
    const after = skip(items, j + 1);
    // `holds her close`, `holds him in her arms`: a hug.
    if (lemma === 'hold' || lemma === 'pull' || lemma === 'draw' || lemma === 'cradle') {
      const w = word(items[after]);
      if (
        ['close', 'tight', 'tightly', 'closer'].includes(w) ||
        (w === 'in' && ['arms', 'embrace'].includes(word(items[after + 2])))
      ) {
        return mk('hug', 'subject', [o], false, null, 'act.hold-close', null);
      }
    }
    if (lemma === 'knock' && ['out', 'down', 'unconscious'].includes(word(items[after]))) {
      return mk('punch', 'subject', [o], false, null, 'act.knock-out', null);
    }
    const p = partAt(items, after);
    const term = actTerm(lemma, p?.part ?? null);
    if (term === null) return null;
    return mk(
      term,
      'subject',
      [o],
      false,
      p?.part ?? null,
      p ? 'act.object-part' : 'act.object',
      null,
    );
  }
  // No person after the verb: `They kiss.` is mutual; `kisses the console` is no act.
  if (
    RECIPROCAL_LEMMAS.has(lemma) &&
    plural &&
    (next === undefined || word(next) === 'and' || !isObjectWord(next))
  ) {
    const term = actTerm(lemma, null);
    return term === null ? null : mk(term, 'subject', [], true, null, 'act.reciprocal', null);
  }
  return null;
}

/** A word that would be a non-person object (`the console`, `a gun`) rather than an adverb or link. */
function isObjectWord(it: Item): boolean {
  if (it.kind !== 'tok') return true;
  const t = it.tok;
  if (
    [
      'on',
      'in',
      'for',
      'again',
      'briefly',
      'passionately',
      'as',
      'while',
      'before',
      'then',
    ].includes(t.lower)
  )
    return false;
  return t.tags.has('Noun') || t.tags.has('Determiner') || t.tags.has('Adjective');
}

function readLight(
  items: readonly Item[],
  j: number,
  lemma: string,
  plural: boolean,
): RawAct | null {
  let recipient: Ref | null = null;
  let k = j;
  const first = items[k];
  if (first?.kind === 'ref' && !first.ref.possessive) {
    recipient = first.ref;
    k++;
    if (word(items[k]) === 'into' || word(items[k]) === 'in') k++;
  }
  while (k < items.length && k < j + 5 && DETS.has(word(items[k]))) k++;
  const noun = ACT_NOUNS.get(word(items[k]));
  if (noun === undefined) return null;
  if (lemma === 'get' && recipient === null) return null;
  let part: string | null = null;
  let rest = k + 1;
  if (recipient === null) {
    const p = partAt(items, rest);
    const w = word(items[rest]);
    if (p?.owner) {
      recipient = p.owner;
      part = p.part;
    } else if (['on', 'to', 'with', 'from'].includes(w) && items[rest + 1]?.kind === 'ref') {
      recipient = (items[rest + 1] as RefItem).ref;
      rest += 2;
    }
    if (lemma === 'share') {
      return recipient !== null || plural
        ? mk(noun, 'subject', recipient ? [recipient] : [], true, part, 'act.share', null)
        : null;
    }
  } else {
    part = partAt(items, rest)?.part ?? null;
  }
  if (recipient === null)
    return plural && noun !== 'handshake'
      ? mk(noun, 'subject', [], true, null, 'act.light-mutual', null)
      : null;
  return mk(
    noun,
    'subject',
    [recipient],
    recipient.kind === 'reciprocal',
    part,
    'act.light-verb',
    null,
  );
}
