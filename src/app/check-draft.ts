import type { Claim, Verdict, VerdictKind } from '../domain/claim.js';
import { ReceiptsError, isReceiptsError, type Finding } from '../domain/errors.js';
import { decodeText } from '../formats/decode-text.js';
import { aboutWhom, readClaimSentence, type ClaimReading } from '../nlp/claim-reader.js';
import { detectCues, draftSentences, type ClaimCue } from '../nlp/claim-sentences.js';
import type { Hedge, MentionOptions } from '../nlp/claim-words.js';
import type { CanonStore } from '../store/canon-store.js';
import { checkClaim, openClaimSession, type CheckOptions } from './check-claim.js';
import { claimVocabulary } from './claim-resolve.js';
import { readUserFile } from './read-file.js';

/** One claim sentence of a draft: what it was read as and what the canon says of it. */
export interface DraftFinding extends Finding {
  readonly line: number;
  readonly column: number;
  readonly sentence: string;
  /** The cue the claim was read from (`the only time`), and every cue the sentence has. */
  readonly cue: string;
  readonly cues: readonly string[];
  readonly hedges: readonly Hedge[];
  readonly claim: Claim | null;
  readonly verdict: Verdict | null;
  /** Why a sentence recognised as a claim could not be checked; null when it was. */
  readonly notCheckable: string | null;
  /** How names, pronouns and hedges were read, for the writer to check the reading. */
  readonly notes: readonly string[];
}

export interface DraftSummary {
  readonly sentences: number;
  /** Claims found (checked or not): one per claim, so a sentence may hold two. */
  readonly claims: number;
  readonly checked: number;
  readonly verdicts: Readonly<Record<VerdictKind, number>>;
  readonly notCheckable: number;
  /** Claims weakened by "almost", "basically" ...: checked strictly, never an error. */
  readonly hedged: number;
}

export interface DraftCheck {
  readonly file: string;
  readonly series: string;
  readonly findings: readonly DraftFinding[];
  readonly summary: DraftSummary;
}

export interface DraftOptions extends CheckOptions {
  /** The draft's name as the user wrote it, for messages and places. */
  readonly shownAs?: string;
}

/** Formats that are not text but are often what a draft is saved as, by their first bytes. */
const NOT_TEXT: readonly { magic: string; what: string }[] = [
  { magic: '%PDF-', what: 'a PDF' },
  { magic: 'PK\u0003\u0004', what: 'a ZIP archive (a .docx, .odt or .pages file?)' },
  { magic: '\u00d0\u00cf\u0011\u00e0', what: 'an old Word document' },
  { magic: '{\\rtf', what: 'an RTF document' },
  { magic: '\u0089PNG', what: 'a PNG image' },
  { magic: '\u00ff\u00d8\u00ff', what: 'a JPEG image' },
  { magic: 'GIF8', what: 'a GIF' },
];

/**
 * A draft's text: Markdown or plain text in any common encoding. A PDF, Word file, image or
 * other binary is refused with a message that says what it is and what to save instead.
 */
export function draftText(bytes: Uint8Array, file: string): string {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  const known = NOT_TEXT.find((k) => head.startsWith(k.magic));
  if (known !== undefined) {
    throw new ReceiptsError(
      'FILE_BINARY',
      `this is ${known.what}, not a text draft; save the draft as Markdown (.md) or plain text (.txt) and check that`,
      { file },
    );
  }
  try {
    return decodeText(bytes, file).text;
  } catch (e) {
    if (isReceiptsError(e) && e.code === 'FILE_BINARY') {
      throw new ReceiptsError(
        'FILE_BINARY',
        'this is a binary file, not a text draft; save the draft as Markdown (.md) or plain text (.txt) and check that',
        { file },
        { cause: e },
      );
    }
    throw e;
  }
}

/**
 * Check every canon claim in a draft: find the sentences that make one, read each as a
 * structured claim, check those against the library, and report the rest as not checkable.
 * Problems in the draft are findings; only an unreadable file (or library) throws.
 */
export async function checkDraft(
  store: CanonStore,
  path: string,
  options: DraftOptions = {},
): Promise<DraftCheck> {
  const file = options.shownAs ?? path;
  return checkDraftText(store, draftText(await readUserFile(path, {}, file), file), {
    ...options,
    shownAs: file,
  });
}

