import nlp from 'compromise';
import type { PeopleIndex } from './people-index.js';
import type { Item } from './refs.js';
import { TITLE_GENDER, type Gender } from './words.js';

const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;

/** A first name's gender from compromise's name lists (`ROSE` -> f), as one vote. */
function nameListVote(name: string): { m: number; f: number } | undefined {
  const first = name.toLowerCase().split(' ')[0] ?? '';
  const tag = Object.hasOwn(lexicon, first) ? lexicon[first] : undefined;
  if (tag === 'FemaleName') return { m: 0, f: 1.5 };
  if (tag === 'MaleName') return { m: 1.5, f: 0 };
  return undefined;
}

/**
 * Genders learnt from the transcript itself: a sentence that names one person and uses only
 * `he/him/his` (or only `she/her`) votes for that person; a direction inside a speech that
 * opens with `she` votes for its speaker; compromise's first-name lists and titles give priors.
 */
export class GenderBook {
  private readonly votes = new Map<string, { m: number; f: number }>();

  constructor(private readonly people: PeopleIndex) {}

  vote(name: string, g: Gender, weight = 1): void {
    const v = this.votes.get(name) ?? { m: 0, f: 0 };
    v[g] += weight;
    this.votes.set(name, v);
  }

  /**
   * Count the votes of one sentence. A name and a pronoun in one sentence say little
   * (`Jack strokes her hair`), so only these vote: a sentence opening with `he`/`she` after
   * sentences that named one person and no one by a pronoun of that gender, or alone in a
   * direction inside that person's speech; `himself`/`herself` with
   * one name in the sentence; titles (`Mrs`), role nouns (`the woman`) and compromise's name lists.
   */
  learn(
    items: readonly Item[],
    speaker: string | null,
    before: { readonly names: readonly string[]; readonly pronouns: readonly Gender[] },
  ): void {
    const names = new Set<string>();
    let reflexive: Gender | null = null;
    items.forEach((it) => {
      if (it.kind !== 'ref') return;
      if (it.ref.kind === 'name') {
        for (const n of it.ref.names) names.add(n);
        const title = TITLE_GENDER.get(it.toks[0]!.lower);
        if (title) this.vote(it.ref.names[0]!, title, 3);
        if (it.ref.gender) this.vote(it.ref.names[0]!, it.ref.gender, 3);
        const first = it.toks.find((t) => t.cap);
        if (first?.tags.has('FemaleName')) this.vote(it.ref.names[0]!, 'f', 2);
        if (first?.tags.has('MaleName')) this.vote(it.ref.names[0]!, 'm', 2);
      } else if (it.ref.kind === 'group') names.add('#group');
      else if (it.ref.kind === 'pronoun' && it.ref.gender && it.ref.pronoun!.endsWith('self')) {
        reflexive = it.ref.gender;
      }
    });
    if (reflexive !== null && names.size === 1 && !names.has('#group')) {
      this.vote([...names][0]!, reflexive);
    }
    const head = items[0];
    if (head?.kind !== 'ref' || head.ref.kind !== 'pronoun' || head.ref.gender === null) return;
    if (head.ref.pronoun !== 'he' && head.ref.pronoun !== 'she') return;
    const g = head.ref.gender;
    // `The Doctor hugs her. She cries.`: she is the her, not the Doctor.
    if (before.pronouns.includes(g)) return;
    const distinct = new Set(before.names);
    const alone = items.every((it) => it === head || it.kind === 'tok');
    if (distinct.size === 1) this.vote([...distinct][0]!, g);
    else if (distinct.size === 0 && speaker !== null && alone) this.vote(speaker, g);
  }

  /** A person's gender when the votes agree clearly, else null. */
  genderOf(name: string): Gender | null {
    const given = this.people.givenGender(name);
    if (given) return given;
    const prior = nameListVote(name);
    const own = this.votes.get(name);
    const v =
      own === undefined
        ? prior
        : prior === undefined
          ? own
          : { m: own.m + prior.m, f: own.f + prior.f };
    if (v === undefined) return null;
    // One vote from a pronoun is too easily wrong; a title, a role or a name list gives more.
    if (v.m >= 1.5 && v.m >= 2.5 * v.f) return 'm';
    if (v.f >= 1.5 && v.f >= 2.5 * v.m) return 'f';
    return null;
  }
}
