import { alignTranscript } from '../align/align-transcript.js';
import { pairByContent, type ContentPairing } from '../align/pair-by-content.js';
import type { AlignmentReport, MismatchReason } from '../domain/alignment.js';
import type { CanonStore } from '../store/canon-store.js';
import { cuesOf, mainSources, transcriptLinesOf } from './stored-lines.js';

/** What aligning one episode came to. */
export type EpisodeAlignOutcome =
  | {
      readonly episodeId: string;
      readonly status: 'aligned';
      readonly subtitlePath: string;
      readonly transcriptPath: string;
      readonly report: AlignmentReport;
      readonly ms: number;
    }
  | {
      readonly episodeId: string;
      readonly status: 'mismatch';
      readonly subtitlePath: string;
      readonly transcriptPath: string;
      readonly reason: MismatchReason;
      readonly message: string;
    }
  | {
      readonly episodeId: string;
      readonly status: 'skipped';
      readonly message: string;
    };

export interface AlignProgress {
  readonly done: number;
  readonly total: number;
  readonly episodeId: string;
}

/** Where a mismatched subtitle file's content belongs, by what it says. */
export interface ContentProposal {
  readonly subtitlePath: string;
  readonly episodeId: string;
  /** The episode whose transcript says what the file says, or null when none does. */
  readonly belongsTo: string | null;
  /** The file holds a second episode too, from this cue index (0-based). */
  readonly secondEpisode: { readonly episodeId: string; readonly fromCueIndex: number } | null;
}

/**
 * Align each episode's transcript with its subtitles and store the result; files that do
 * not say the same thing are reported, never aligned. One transaction per episode, so an
 * interrupted run keeps what it finished.
 */
export async function alignEpisodes(
  store: CanonStore,
  seriesId: string,
  episodeIds: readonly string[],
  onProgress?: (p: AlignProgress) => void,
): Promise<EpisodeAlignOutcome[]> {
  const outcomes: EpisodeAlignOutcome[] = [];
  for (const [i, episodeId] of episodeIds.entries()) {
    onProgress?.({ done: i, total: episodeIds.length, episodeId });
    outcomes.push(await alignOne(store, seriesId, episodeId));
  }
  onProgress?.({ done: episodeIds.length, total: episodeIds.length, episodeId: '' });
  return outcomes;
}

async function alignOne(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
): Promise<EpisodeAlignOutcome> {
  const { subtitle, transcript } = mainSources(await store.episodeSources(seriesId, episodeId));
  if (!subtitle || !transcript) {
    const missing =
      !subtitle && !transcript ? 'subtitles or transcript' : !subtitle ? 'subtitles' : 'transcript';
    return { episodeId, status: 'skipped', message: `the library holds no ${missing} for it` };
  }
  const started = performance.now();
  const result = alignTranscript(cuesOf(subtitle), transcriptLinesOf(transcript));
  const paths = { subtitlePath: subtitle.path, transcriptPath: transcript.path };
  if (result.kind === 'mismatch') {
    return {
      episodeId,
      status: 'mismatch',
      ...paths,
      reason: result.reason,
      message: result.message,
    };
  }
  const ms = performance.now() - started;
  await store.saveAlignment({
    seriesId,
    episodeId,
    ...paths,
    cues: result.cues.map((c) => ({
      seq: c.cueSeq,
      speakers: c.speakers,
      confidence: c.confidence,
    })),
    lines: result.lines.map((l) => ({
      seq: l.lineSeq,
      startMs: l.startMs,
      endMs: l.endMs,
      estimated: l.estimated,
    })),
    report: result.report,
  });
  return { episodeId, status: 'aligned', ...paths, report: result.report, ms };
}

/**
 * For subtitle files that did not match their episode's transcript: which episode they
 * belong to by content, across every episode of the series.
 */
export async function proposePairings(
  store: CanonStore,
  seriesId: string,
  mismatched: readonly { readonly episodeId: string; readonly subtitlePath: string }[],
): Promise<ContentProposal[]> {
  if (mismatched.length === 0) return [];
  const episodes = await store.listEpisodes(seriesId);
  const subtitles = [];
  const transcripts = [];
  const wanted = new Set(mismatched.map((m) => m.subtitlePath));
  for (const e of episodes) {
    const all = await store.episodeSources(seriesId, e.id);
    const { transcript } = mainSources(all);
    for (const s of all) {
      if (s.role === 'subtitle' && wanted.has(s.path)) {
        subtitles.push({ id: s.path, claimedTranscriptId: e.id, cues: cuesOf(s) });
      }
    }
    if (transcript) {
      transcripts.push({
        id: e.id,
        texts: transcriptLinesOf(transcript).flatMap((l) =>
          l.kind === 'dialogue' ? [l.text] : [],
        ),
      });
    }
  }
  return proposalsFrom(pairByContent(subtitles, transcripts), mismatched);
}

function proposalsFrom(
  pairing: ContentPairing,
  mismatched: readonly { readonly episodeId: string; readonly subtitlePath: string }[],
): ContentProposal[] {
  const pairOf = new Map(pairing.pairs.map((p) => [p.subtitleId, p.transcriptId]));
  const twoOf = new Map(pairing.twoEpisodes.map((t) => [t.subtitleId, t]));
  return mismatched.map((m) => {
    const two = twoOf.get(m.subtitlePath);
    return {
      subtitlePath: m.subtitlePath,
      episodeId: m.episodeId,
      belongsTo: two?.firstTranscriptId ?? pairOf.get(m.subtitlePath) ?? null,
      secondEpisode: two
        ? { episodeId: two.secondTranscriptId, fromCueIndex: two.seamCueIndex }
        : null,
    };
  });
}
