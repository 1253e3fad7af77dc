/**
 * Captions as an ASS subtitle document for ffmpeg's `subtitles` filter (libass), in the style
 * GIF makers use: white sans-serif with a solid black outline, bottom centre, sized to the
 * output width. Pure: the document is tested on its literal text.
 */

/** One caption, times in ms of the source video (or of the clip, for custom captions). */
export interface CaptionLine {
  readonly startMs: number;
  readonly endMs: number;
  /** Display text: `\n` line breaks and `<i>..</i>` italics, nothing else. */
  readonly styled: string;
  readonly speaker: string | null;
}

export interface CaptionStyle {
  /** Output frame size in pixels; ASS units are then pixels. */
  readonly width: number;
  readonly height: number;
  /** Prefix each caption with `Speaker: `. */
  readonly speakers: boolean;
  /** Font family (default Liberation Sans; fontconfig falls back to DejaVu Sans). */
  readonly font?: string;
}

export const CAPTION_FONT = 'Liberation Sans';

/** Font size in pixels for an output width: about width/14 at 540, never below 12. */
export function captionFontSize(width: number): number {
  return Math.max(12, Math.round(width / 14));
}

/** Outline thickness in pixels: a solid edge that stays readable at 177 px. */
export function captionOutline(width: number): number {
  return Math.max(1, Math.round(captionFontSize(width) / 13));
}

/** `H:MM:SS.cc`, the only time form ASS has (centiseconds). */
export function assTime(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const c = cs % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${h}:${two(m)}:${two(s)}.${two(c)}`;
}

/**
 * Styled text as ASS event text: `\n` becomes `\N`, `<i>`/`</i>` become `{\i1}`/`{\i0}`.
 * Braces would start override blocks and a backslash an escape, so they are replaced by
 * look-alikes rather than passed through.
 */
export function assText(styled: string): string {
  return styled
    .replaceAll('\\', '\u29f5')
    .replaceAll('{', '(')
    .replaceAll('}', ')')
    .replace(/<i>/giu, '{\\i1}')
    .replace(/<\/i>/giu, '{\\i0}')
    .replace(/<[^>]*>/gu, '')
    .replace(/\r?\n/gu, '\\N')
    .trim();
}

/**
 * Shift cues to a clip starting at `clipStartMs` and lasting `clipMs`: cues outside it are
 * dropped, the rest clamped to it. Parts that share their times (`- Yes. - No.`) become one
 * caption with a line each, so they stack in speaking order.
 */
export function captionsForClip(
  cues: readonly CaptionLine[],
  clipStartMs: number,
  clipMs: number,
): CaptionLine[] {
  const out: CaptionLine[] = [];
  for (const cue of cues) {
    const startMs = Math.max(0, cue.startMs - clipStartMs);
    const endMs = Math.min(clipMs, cue.endMs - clipStartMs);
    if (endMs <= startMs || cue.styled.trim() === '') continue;
    out.push({ ...cue, startMs, endMs });
  }
  return out;
}

function eventText(lines: readonly CaptionLine[], speakers: boolean): string {
  return lines
    .map((l) => {
      const text = assText(l.styled);
      return speakers && l.speaker !== null && l.speaker !== ''
        ? `${assText(l.speaker)}: ${text}`
        : text;
    })
    .join('\\N');
}

/**
 * The ASS document for captions already in clip time (see captionsForClip): a header whose
 * play resolution is the output size, one style, one event per distinct time span.
 */
export function captionsAss(lines: readonly CaptionLine[], style: CaptionStyle): string {
  const size = captionFontSize(style.width);
  const outline = captionOutline(style.width);
  const margin = Math.max(4, Math.round(size / 2));
  const groups = new Map<string, CaptionLine[]>();
  for (const l of lines) {
    const key = `${l.startMs}-${l.endMs}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [l]);
    else group.push(l);
  }
  const events = [...groups.values()].map((group) => {
    const first = group[0]!;
    const text = eventText(group, style.speakers);
    return `Dialogue: 0,${assTime(first.startMs)},${assTime(first.endMs)},Caption,,0,0,0,,${text}`;
  });
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${style.width}`,
    `PlayResY: ${style.height}`,
    'ScaledBorderAndShadow: yes',
    'WrapStyle: 0',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    `Style: Caption,${style.font ?? CAPTION_FONT},${size},&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,${outline},0,2,${margin},${margin},${margin},1`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...events,
    '',
  ].join('\n');
}

/**
 * A custom caption from `--caption`: `text` for the whole clip, or `FROM-TO=text` with times
 * in seconds into the clip (`0.5-2.25=Oh no`). Null when the timing is not in the clip.
 */
export function parseCustomCaption(option: string, clipMs: number): CaptionLine | null {
  const m = /^(\d+(?:\.\d{1,3})?)-(\d+(?:\.\d{1,3})?)=([\s\S]*)$/u.exec(option);
  if (m === null) return { startMs: 0, endMs: clipMs, styled: option, speaker: null };
  const startMs = Math.round(Number(m[1]) * 1000);
  const endMs = Math.min(clipMs, Math.round(Number(m[2]) * 1000));
  if (endMs <= startMs) return null;
  return { startMs, endMs, styled: m[3] ?? '', speaker: null };
}
