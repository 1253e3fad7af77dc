import { CodebookIndex, type Codebook } from '../domain/codebook.js';
import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { detectActs, type RawAct } from './acts.js';
import { splitClauses } from './clauses.js';
import { confidenceOf } from './confidence.js';
import { Discourse, GenderBook, type ResolveContext } from './discourse.js';
import { namesInSpeech } from './speech-names.js';
import { PeopleIndex, findRefs, type CharacterInput, type Item, type Ref } from './people.js';
import { tokenize } from './tokens.js';

export interface SuggestInput {
  /** The episode id the suggestions belong to. */
  readonly episode: string;
  /** The transcript file, as it should appear in provenance. */
  readonly file: string;
  readonly lines: readonly TranscriptLine[];
  /** The canon's characters; speakers of the transcript not among them are added as they are written. */
  readonly characters: readonly CharacterInput[];
  readonly codebook: Codebook;
}

interface Resolved {
  names: string[];
  pronouns: number;
  unsure: number;
  extra: boolean;
}

/**
 * Read every stage direction of a transcript and suggest the acts it says happen: who does
 * what (a codebook term of tier `action`, or `gaze`) to whom. Pure: lines in, suggestions out,
 * in line order. Acts not in the codebook are not suggested.
 */
export function suggestMoments(input: SuggestInput): Suggestion[] {
  const known = new Set(input.characters.flatMap((c) => [c.name, ...c.aliases]));
  const people = new PeopleIndex([
    ...input.characters,
    ...speakerLabels(input.lines)
      .filter((l) => !known.has(l))
      .map((l) => ({ name: l.toUpperCase(), aliases: [l] })),
  ]);
  const speakerName = (label: string): string => people.resolve(label) ?? label.toUpperCase();
  const codebook = new CodebookIndex(input.codebook);

  // Read every direction once; speeches only for the names they hold.
  const sentences = new Map<number, Item[][]>();
  const lineNames: string[][] = input.lines.map(() => []);
  const genders = new GenderBook(people);
  input.lines.forEach((l, i) => {
    if (l.kind === 'dialogue') lineNames[i] = namesInSpeech(l.text, people);
    if (l.kind !== 'action') return;
    const read = tokenize(l.text).map((s) => findRefs(s, people));
    sentences.set(i, read);
    const speaker = l.speaker === null ? null : speakerName(l.speaker);
    for (const items of read) {
      genders.learn(items, speaker, lineNames[i]!);
      for (const it of items) if (it.kind === 'ref') lineNames[i]!.push(...it.ref.names);
    }
  });
  const discourse = new Discourse(input.lines, speakerName, (i) => lineNames[i] ?? [], genders);

  const out: Suggestion[] = [];
  input.lines.forEach((l, i) => {
    if (l.kind !== 'action') return;
    const speaker = l.speaker === null ? null : speakerName(l.speaker);
    const earlier: string[] = [];
    const groups: string[][] = [];
    let lastSubject: Resolved | null = null;
    for (const items of sentences.get(i) ?? []) {
      let previousNonEvent: string | null = null;
      let clauseSubject: Resolved | null = null;
      for (const clause of splitClauses(items)) {
        const ctx = (exclude: readonly string[]): ResolveContext => ({
          lineIndex: i,
          speaker,
          earlier,
          exclude,
        });
        let subject: Resolved | null = null;
        let guessed = false;
        if (clause.subject !== null) {
          subject = resolveRef(clause.subject, ctx([]), discourse, groups, true);
          clauseSubject = subject;
        } else if (clauseSubject !== null) subject = clauseSubject;
        else if (lastSubject !== null) subject = lastSubject;
        else if (speaker !== null)
          subject = { names: [speaker], pronouns: 0, unsure: 0, extra: false };
        else {
          const g = discourse.resolveOne(null, ctx([]), true);
          if (g !== null)
            subject = { names: [g.name], pronouns: 0, unsure: g.sure ? 0 : 1, extra: false };
          guessed = true;
        }
        if (clause.subject === null && clauseSubject === null) clauseSubject = subject;
        if (subject !== null) {
          for (const n of subject.names) if (!earlier.includes(n)) earlier.push(n);
          if (subject.names.length >= 2) groups.push(subject.names);
        }
        const subjectRef: Ref | null =
          clause.subject ??
          (subject === null
            ? null
            : {
                kind: 'name',
                names: subject.names,
                members: [],
                pronoun: null,
                gender: null,
                plural: subject.names.length > 1,
                possessive: false,
              });
        const acts = detectActs(clause, subjectRef, previousNonEvent);
        previousNonEvent = acts.length > 0 ? acts[acts.length - 1]!.nonEvent : previousNonEvent;
        for (const act of acts) {
          let doers: (Resolved | null)[] = [subject];
          if (act.mutual && act.objects.length === 0 && (subject?.names.length ?? 0) < 2) {
            // `(Group hug.)`: everyone in the conversation around it.
            const many = discourse.resolveMany(ctx([]), groups);
            if (many.length >= 2) doers = [{ names: many, pronouns: 1, unsure: 1, extra: false }];
          } else if (
            !act.mutual &&
            act.doer === 'subject' &&
            subject !== null &&
            subject.names.length > 1 &&
            act.objects.length > 0
          ) {
            // `Barbara and Susan grab him`: each of them grabs him.
            doers = subject.names.map((n) => ({ ...subject, names: [n] }));
          }
          for (const doer of doers) {
            const s = buildSuggestion(
              act,
              doer,
              guessed,
              ctx,
              discourse,
              groups,
              codebook,
              input,
              l,
            );
            if (s !== null) out.push(s);
          }
        }
        for (const it of clause.items) {
          if (it.kind === 'ref' && it.ref.kind === 'name') {
            for (const n of it.ref.names) if (!earlier.includes(n)) earlier.push(n);
            if (it.ref.names.length >= 2) groups.push([...it.ref.names]);
          }
        }
      }
      lastSubject = clauseSubject ?? lastSubject;
    }
  });
  return out;
}

