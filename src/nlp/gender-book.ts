import nlp from 'compromise';
import type { PeopleIndex } from './people-index.js';
import { PERSON_NOUNS } from './person-nouns.js';
import { countAnswer, mainAnswer } from './called-names.js';
import type { ParentCallAnswers } from './kin-book.js';
import { GENDERED_CALLS } from './speech-names.js';
import type { Item } from './refs.js';
import type { Token } from './tokens.js';
import { BODY_PARTS, TITLE_GENDER, type Gender } from './words.js';

const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;

/** A first name's gender from compromise's name lists (`ROSE` -> f), as one vote. */
function nameListVote(name: string): { m: number; f: number } | undefined {
  const first = name.toLowerCase().split(' ')[0] ?? '';
  const tag = Object.hasOwn(lexicon, first) ? lexicon[first] : undefined;
  if (tag === 'FemaleName') return { m: 0, f: 1.5 };
  if (tag === 'MaleName') return { m: 1.5, f: 0 };
  return undefined;
}

// Words ending in `man` that are no man: `human`, `shaman`, `German`.
const NOT_A_MAN = /(?:^|\s)(?:hu|sha|ger|ro|nor|her|tru|cai|talis|otto)man$/;

/**
 * A name that is a person noun, or ends in one (`YOUNG WOMAN`, `CYBERMAN`, `CHAIRMAN`), as one
 * vote: a speaker label of that kind says its gender as a first name would.
 */
function nounVote(name: string): { m: number; f: number } | undefined {
  const lower = name.toLowerCase();
  const last = lower.split(' ').pop() ?? '';
  const g = PERSON_NOUNS.get(last) ?? (/woman$/.test(last) ? 'f' : null);
  if (g === 'f') return { m: 0, f: 1.5 };
  // Not `SANDMEN`: a plural name is never `him`.
  if (g === 'm' || (/man$/.test(last) && !NOT_A_MAN.test(lower))) return { m: 1.5, f: 0 };
  return undefined;
}

/**
 * Genders learnt from the transcript itself: a sentence that names one person and uses only
 * `he/him/his` (or only `she/her`) votes for that person; a direction inside a speech that
 * opens with `she` votes for its speaker; compromise's first-name lists give priors. Titles
 * in speech or directions, when they agree, settle it (`Mister Kim`, though `Kim` is listed
 * as a woman's name).
 */
export class GenderBook {
  private readonly votes = new Map<string, { m: number; f: number }>();
  // Titles (`Mister Kim`, `Mrs Pragg`): how the others call a person outweighs any guess.
  private readonly titles = new Map<string, { m: number; f: number }>();
  // By name: how often each speaker answered a call by title (`Mister Crusher, ...`).
  private readonly titleAnswers = new Map<string, Map<string, number>>();
  // By caller and word for a parent or `ma'am`: how often each speaker answered it.
  private readonly calls = new Map<string, Map<string, number>>();
  private callVotes: Map<string, { m: number; f: number }> | null = null;
  // The name lists' vote for each person's aliases, once worked out (see aliasVote).
  private readonly aliasVotes = new Map<string, { m: number; f: number } | undefined>();
  // People the tagger's first-name guess has voted for already.
  private readonly guessed = new Set<string>();

  constructor(
    private readonly people: PeopleIndex,
    /** Genders the series' speeches tell (see `seriesGenders`), by name in capitals. */
    private readonly series?: ReadonlyMap<string, Gender>,
  ) {}

  vote(name: string, g: Gender, weight = 1): void {
    add(this.votes, name, g, weight);
  }

  /** A title a person is called by (`Mister Kim`): wins over the name lists and pronouns. */
  voteTitle(name: string, g: Gender): void {
    add(this.titles, name, g, 1);
  }

  /** Who answered a speaker's call by a word for a parent or `ma'am`: `caller` said `word`. */
  calledAnswered(caller: string, word: string, answer: string): void {
    countAnswer(this.calls, `${caller}\u0000${word}`, answer);
    this.callVotes = null;
  }

  /** By caller, the words for a parent (or `ma'am`) they said, and who answered each how often. */
  callAnswers(): ParentCallAnswers {
    type Answers = Map<string, ReadonlyMap<string, number>>;
    const out = new Map<string, Answers>();
    for (const [key, by] of this.calls) {
      const at = key.indexOf('\u0000');
      const caller = key.slice(0, at);
      const words = out.get(caller) ?? (new Map() as Answers);
      out.set(caller, words.set(key.slice(at + 1), by));
    }
    return out;
  }

