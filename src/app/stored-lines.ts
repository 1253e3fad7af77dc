import type { Cue } from '../domain/cue.js';
import type { TranscriptLine } from '../domain/transcript.js';
import type { StoredSource } from '../store/canon-store.js';

/**
 * Stored rows back into the values the pure modules take. Parts of one source cue share its
 * timing line (`line`), so consecutive rows with the same line are one cue's parts.
 */
export function cuesOf(source: StoredSource): Cue[] {
  const cues: Cue[] = [];
  let cueIndex = -1;
  let part = 0;
  let lastLine = -1;
  for (const l of source.lines) {
    if (l.kind !== 'cue') continue;
    if (l.line === lastLine) part++;
    else {
      cueIndex++;
      part = 0;
      lastLine = l.line;
    }
    cues.push({
      seq: l.seq,
      cueIndex,
      part,
      startMs: l.startMs ?? 0,
      endMs: l.endMs ?? l.startMs ?? 0,
      text: l.text,
      styled: l.styled ?? l.text,
      speaker: l.speakerLabel,
      sound: l.sound,
      line: l.line,
    });
  }
  return cues;
}

/** A transcript source's rows as transcript lines, in order. */
export function transcriptLinesOf(source: StoredSource): TranscriptLine[] {
  return source.lines.flatMap((l): TranscriptLine[] => {
    if (l.kind === 'cue') return [];
    if (l.kind === 'dialogue') {
      const { seq, line, qualifier, text } = l;
      return [{ kind: 'dialogue', seq, line, speaker: l.speakerLabel ?? '', qualifier, text }];
    }
    if (l.kind === 'action') {
      return [{ kind: 'action', seq: l.seq, line: l.line, text: l.text, speaker: l.speakerLabel }];
    }
    return [{ kind: 'scene', seq: l.seq, line: l.line, text: l.text }];
  });
}

/**
 * The subtitle file and transcript an episode is read from: the first subtitle file whose
 * language is English or unknown (fan transcripts are English), else the first; the first
 * transcript.
 */
export function mainSources(sources: readonly StoredSource[]): {
  subtitle: StoredSource | null;
  transcript: StoredSource | null;
} {
  const subtitles = sources.filter((s) => s.role === 'subtitle');
  const english = (s: StoredSource) => s.language === null || /^en\b/iu.test(s.language);
  return {
    subtitle: subtitles.find(english) ?? subtitles[0] ?? null,
    transcript: sources.find((s) => s.role === 'transcript') ?? null,
  };
}
