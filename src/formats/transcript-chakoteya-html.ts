import { Parser } from 'htmlparser2';
import type { Finding } from '../domain/errors.js';
import {
  collapseSpace,
  joinSourceLines,
  TranscriptLinesBuilder,
  type DialectResult,
} from './inline-directions.js';
import { ChakoteyaGrammar, startsChakoteyaEntry } from './transcript-chakoteya-text.js';

/** Tags that only style text; every other tag (including typos such as `<rb>`) ends a line. */
const INLINE = new Set([
  'b',
  'i',
  'u',
  'em',
  'strong',
  'font',
  'span',
  'a',
  'sup',
  'sub',
  'small',
  'big',
  'nobr',
  'wbr',
]);
/** Tags whose text is not transcript. */
const SKIPPED = new Set(['title', 'script', 'style', 'noscript']);
/** Block tags: a blank line in the text dialect. */
const PARAGRAPH = new Set([
  'p',
  'div',
  'td',
  'tr',
  'table',
  'tbody',
  'center',
  'blockquote',
  'body',
  'hr',
]);

/**
 * Read an original chakoteya.net page (Star Trek, Doctor Who, Torchwood...):
 * `<b>[Saratoga - Bridge]</b>`, `SPEAKER [qualifier]: text <br>`, `(directions)`.
 * The page text is streamed through htmlparser2; `<br>` and block tags end a line,
 * newlines in the source are hard wraps. The transcript is the page's one `<table>`;
 * the title and `Original Airdate:` come from above it, and season and episode from the
 * `<span id="season" value="1">` marks some copies carry at the end.
 */
export function parseChakoteyaHtml(text: string, file = '<html>'): DialectResult {
  const out = new TranscriptLinesBuilder();
  const findings: Finding[] = [];
  const hasTable = /<table[\s>]/i.test(text);
  const grammar = new ChakoteyaGrammar(out, findings, file, !hasTable);
  let region: 'header' | 'body' | 'footer' = hasTable ? 'header' : 'body';
  let tableDepth = 0;
  let skip = 0;
  let bold = 0;
  const meta = new Map<string, string>();
  let title: string | null = null;
  let titleParts: string[] | null = null;
  let airDate: string | null = null;

  // The logical line being assembled, and its pieces per source line (for directions' lines).
  let buf = '';
  let parts: { text: string; line: number }[] = [];
  let bufLine = 0;
  let bufBold = true;
  let lineStart = true;
  // Source position -> line number, advanced monotonically.
  let pos = 0;
  let lineNo = 1;

  const flush = (): void => {
    if (buf === '') return;
    const line = collapseSpace(buf);
    const pieces = parts;
    buf = '';
    parts = [];
    if (line === '') return;
    if (region === 'body') {
      const joined = joinSourceLines(
        pieces.map((p) => ({ text: collapseSpace(p.text), line: p.line })),
      );
      grammar.line(joined.text, bufLine, bufBold, joined.lineAt);
    } else if (region === 'header' && /^original airdate:/i.test(line)) {
      airDate = line.slice(17).trim() || null;
    }
  };
  const lineAt = (index: number): number => {
    for (; pos < index && pos < text.length; pos++) if (text.charCodeAt(pos) === 10) lineNo++;
    return lineNo;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'span' && attribs.id !== undefined && attribs.value !== undefined) {
          meta.set(attribs.id, attribs.value);
        }
        if (SKIPPED.has(name)) skip++;
        else if (name === 'b') {
          bold++;
          if (region === 'header' && title === null && titleParts === null) titleParts = [];
        } else if (!INLINE.has(name)) {
          flush();
          if (PARAGRAPH.has(name)) grammar.paragraph();
          if (name === 'table' && tableDepth++ === 0 && region === 'header') region = 'body';
        }
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skip = Math.max(0, skip - 1);
        else if (name === 'b') {
          bold = Math.max(0, bold - 1);
          if (titleParts !== null) {
            title = collapseSpace(titleParts.join(' ')) || null;
            titleParts = null;
          }
        } else if (!INLINE.has(name) && name !== 'br') {
          flush();
          if (PARAGRAPH.has(name)) grammar.paragraph();
          if (name === 'table' && tableDepth > 0 && --tableDepth === 0) region = 'footer';
        }
      },
      ontext(data) {
        if (skip > 0 || region === 'footer') return;
        let line = lineAt(parser.startIndex);
        if (titleParts !== null) titleParts.push(data);
        let i = 0;
        for (;;) {
          const nl = data.indexOf('\n', i);
          const seg = nl === -1 ? (i === 0 ? data : data.slice(i)) : data.slice(i, nl);
          const first = firstNonSpace(seg);
          if (first !== -1) {
            // A speaker label at the start of a source line begins a new line even without <br>.
            if (buf !== '' && lineStart && startsChakoteyaEntry(seg.slice(first), buf)) flush();
            if (buf === '') {
              bufLine = line;
              bufBold = bold > 0;
            } else if (bold === 0) bufBold = false;
            const last = parts[parts.length - 1];
            if (lineStart || last === undefined) parts.push({ text: seg, line });
            else last.text += seg;
            buf += seg;
            lineStart = false;
          }
          if (nl === -1) break;
          if (buf !== '') buf += ' ';
          line++;
          lineStart = true;
          i = nl + 1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  flush();
  grammar.finish();

  if (hasTable) {
    grammar.title = title;
    grammar.airDate = airDate;
  }
  const metaAir = meta.get('airdate');
  return {
    transcript: out.build(
      'chakoteya-html',
      grammar.title ?? meta.get('name') ?? null,
      grammar.airDate ?? (metaAir && metaAir !== 'unaired' ? metaAir : null),
      [],
    ),
    season: toInt(meta.get('season')),
    number: toInt(meta.get('episode')),
    findings,
  };
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 13) return i;
  }
  return -1;
}

function toInt(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d{1,6}\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}