  /**
   * The votes the calls give: a speaker's `Mother` (or `ma'am`) is the one who most often
   * answers it, when that one answered at least three times and 60% of the time. Not
   * whoever answers: with three in the scene, the one called may not speak.
   */
  private votesOfCalls(): Map<string, { m: number; f: number }> {
    if (this.callVotes !== null) return this.callVotes;
    const out = new Map<string, { m: number; f: number }>();
    for (const [key, by] of this.calls) {
      const g = GENDERED_CALLS.get(key.slice(key.indexOf('\u0000') + 1))!;
      const best = mainAnswer(by, 3, 0.6);
      if (best !== null) add(out, best.who, g, best.n);
    }
    return (this.callVotes = out);
  }

  /** Who answered a call by title to `name`. */
  titleAnswered(name: string, answer: string): void {
    countAnswer(this.titleAnswers, name, answer);
  }

  /**
   * Whether the titles a name was given belong to someone else: one other speaker answers
   * calls by it, nearly always (`Mister Crusher` is the son, CRUSHER the mother).
   */
  private titlesAnother(name: string): boolean {
    const by = this.titleAnswers.get(name);
    const best = by === undefined ? null : mainAnswer(by, 3, 0.75);
    return best !== null && best.who !== name;
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
    before: {
      readonly names: readonly string[];
      readonly pronouns: readonly Gender[];
      /** The people the sentence just before names, when it is in the same direction. */
      readonly last?: readonly string[];
    },
    addressee: string | null = null,
  ): void {
    const names = new Set<string>();
    let reflexive: Gender | null = null;
    // `Realizing what he said, he digs himself in deeper`: a pronoun before the reflexive
    // may be whom it goes back to, not the name.
    let pronounFirst = false;
    items.forEach((it) => {
      if (it.kind !== 'ref') return;
      if (it.ref.kind === 'pronoun' && reflexive === null && !it.ref.pronoun!.endsWith('self'))
        pronounFirst = true;
      if (it.ref.kind === 'name') {
        for (const n of it.ref.names) names.add(n);
        const title = TITLE_GENDER.get(it.toks[0]!.lower);
        if (title) {
          this.vote(it.ref.names[0]!, title, 3);
          this.voteTitle(it.ref.names[0]!, title);
        }
        if (it.ref.gender) this.vote(it.ref.names[0]!, it.ref.gender, 3);
        // The tagger's guess from a first name counts once per person, not at every mention
        // (`Kim` is on its list of women's names, and Harry Kim is named often).
        const first = it.toks.find((t) => t.cap);
        const guess = first?.tags.has('FemaleName')
          ? 'f'
          : first?.tags.has('MaleName')
            ? 'm'
            : null;
        const name = it.ref.names[0]!;
        if (guess !== null && !this.guessed.has(name)) {
          this.guessed.add(name);
          this.vote(name, guess, 2);
        }
      } else if (it.ref.kind === 'group') names.add('#group');
      else if (it.ref.kind === 'pronoun' && it.ref.gender && it.ref.pronoun!.endsWith('self')) {
        reflexive = it.ref.gender;
      }
    });
    if (reflexive !== null && !pronounFirst && names.size === 1 && !names.has('#group')) {
      this.vote([...names][0]!, reflexive);
    }
    const owner = ownerOfPossessive(items);
    if (owner !== null) this.vote(owner.name, owner.gender);
    const subject = subjectOfNextClause(items, before.pronouns);
    if (subject !== null) this.vote(subject.name, subject.gender);
    const head = items[0];
    if (head?.kind !== 'ref' || head.ref.kind !== 'pronoun' || head.ref.gender === null) return;
    if (head.ref.pronoun !== 'he' && head.ref.pronoun !== 'she') return;
    const g = head.ref.gender;
    // `The Doctor hugs her. She cries.`: she is the her, not the Doctor.
    if (before.pronouns.includes(g)) return;
    const distinct = new Set(before.names);
    const alone = items.every((it) => it === head || it.kind === 'tok');
    const last = new Set(before.last ?? []);
    if (distinct.size === 1) this.vote([...distinct][0]!, g);
    // `Kim sits. Tavi reads. She sighs.`: the one the sentence just before names.
    else if (distinct.size > 1 && last.size === 1 && !last.has('#group'))
      this.vote([...last][0]!, g);
    // `Hello, Tavi. [she frowns]` may be the speaker's or the one just called: no vote. Else
    // a direction inside a speech is still often the listener's: a weak vote.
    else if (distinct.size === 0 && speaker !== null && alone && addressee === null)
      this.vote(speaker, g, 0.5);
  }

