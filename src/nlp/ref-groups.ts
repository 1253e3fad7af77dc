import { ACT_VERB_FORMS } from './act-lexicon.js';
import { ref, type Item } from './refs.js';
import { isVerb, type Token } from './tokens.js';
import { PRONOUNS } from './words.js';

// `Donny & Daphne kiss`.
const AND = new Set(['and', '&']);

/**
 * `Rose, Jackie and Mickey` -> one group. Not when the second name starts a clause of its own
 * (`hugs Jackie and Mickey kisses her`: a verb follows and one came before), unless that verb
 * agrees with a plural (`tries to run, but Barbara and Susan grab him`: the two are its subject).
 */
export function joinGroups(items: Item[]): Item[] {
  const out: Item[] = [];
  let verbSeen = false;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'tok') {
      if (isVerb(it.tok)) verbSeen = true;
      if (/[.;:!?]/.test(it.tok.post)) verbSeen = false;
      out.push(it);
      continue;
    }
    const members: Item[] = [it];
    let j = i;
    for (;;) {
      const last = members[members.length - 1]!;
      const lastTok = last.kind === 'ref' ? last.toks[last.toks.length - 1]! : null;
      const link = items[j + 1];
      const comma = lastTok !== null && lastTok.post.trim() === ',';
      if (link?.kind === 'tok' && AND.has(link.tok.lower) && items[j + 2]?.kind === 'ref') {
        const cand = items[j + 2]!;
        // `Rose turns to Mickey and they hug`: `they` after a name opens a clause of its own
        // (`Rose and he kiss` only opens a sentence), whatever the tagger made of `turns`.
        if (!canJoin(cand, items[j + 3], verbSeen || i > 0, afterVerb(items[i - 1]))) break;
        members.push(cand);
        j += 2;
        continue;
      }
      if (
        comma &&
        link?.kind === 'ref' &&
        canJoin(link, items[j + 2], verbSeen) &&
        endsInAnd(items, j + 1)
      ) {
        members.push(link);
        j += 1;
        continue;
      }
      break;
    }
    if (members.length === 1) {
      out.push(it);
      continue;
    }
    const refs = members.map((m) => (m as Extract<Item, { kind: 'ref' }>).ref);
    const toks = items.slice(i, j + 1).flatMap((m) => (m.kind === 'ref' ? m.toks : [m.tok]));
    out.push({
      kind: 'ref',
      ref: {
        ...ref(
          'group',
          refs.flatMap((r) => r.names),
        ),
        members: refs,
        plural: true,
        possessive: refs[refs.length - 1]!.possessive,
      },
      toks,
    });
    i = j;
  }
  return out;
}

/** Whether the item before a ref is a verb: the ref is its object (`grabs Giotto`). */
function afterVerb(before: Item | undefined): boolean {
  return before?.kind === 'tok' && (ACT_VERB_FORMS.has(before.tok.lower) || isVerb(before.tok));
}

function canJoin(
  cand: Item,
  after: Item | undefined,
  verbSeen: boolean,
  firstIsObject = false,
): boolean {
  if (cand.kind !== 'ref' || cand.ref.kind === 'reciprocal') return false;
  // `neck-pinches him, and his phaser fire hits`: a pronoun owning what follows is no one
  // more of a group; it opens a clause of its own.
  if (cand.ref.kind === 'pronoun' && cand.ref.possessive && after?.kind === 'tok') return false;
  if (cand.ref.kind === 'pronoun' && PRONOUNS.get(cand.ref.pronoun!)?.role === 'subj' && verbSeen)
    return false;
  if (!verbSeen || after?.kind !== 'tok') return true;
  // `hugs her and everyone applauds`: after an object, `everyone` with a verb in -s (which the
  // tagger may take for a plural noun) is a subject of its own.
  const everyone = cand.ref.kind === 'plural' && cand.ref.pronoun !== null;
  if (everyone && firstIsObject && (isVerb(after.tok) || after.tok.tags.has('Plural')))
    return false;
  // `and Stewart takes him`: an act verb, even where the tagger took it for a plural noun.
  const verb =
    ACT_VERB_FORMS.has(after.tok.lower) || (isVerb(after.tok) && !after.tok.tags.has('Noun'));
  // `finds Rose and Mickey kissing`: a participle opens no clause of its own.
  if (!verb || ACT_VERB_FORMS.get(after.tok.lower)?.form === 'ing') return true;
  // `but Barbara and Susan grab him`: a plural verb, the two its subject; but after an object
  // (`grabs Giotto and the guards run`), a plural that agrees on its own opens a clause.
  return pluralVerb(after.tok) && !(firstIsObject && cand.ref.plural);
}

/** A present-tense verb without `-s` (`grab`, not `grabs`): its subject is plural. */
function pluralVerb(t: Token): boolean {
  const form = ACT_VERB_FORMS.get(t.lower)?.form;
  if (form !== undefined) return form === 'base';
  return t.tags.has('Infinitive') && t.tags.has('PresentTense');
}

/** Whether a comma list of refs starting at `k` ends in `and` + ref. */
function endsInAnd(items: readonly Item[], k: number): boolean {
  for (let j = k; j < items.length; j++) {
    const it = items[j]!;
    if (it.kind === 'ref') continue;
    return it.tok.lower === 'and' && items[j + 1]?.kind === 'ref';
  }
  return false;
}
