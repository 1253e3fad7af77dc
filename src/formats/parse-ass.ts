import { ReceiptsError, type Finding } from '../domain/errors.js';
import { checkRange, parseAssTime, timingOrThrow } from './cue-timing.js';
import { tidyLine, type RichLine, type Run } from './rich-text.js';
import type { ParsedSubtitles, SourceCue } from './source-cue.js';

// libass falls back to this when [Events] has no Format line.
const DEFAULT_EVENT_FORMAT = [
  'layer',
  'start',
  'end',
  'style',
  'name',
  'marginl',
  'marginr',
  'marginv',
  'effect',
  'text',
];
const SECTION = /^\[(.*)\]$/;

interface Field {
  readonly text: string;
  /** 0-based offset of the field in its line, for error columns. */
  readonly offset: number;
}

/**
 * Read ASS/SSA text (decoded, `\n` line endings) into source cues: one per `Dialogue:` line
 * of [Events], in file order, `Comment:` and other event types skipped. Columns are found
 * by the section's `Format:` line, so SSA v4 (`Marked`) and reordered columns work. The
 * Name column becomes the cue's speaker; the Style's Italic flag is the italics default.
 *
 * media-captions also parses ASS, but strips override blocks before we can see `{\i1}` or
 * `{\p1}`, and appends a `Comment:` line that follows a Dialogue line to its text, so the
 * lines are read here.
 */
export function parseAss(text: string, file: string): ParsedSubtitles {
  const lines = text.split('\n');
  const cues: SourceCue[] = [];
  const findings: Finding[] = [];
  const italicStyles = new Map<string, boolean>();
  let section = '';
  let styleFormat: string[] | null = null;
  let eventFormat: string[] | null = null;
  let softBreaksAreHard = false;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '') continue;
    const head = SECTION.exec(t);
    if (head) {
      section = (head[1] ?? '').trim().toLowerCase();
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon < 0 || t.startsWith(';')) continue;
    const key = raw.slice(0, colon).trim().toLowerCase();
    if (section === 'script info') {
      // WrapStyle 2 turns `\n` into a real line break.
      if (key === 'wrapstyle') softBreaksAreHard = raw.slice(colon + 1).trim() === '2';
    } else if (section.endsWith('styles') || section.endsWith('styles+')) {
      if (key === 'format') styleFormat = splitFields(raw, colon + 1, Infinity).map(columnName);
      else if (key === 'style') {
        const format = styleFormat ?? ['name', 'fontname', 'fontsize'];
        const fields = splitFields(raw, colon + 1, format.length);
        const name = styleName(fieldOf(format, fields, 'name')?.text ?? '');
        const italic = fieldOf(format, fields, 'italic')?.text.trim() ?? '0';
        italicStyles.set(name, italic !== '0' && italic !== '');
      }
    } else if (section === 'events') {
      if (key === 'format') eventFormat = splitFields(raw, colon + 1, Infinity).map(columnName);
      else if (key === 'dialogue') {
        const format = eventFormat ?? DEFAULT_EVENT_FORMAT;
        const fields = splitFields(raw, colon + 1, format.length);
        const line = i + 1;
        const startMs = assTime(format, fields, 'start', raw, file, line);
        const endMs = assTime(format, fields, 'end', raw, file, line);
        const endColumn = (fieldOf(format, fields, 'end')?.offset ?? 0) + 1;
        timingOrThrow(checkRange(startMs, endMs, endColumn), file, line);
        const style = styleName(fieldOf(format, fields, 'style')?.text ?? '');
        const baseItalic = italicStyles.get(style) ?? italicStyles.get('Default') ?? false;
        const body = fieldOf(format, fields, 'text')?.text ?? '';
        const name = fieldOf(format, fields, 'name')?.text.trim() ?? '';
        cues.push({
          index: cues.length,
          line,
          startMs,
          endMs,
          lines: assTextToLines(body, baseItalic, italicStyles, softBreaksAreHard),
          speaker: name === '' ? null : name,
        });
      }
    }
  }
  if (eventFormat === null && cues.length > 0) {
    findings.push({
      severity: 'info',
      ruleId: 'ass-no-format',
      reason: '[Events] has no Format line; read with the standard ASS columns',
      place: { file },
    });
  }
  return { cues, findings };
}