  /** A person's gender when the votes agree clearly, else null. */
  genderOf(name: string): Gender | null {
    const given = this.people.givenGender(name);
    if (given) return given;
    // What the whole series' speeches decided counts for more than a name list's guess.
    const fromSeries = this.series?.get(name.toUpperCase());
    const titled = this.titlesAnother(name) ? undefined : this.titles.get(name);
    // Two titles that agree (and none that disagrees) settle it, unless the series, which
    // heard every title, decided otherwise: they were someone else's.
    if (titled !== undefined && Math.min(titled.m, titled.f) === 0) {
      if (titled.m >= 2 && fromSeries !== 'f') return 'm';
      if (titled.f >= 2 && fromSeries !== 'm') return 'f';
    }
    const prior =
      fromSeries !== undefined
        ? { m: fromSeries === 'm' ? 3 : 0, f: fromSeries === 'f' ? 3 : 0 }
        : (nameListVote(name) ?? this.aliasVote(name) ?? nounVote(name));
    const own = sum(this.votes.get(name), this.votesOfCalls().get(name));
    // An episode whose own sentences clearly disagree with the series (a film filed with
    // another Doctor's episodes) keeps its own reading.
    const mine = own === undefined ? null : decide(own);
    const overrules =
      mine !== null &&
      fromSeries !== undefined &&
      mine !== fromSeries &&
      Math.max(own!.m, own!.f) >= 4;
    const v =
      own === undefined
        ? prior
        : prior === undefined || overrules
          ? own
          : { m: own.m + prior.m, f: own.f + prior.f };
    return v === undefined ? null : decide(v);
  }

  /**
   * The name lists' vote for the first names a person is called by (`Beverly` for CRUSHER),
   * when they agree.
   */
  private aliasVote(name: string): { m: number; f: number } | undefined {
    if (this.aliasVotes.has(name)) return this.aliasVotes.get(name);
    const votes = this.people.aliasesOf(name).flatMap((a) => nameListVote(a) ?? []);
    const f = votes.filter((v) => v.f > 0).length;
    const vote = votes.length === 0 || (f > 0 && f < votes.length) ? undefined : votes[0];
    this.aliasVotes.set(name, vote);
    return vote;
  }

  /** Every name someone voted for. */
  voted(): string[] {
    const called = this.votesOfCalls().keys();
    return [...new Set([...this.votes.keys(), ...this.titles.keys(), ...called])];
  }
}

function add(to: Map<string, { m: number; f: number }>, name: string, g: Gender, w: number): void {
  const v = to.get(name) ?? { m: 0, f: 0 };
  v[g] += w;
  to.set(name, v);
}

function sum(
  a: { m: number; f: number } | undefined,
  b: { m: number; f: number } | undefined,
): { m: number; f: number } | undefined {
  return a === undefined || b === undefined ? (a ?? b) : { m: a.m + b.m, f: a.f + b.f };
}

/** The gender votes agree on clearly, else null. */
function decide(v: { readonly m: number; readonly f: number }): Gender | null {
  // One vote from a pronoun is too easily wrong; a title, a role or a name list gives more.
  if (v.m >= 1.5 && v.m >= 2.5 * v.f) return 'm';
  if (v.f >= 1.5 && v.f >= 2.5 * v.m) return 'f';
  return null;
}

// Words that open a clause joined to the one before with the same subject: `and he sits`.
const CLAUSE_JOINS = new Set(['and', 'then']);

/**
 * `Tavi stares at the map, and she sighs`: a sentence that opens with one name and, before
 * any other person or pronoun, starts a new clause with `he`/`she` (after a comma, a
 * semicolon, `and` or `then`): the clause most likely goes on with the same subject.
 */