function buildSuggestion(
  act: RawAct,
  subject: Resolved | null,
  guessed: boolean,
  ctx: (exclude: readonly string[]) => ResolveContext,
  discourse: Discourse,
  groups: string[][],
  codebook: CodebookIndex,
  input: SuggestInput,
  line: Extract<TranscriptLine, { kind: 'action' }>,
): Suggestion | null {
  if (act.nonEvent !== null) return null;
  const term = codebook.term(act.term);
  if (term === null) return null;
  let doer: Resolved | null = null;
  if (act.doer === 'subject') doer = subject;
  else if (act.doer !== null) doer = resolveRef(act.doer, ctx([]), discourse, groups, true);
  const exclude = doer?.names ?? [];
  const objects: Resolved[] = [];
  for (const o of act.objects) {
    if (o === 'subject') {
      if (subject !== null) objects.push(subject);
      continue;
    }
    const r = resolveRef(
      o,
      ctx(o.kind === 'pronoun' && o.pronoun?.endsWith('self') ? [] : exclude),
      discourse,
      groups,
      false,
    );
    if (r === null) return null;
    objects.push(r);
  }
  const objectNames = [...new Set(objects.flatMap((o) => o.names))];
  const doerNames = doer?.names ?? [];
  let initiator: string | null = null;
  let recipients: string[];
  let mutual = act.mutual;
  if (!mutual && doerNames.length >= 2) mutual = true;
  if (mutual) {
    recipients = [...new Set([...doerNames, ...objectNames])];
    if (recipients.length < 2) return null;
  } else {
    if (doerNames.length === 0 && act.doer !== null) return null;
    initiator = doerNames[0] ?? null;
    recipients = objectNames.filter((n) => n !== initiator);
    if (recipients.length === 0) return null;
  }
  const all = [doer, ...objects].filter((r): r is Resolved => r !== null);
  return {
    episode: input.episode,
    source: { file: input.file, line: line.line },
    seq: line.seq,
    tier: term.tier,
    action: term.id,
    initiator,
    recipients,
    mutual,
    part: act.part,
    text: line.text,
    confidence: confidenceOf({
      subjectGuessed: guessed && act.doer === 'subject',
      pronouns: all.reduce((n, r) => n + r.pronouns, 0),
      unsurePronouns: all.reduce((n, r) => n + r.unsure, 0),
      passiveWithoutAgent: act.rule === 'act.passive-no-agent',
      extraPerson: all.some((r) => r.extra),
    }),
    rule: act.rule,
  };
}

/** The names a ref stands for, resolving pronouns from the context; null when unresolvable. */
function resolveRef(
  ref: Ref,
  ctx: ResolveContext,
  discourse: Discourse,
  groups: readonly string[][],
  subjectRole: boolean,
): Resolved | null {
  switch (ref.kind) {
    case 'name':
      return { names: [...ref.names], pronouns: 0, unsure: 0, extra: false };
    case 'group': {
      const names: string[] = [];
      let pronouns = 0;
      let unsure = 0;
      for (const m of ref.members) {
        const r = resolveRef(
          m,
          { ...ctx, exclude: [...ctx.exclude, ...names] },
          discourse,
          groups,
          subjectRole,
        );
        if (r === null) return null;
        names.push(...r.names);
        pronouns += r.pronouns;
        unsure += r.unsure;
      }
      return { names: [...new Set(names)], pronouns, unsure, extra: false };
    }
    case 'pronoun':
      if (ref.plural) {
        const many = discourse.resolveMany(ctx, groups);
        return many.length >= 2 ? { names: many, pronouns: 1, unsure: 1, extra: false } : null;
      } else {
        const one = discourse.resolveOne(ref.gender, ctx, subjectRole);
        return one === null
          ? null
          : { names: [one.name], pronouns: 1, unsure: one.sure ? 0 : 1, extra: false };
      }
    case 'plural': {
      const many = discourse.resolveMany(ctx, groups);
      return many.length >= 2 ? { names: many, pronouns: 1, unsure: 1, extra: false } : null;
    }
    case 'reciprocal':
      return null;
  }
}

/** Every speaker label of the transcript, as written. */
function speakerLabels(lines: readonly TranscriptLine[]): string[] {
  const out = new Set<string>();
  for (const l of lines) if (l.kind === 'dialogue') out.add(l.speaker);
  return [...out];
}