/** checkDraft on text already read (pasted into the workbench); `shownAs` names it in places. */
export async function checkDraftText(
  store: CanonStore,
  text: string,
  options: DraftOptions = {},
): Promise<DraftCheck> {
  const file = options.shownAs ?? 'draft';
  const session = await openClaimSession(store, options);
  const { ctx } = session;
  const words: MentionOptions = {
    vocab: claimVocabulary(ctx),
    tierOf: (id) => ctx.codebook.term(id)?.tier ?? null,
    episodes: ctx.episodes,
  };
  const sentences = draftSentences(text);
  const findings: DraftFinding[] = [];
  for (const [i, s] of sentences.entries()) {
    const cues = detectCues(s.text);
    if (cues.length === 0) continue;
    const before = sentences[i - 1];
    const previous =
      before !== undefined && before.paragraph === s.paragraph
        ? aboutWhom(before.text, words)
        : null;
    const base = {
      line: s.line,
      column: s.column,
      sentence: s.text,
      cues: cues.map((c) => c.cue),
      place: { file, line: s.line, column: s.column },
    };
    for (const { cue, reading } of readings(s.text, cues, { ...words, previous })) {
      const common = { ...base, cue: cue.cue, hedges: reading.hedges, notes: reading.notes };
      if (!reading.ok) {
        findings.push(notCheckable(common, null, reading.reason));
        continue;
      }
      try {
        const verdict = await checkClaim(store, session, reading.claim);
        findings.push(checked(common, reading.claim, verdict));
      } catch (e) {
        if (!isReceiptsError(e) || e.code !== 'CLAIM_INVALID') throw e;
        findings.push(notCheckable(common, reading.claim, e.message));
      }
    }
  }
  return { file, series: ctx.series.id, findings, summary: summarise(sentences.length, findings) };
}

/**
 * The claims a sentence makes, one per distinct reading: a sentence with "never" and "not
 * once" about the same thing is one claim. With no cue read, the first cue's reason stands.
 */
function readings(
  sentence: string,
  cues: readonly ClaimCue[],
  o: Parameters<typeof readClaimSentence>[2],
): { cue: ClaimCue; reading: ClaimReading }[] {
  const all = cues.map((cue) => ({ cue, reading: readClaimSentence(sentence, cue, o) }));
  const seen = new Set<string>();
  const ok = all.filter((r) => {
    if (!r.reading.ok) return false;
    const key = JSON.stringify(r.reading.claim);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // With no claim read, one finding gives the first reason. Beside claims that were read, a cue
  // that could not be is its own finding unless a claim read from its clause covers it
  // ("never ... (not once!)"); "always" beside a checked claim is only colour.
  if (ok.length === 0) return [all.find((r) => r.cue.quantifier !== null) ?? all[0]!];
  const covered = (c: ClaimCue): boolean =>
    ok.some((r) => c.start >= r.reading.span[0] && c.start < r.reading.span[1]);
  const reasons = new Set<string>();
  const failed = all.filter((r) => {
    if (r.reading.ok || r.cue.quantifier === null || covered(r.cue)) return false;
    if (reasons.has(r.reading.reason)) return false;
    reasons.add(r.reading.reason);
    return true;
  });
  return [...ok, ...failed].sort((a, b) => a.cue.start - b.cue.start);
}

type Common = Omit<DraftFinding, 'claim' | 'verdict' | 'notCheckable' | keyof Finding> & {
  place: Finding['place'];
};

function notCheckable(c: Common, claim: Claim | null, reason: string): DraftFinding {
  return {
    ...c,
    claim,
    verdict: null,
    notCheckable: reason,
    severity: 'warning',
    ruleId: 'claim-not-checkable',
    reason: `not checkable: ${reason}`,
  };
}

const SEVERITY: Record<VerdictKind, Finding['severity']> = {
  supported: 'info',
  contradicted: 'error',
  'insufficient-coverage': 'warning',
  'no-evidence': 'warning',
};

/**
 * A checked claim. A claim the writer weakened ("almost never", "basically the only time") is
 * checked as the strict claim — its counter-examples are what the writer needs to see — but a
 * contradiction of it is a warning, not an error: a few exceptions are what "almost" allows.
 */
function checked(c: Common, claim: Claim, verdict: Verdict): DraftFinding {
  const weakened = c.hedges.filter((h) => h.kind === 'quantifier').map((h) => h.text);
  const hedged = weakened.length > 0;
  const notes = hedged
    ? [
        ...c.notes,
        `hedged ("${weakened.join('", "')}"): checked as the strict claim; ${
          verdict.verdict === 'contradicted'
            ? `${verdict.counterexamples.length} exception(s), which the hedge may allow`
            : 'the strict claim holds as far as the library says'
        }`,
      ]
    : c.notes;
  const severity =
    hedged && verdict.verdict === 'contradicted' ? 'warning' : SEVERITY[verdict.verdict];
  return {
    ...c,
    notes,
    claim,
    verdict,
    notCheckable: null,
    severity,
    ruleId: hedged ? 'claim-hedged' : `claim-${verdict.verdict}`,
    reason: verdict.explanation,
  };
}

function summarise(sentences: number, findings: readonly DraftFinding[]): DraftSummary {
  const verdicts: Record<VerdictKind, number> = {
    supported: 0,
    contradicted: 0,
    'insufficient-coverage': 0,
    'no-evidence': 0,
  };
  for (const f of findings) if (f.verdict !== null) verdicts[f.verdict.verdict]++;
  const checkedCount = findings.filter((f) => f.verdict !== null).length;
  return {
    sentences,
    claims: findings.length,
    checked: checkedCount,
    verdicts,
    notCheckable: findings.length - checkedCount,
    hedged: findings.filter((f) => f.ruleId === 'claim-hedged').length,
  };
}
