import { join } from 'node:path';
import { pairByContent, type SubtitleDoc, type TranscriptDoc } from '../align/pair-by-content.js';
import type { Manifest, ManifestEpisode } from '../formats/canon-manifest.js';
import { readSubtitlesSync } from '../formats/read-subtitles.js';
import { readTranscript } from '../formats/read-transcript.js';
import { readUserFile } from './read-file.js';

/** What reading the files told `receipts init` about which subtitle file is which episode. */
export interface ContentPairingReport {
  /** Subtitle files whose content is another episode than their name says: moved there. */
  readonly moved: readonly {
    readonly file: string;
    readonly from: string;
    readonly to: string;
  }[];
  /** Files holding the same episode; the first stays in the manifest, the others are left out. */
  readonly duplicates: readonly { readonly kept: string; readonly dropped: readonly string[] }[];
  /**
   * Files holding two episodes back to back, the second from this cue (0-based): split in the
   * manifest (`cues: 1-N` under the first, `cues: N+1-` under the second) unless the second
   * episode has subtitles of its own.
   */
  readonly twoEpisodes: readonly {
    readonly file: string;
    readonly first: string;
    readonly second: string;
    readonly seamCueIndex: number;
    readonly split: boolean;
  }[];
  /** Subtitle files and transcripts that could not be read for the comparison. */
  readonly unreadable: readonly string[];
}

export const NO_PAIRING: ContentPairingReport = {
  moved: [],
  duplicates: [],
  twoEpisodes: [],
  unreadable: [],
};

/**
 * Pair subtitle files with episodes by what they say, not only by their names: real
 * collections hold files named for one episode that contain another, the same episode
 * under two names, and two episodes in one file. Needs transcripts to compare against;
 * episodes without one keep their subtitles as named.
 */
export async function pairSubtitlesByContent(
  folder: string,
  manifest: Manifest,
): Promise<{ manifest: Manifest; report: ContentPairingReport }> {
  const unreadable: string[] = [];
  const transcripts: TranscriptDoc[] = [];
  const subtitles: SubtitleDoc[] = [];
  for (const e of manifest.episodes) {
    const t = e.transcripts[0];
    if (!t || t.part !== null) continue;
    try {
      const { parts } = readTranscript(await readUserFile(join(folder, t.file)), t.file);
      if (parts.length !== 1) continue;
      const texts = parts[0]!.transcript.lines.flatMap((l) =>
        l.kind === 'dialogue' ? [l.text] : [],
      );
      transcripts.push({ id: e.id, texts });
    } catch {
      unreadable.push(t.file);
    }
  }
  if (transcripts.length < 2) return { manifest, report: NO_PAIRING };
  const withTranscript = new Set(transcripts.map((t) => t.id));
  for (const e of manifest.episodes) {
    if (!withTranscript.has(e.id)) continue;
    for (const s of e.subtitles) {
      try {
        const { cues } = readSubtitlesSync(await readUserFile(join(folder, s.file)), s.file);
        subtitles.push({ id: s.file, claimedTranscriptId: e.id, cues });
      } catch {
        unreadable.push(s.file);
      }
    }
  }
  const pairing = pairByContent(subtitles, transcripts);

  const moved = pairing.misnamed.map((m) => ({
    file: m.subtitleId,
    from: m.claimedTranscriptId,
    to: m.proposedTranscriptId,
  }));
  const dropped = new Set<string>();
  const duplicates = pairing.duplicates.map((d) => {
    const [kept, ...rest] = d.subtitleIds;
    for (const f of rest) dropped.add(f);
    return { kept: kept!, dropped: rest };
  });
  const rearranged = rearrange(manifest, moved, dropped);
  const twoEpisodes = pairing.twoEpisodes.map((t) => ({
    file: t.subtitleId,
    first: t.firstTranscriptId,
    second: t.secondTranscriptId,
    seamCueIndex: t.seamCueIndex,
    split: !rearranged.episodes.some((e) => e.id === t.secondTranscriptId && e.subtitles.length),
  }));
  return {
    manifest: splitAtSeams(rearranged, twoEpisodes),
    report: { moved, duplicates, twoEpisodes, unreadable },
  };
}

/** Each two-episode file split at its seam between its two episodes. */
function splitAtSeams(
  manifest: Manifest,
  twoEpisodes: ContentPairingReport['twoEpisodes'],
): Manifest {
  const splits = twoEpisodes.filter((t) => t.split);
  if (splits.length === 0) return manifest;
  return {
    ...manifest,
    episodes: manifest.episodes.map((e) => {
      let subtitles = e.subtitles.map((s) => {
        const t = splits.find((x) => x.file === s.file && x.first === e.id);
        return t ? { ...s, cues: `1-${t.seamCueIndex}` } : s;
      });
      for (const t of splits.filter((x) => x.second === e.id)) {
        const language =
          manifest.episodes.flatMap((x) => x.subtitles).find((s) => s.file === t.file)?.language ??
          null;
        subtitles = [...subtitles, { file: t.file, language, cues: `${t.seamCueIndex + 1}-` }];
      }
      return { ...e, subtitles };
    }),
  };
}

/** The manifest with moved subtitle files under their episodes and duplicates left out. */
function rearrange(
  manifest: Manifest,
  moved: ContentPairingReport['moved'],
  dropped: ReadonlySet<string>,
): Manifest {
  const target = new Map(moved.map((m) => [m.file, m.to]));
  const incoming = new Map<string, ManifestEpisode['subtitles'][number][]>();
  for (const e of manifest.episodes) {
    for (const s of e.subtitles) {
      const to = target.get(s.file);
      if (to !== undefined && !dropped.has(s.file)) {
        incoming.set(to, [...(incoming.get(to) ?? []), s]);
      }
    }
  }
  return {
    ...manifest,
    episodes: manifest.episodes.map((e) => ({
      ...e,
      subtitles: [
        ...e.subtitles.filter((s) => !target.has(s.file) && !dropped.has(s.file)),
        ...(incoming.get(e.id) ?? []),
      ],
    })),
  };
}