/**
 * ASS dialogue text -> display lines. Override blocks `{...}` are read for `\i` (italics),
 * `\r` (reset to a style) and `\p` (vector drawing: its text is coordinates, not words)
 * and otherwise dropped, with karaoke and positioning tags. `\N` is a line break, `\n` a
 * space (a break under WrapStyle 2), `\h` a no-break space. An unclosed `{` is text.
 */
export function assTextToLines(
  text: string,
  baseItalic: boolean,
  styles: ReadonlyMap<string, boolean> = new Map(),
  softBreaksAreHard = false,
): RichLine[] {
  const lines: Run[][] = [[]];
  let italic = baseItalic;
  let drawing = false;
  let buf = '';
  const flush = (): void => {
    if (buf !== '') lines[lines.length - 1]?.push({ text: buf, italic });
    buf = '';
  };
  let noCloseAfter = Infinity; // once no `}` follows, stop searching (linear on `{{{{`)
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '{' && k < noCloseAfter) {
      const end = text.indexOf('}', k + 1);
      if (end < 0) noCloseAfter = k;
      else {
        flush();
        for (const tag of text.slice(k + 1, end).split('\\')) {
          const t = tag.trim();
          const i = /^i(\d*)$/.exec(t);
          const p = /^p(\d+)$/.exec(t);
          if (i) italic = i[1] === '' ? baseItalic : i[1] !== '0';
          else if (p) drawing = Number(p[1]) > 0;
          else if (t.startsWith('r')) {
            const named = styleName(t.slice(1));
            italic = named === '' ? baseItalic : (styles.get(named) ?? baseItalic);
          }
        }
        k = end;
        continue;
      }
    }
    if (c === '\\') {
      const d = text[k + 1];
      if (d === 'N' || (d === 'n' && softBreaksAreHard)) {
        flush();
        lines.push([]);
        k++;
        continue;
      }
      if (d === 'n' || d === 'h') {
        if (!drawing) buf += d === 'n' ? ' ' : '\u00a0';
        k++;
        continue;
      }
    }
    if (!drawing) buf += c;
  }
  flush();
  return lines.map((runs) => tidyLine({ runs, voice: null }));
}

/** Split `a, b, c, text, with, commas` into at most `count` fields (the last takes the rest). */
function splitFields(line: string, from: number, count: number): Field[] {
  const fields: Field[] = [];
  let at = from;
  while (fields.length < count - 1) {
    const comma = line.indexOf(',', at);
    if (comma < 0) break;
    fields.push({ text: line.slice(at, comma), offset: at });
    at = comma + 1;
  }
  fields.push({ text: line.slice(at), offset: at });
  return fields;
}

function columnName(f: Field): string {
  return f.text.trim().toLowerCase();
}

// libass ignores leading asterisks in style names (`*Default`).
function styleName(text: string): string {
  return text.trim().replace(/^\*+/, '');
}

function fieldOf(format: readonly string[], fields: readonly Field[], name: string) {
  const i = format.indexOf(name);
  return i < 0 ? undefined : fields[i];
}

function assTime(
  format: readonly string[],
  fields: readonly Field[],
  name: 'start' | 'end',
  raw: string,
  file: string,
  line: number,
): number {
  const field = fieldOf(format, fields, name);
  const ms = field ? parseAssTime(field.text) : null;
  if (ms !== null) return ms;
  const shown = field?.text.trim() ?? '';
  const reason =
    field === undefined
      ? `the Dialogue line has no ${name} time (${fields.length} of ${format.length} fields)`
      : /^\s*[-\u2212]/.test(shown)
        ? `negative ${name} time \`${shown.slice(0, 40)}\``
        : `malformed ${name} time \`${shown.slice(0, 40)}\` (ASS times look like 0:01:02.34)`;
  throw new ReceiptsError('SUBTITLE_MALFORMED', reason, {
    file,
    line,
    column: (field?.offset ?? raw.length) + 1,
  });
}
