import type { Cue, SubtitleFormat } from '../domain/cue.js';
import { ReceiptsError, type Finding } from '../domain/errors.js';
import { formatTimecode } from '../domain/time.js';
import { decodeText } from './decode-text.js';
import { parseAss } from './parse-ass.js';
import { parseSrt } from './parse-srt.js';
import { parseVtt } from './parse-vtt.js';
import { splitSdh, wholeCue } from './sdh.js';
import type { ParsedSubtitles, SourceCue } from './source-cue.js';
import {
  chooseSubtitleFormat,
  formatFromFileName,
  sniffSubtitleFormat,
} from './subtitle-format.js';

export type { SubtitleFormat } from '../domain/cue.js';

/** How to read a subtitle file. */
export interface ReadSubtitlesOptions {
  /**
   * The format to expect when the content does not say (timing lines without a WEBVTT
   * signature). Overrides the file extension; a signature in the content still wins.
   */
  readonly format?: SubtitleFormat;
  /**
   * Read SDH conventions (dialogue dashes, speaker labels, sound descriptions): on by
   * default. Off gives one Cue per source cue with its text as written, minus markup.
   */
  readonly sdh?: boolean;
}

/** Everything read from one subtitle file. */
export interface ReadSubtitlesResult {
  readonly cues: Cue[];
  readonly findings: Finding[];
  /** The text encoding found, as iconv-lite names it (`UTF-8`, `windows-1252`...). */
  readonly encoding: string;
  readonly format: SubtitleFormat;
}

const PARSERS: Record<SubtitleFormat, (text: string, file: string) => ParsedSubtitles> = {
  srt: parseSrt,
  vtt: parseVtt,
  ass: parseAss,
};

const FORMAT_NAMES: Record<SubtitleFormat, string> = {
  srt: 'SubRip',
  vtt: 'WebVTT',
  ass: 'ASS/SSA',
};

/**
 * Read an SRT, WebVTT or ASS/SSA file's bytes into Cues: decoded (any common encoding),
 * format sniffed from the content (the extension or `options.format` only decides
 * between SRT and a WebVTT file missing its signature), SDH parts split (see `splitSdh`).
 *
 * Findings, never errors: overlapping cues (`overlapping-cues`, warning), zero-length cues
 * (kept, warning), empty cues (skipped, info), extension not matching the content (info).
 * Throws ReceiptsError naming the file: FILE_EMPTY, FILE_BINARY, ENCODING_UNDETECTED from
 * decoding; FILE_UNSUPPORTED when the content is no subtitle format; SUBTITLE_MALFORMED
 * with the line for a malformed or negative timestamp or a cue that ends before it starts.
 */
export function readSubtitles(
  bytes: Uint8Array,
  file: string,
  options: ReadSubtitlesOptions = {},
): Promise<ReadSubtitlesResult> {
  // Errors become rejections, as callers of an async reader expect.
  return Promise.resolve().then(() => readSubtitlesSync(bytes, file, options));
}

/** `readSubtitles` without the promise: parsing is synchronous and CPU-bound. */
export function readSubtitlesSync(
  bytes: Uint8Array,
  file: string,
  options: ReadSubtitlesOptions = {},
): ReadSubtitlesResult {
  const { text, encoding } = decodeText(bytes, file);
  const named = formatFromFileName(file);
  const format = chooseSubtitleFormat(sniffSubtitleFormat(text), options.format ?? named);
  if (!format) {
    throw new ReceiptsError(
      'FILE_UNSUPPORTED',
      'this is not a subtitle file: no WEBVTT signature, no [Script Info], and no timing line like `00:00:01,000 --> 00:00:02,000`',
      { file },
    );
  }
  const findings: Finding[] = [];
  if (named !== null && named !== format) {
    findings.push({
      severity: 'info',
      ruleId: 'extension-mismatch',
      reason: `the file name says ${FORMAT_NAMES[named]} but the content is ${FORMAT_NAMES[format]}; read as ${FORMAT_NAMES[format]}`,
      place: { file },
    });
  }
  if (options.format !== undefined && options.format !== format) {
    findings.push({
      severity: 'info',
      ruleId: 'format-mismatch',
      reason: `${FORMAT_NAMES[options.format]} was asked for but the content is ${FORMAT_NAMES[format]}; read as ${FORMAT_NAMES[format]}`,
      place: { file },
    });
  }
  const parsed = PARSERS[format](text, file);
  findings.push(...parsed.findings);
  const cues = toCues(parsed.cues, file, options.sdh !== false, findings);
  if (cues.length === 0) {
    findings.push({
      severity: 'warning',
      ruleId: 'no-cues',
      reason: 'the file holds no cues with text',
      place: { file },
    });
  }
  return { cues, findings, encoding, format };
}

function toCues(
  source: readonly SourceCue[],
  file: string,
  sdh: boolean,
  findings: Finding[],
): Cue[] {
  const cues: Cue[] = [];
  const kept: SourceCue[] = [];
  for (const sc of source) {
    const parts = sdh ? splitSdh(sc.lines, sc.speaker) : wholeCue(sc.lines, sc.speaker);
    if (parts.length === 0) {
      findings.push({
        severity: 'info',
        ruleId: 'empty-cue',
        reason: 'a cue with no text was skipped',
        place: { file, line: sc.line },
      });
      continue;
    }
    kept.push(sc);
    if (sc.startMs === sc.endMs) {
      findings.push({
        severity: 'warning',
        ruleId: 'zero-length-cue',
        reason: `the cue starts and ends at ${formatTimecode(sc.startMs)}, so it is never shown`,
        place: { file, line: sc.line },
      });
    }
    parts.forEach((p, part) => {
      cues.push({
        seq: cues.length,
        cueIndex: sc.index,
        part,
        startMs: sc.startMs,
        endMs: sc.endMs,
        text: p.text,
        styled: p.styled,
        speaker: p.speaker,
        sound: p.sound,
        line: sc.line,
      });
    });
  }
  findings.push(...overlaps(kept, file));
  return cues;
}

/**
 * One warning per cue that starts before an earlier-starting cue has ended. Overlaps are
 * legitimate (two speakers, signs in ASS), but a reader of the library should know.
 */
function overlaps(cues: readonly SourceCue[], file: string): Finding[] {
  const byStart = [...cues].sort((a, b) => a.startMs - b.startMs || a.line - b.line);
  const out: Finding[] = [];
  let longest: SourceCue | undefined;
  for (const c of byStart) {
    if (longest && c.startMs < longest.endMs) {
      out.push({
        severity: 'warning',
        ruleId: 'overlapping-cues',
        reason: `the cue at ${formatTimecode(c.startMs)} overlaps the cue at line ${longest.line} (until ${formatTimecode(longest.endMs)})`,
        place: { file, line: c.line },
      });
    }
    if (!longest || c.endMs > longest.endMs) longest = c;
  }
  return out.sort((a, b) => (a.place.line ?? 0) - (b.place.line ?? 0));
}