function subjectOfNextClause(
  items: readonly Item[],
  earlier: readonly Gender[],
): { name: string; gender: Gender } | null {
  const lead = items[0];
  const start = lead?.kind === 'tok' && lead.tok.lower === 'the' ? 1 : 0;
  const head = items[start];
  if (head?.kind !== 'ref' || head.ref.kind !== 'name' || head.ref.names.length !== 1) return null;
  if (head.ref.role !== null || head.ref.possessive) return null;
  for (let i = start + 1; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'tok') continue;
    if (it.ref.kind !== 'pronoun' || it.ref.possessive || it.ref.plural) return null;
    const p = it.ref.pronoun;
    if ((p !== 'he' && p !== 'she') || it.ref.gender === null) return null;
    // `Tavi turns. She...` after a `she` elsewhere in the direction may be that one's.
    if (earlier.includes(it.ref.gender)) return null;
    const prev = items[i - 1]!;
    const prevTok = prev.kind === 'tok' ? prev.tok : prev.toks[prev.toks.length - 1]!;
    const joined = /[,;]/.test(prevTok.post) || CLAUSE_JOINS.has(prevTok.lower);
    return joined ? { name: head.ref.names[0]!, gender: it.ref.gender } : null;
  }
  return null;
}

// Parts of a person the touch lists leave out, which are as often someone else's: `looks into
// his eyes`.
const BODY_WORDS = new Set([
  'eyes',
  'eye',
  'gaze',
  'body',
  'skin',
  'side',
  'hip',
  'hips',
  'lap',
  'fist',
  'fists',
  'thumb',
  'tears',
  'ears',
  'bed',
]);

// Verbs that go to a place or person, whose `his`/`her` is as often another's: `enters his
// office`, `joins her table`.
const INTO_ANOTHERS = new Set([
  'enters',
  'approaches',
  'joins',
  'follows',
  'visits',
  'watches',
  'interrupts',
  'invades',
]);

const AUXILIARIES = new Set(['is', 'was', 'keeps']);

/**
 * `Kim checks his scanner`: a sentence that opens with one name, whose verb (with a particle
 * or preposition) is followed by `his`/`her` and a thing: the thing is most likely the
 * subject's own. A body part is left out (`takes her hand` is someone else's).
 */
function ownerOfPossessive(items: readonly Item[]): { name: string; gender: Gender } | null {
  const lead = items[0];
  const start = lead?.kind === 'tok' && lead.tok.lower === 'the' ? 1 : 0;
  const head = items[start];
  if (head?.kind !== 'ref' || head.ref.kind !== 'name' || head.ref.names.length !== 1) return null;
  if (head.ref.role !== null || head.ref.possessive) return null;
  let i = start + 1;
  // `Kim is still packing his bag`: an auxiliary and an adverb may come before the verb.
  const isAux = (it: Item | undefined): boolean =>
    it?.kind === 'tok' && AUXILIARIES.has(it.tok.lower) && it.tok.post.trim() === '';
  const isAdverb = (it: Item | undefined): boolean =>
    it?.kind === 'tok' &&
    /ly$|^(?:still|just|now)$/.test(it.tok.lower) &&
    it.tok.post.trim() === '';
  const aux = isAux(items[i]);
  if (aux) i++;
  if (isAdverb(items[i])) i++;
  const verb = items[i];
  // The lexicon-only reading knows `get` but not `gets`: in this place, a word in -s is a verb.
  const verbLike = (t: Token): boolean =>
    aux ? /^[a-z]+ing$/.test(t.text) : t.tags.has('Verb') || /^[a-z]+(?:s|ed)$/.test(t.text);
  if (verb?.kind !== 'tok' || !verbLike(verb.tok) || verb.tok.post.trim() !== '') return null;
  if (INTO_ANOTHERS.has(verb.tok.lower.replace(/ing$/, 's'))) return null;
  i++;
  const link = items[i];
  if (link?.kind === 'tok' && (link.tok.tags.has('Preposition') || link.tok.tags.has('Particle')))
    i++;
  const pro = items[i];
  const thing = items[i + 1];
  if (pro?.kind !== 'ref' || pro.ref.kind !== 'pronoun' || !pro.ref.possessive) return null;
  if (pro.ref.gender === null || pro.ref.plural) return null;
  if (thing?.kind !== 'tok' || BODY_PARTS.has(thing.tok.lower) || BODY_WORDS.has(thing.tok.lower))
    return null;
  const tags = thing.tok.tags;
  // A word the lexicon does not know (`briefcase` in the light reading) is a noun here too.
  if (!(tags.has('Noun') || tags.has('Adjective') || tags.size === 0)) return null;
  return { name: head.ref.names[0]!, gender: pro.ref.gender };
}
