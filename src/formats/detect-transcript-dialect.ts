import type { TranscriptDialect } from '../domain/transcript.js';
import { parseCapsLabel } from './inline-directions.js';
import { parseFrasierLabel } from './transcript-frasier.js';

/** How much of a file the detector reads: enough for a header and a few hundred lines. */
const SAMPLE = 32 * 1024;

/**
 * Which transcript dialect a text is, from its content, the extension only breaking ties:
 * a CSV header with Speaker and Text, HTML tags, `SPEAKER:` labels in capitals
 * (chakoteya) or `Speaker:` labels in mixed case with hanging indents (Frasier).
 * Null when nothing in the text looks like a transcript.
 */
export function detectTranscriptDialect(text: string, file = ''): TranscriptDialect | null {
  return rankTranscriptDialects(text, file)[0] ?? null;
}

/** Every dialect with some evidence in the text, the most likely first. */
export function rankTranscriptDialects(text: string, file = ''): TranscriptDialect[] {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const ext = extension(file);
  const scores: [TranscriptDialect, number][] = [
    ['csv', csvScore(sample)],
    ['chakoteya-html', htmlScore(sample)],
    ...labelScores(sample),
  ];
  for (const s of scores) {
    if (s[1] > 0 && hintedBy(s[0], ext)) s[1] += 0.5;
  }
  // A .csv or .htm file that shows no sign of its kind is still worth one try as that kind,
  // so that the error names what is wrong with it.
  const hinted = hintedDialect(ext);
  if (hinted !== null) {
    const s = scores.find((x) => x[0] === hinted)!;
    if (s[1] === 0) s[1] = 0.25;
  }
  return scores
    .filter((s) => s[1] > 0)
    .sort((a, b) => b[1] - a[1])
    .map((s) => s[0]);
}

function csvScore(sample: string): number {
  const end = sample.indexOf('\n');
  const header = (end === -1 ? sample : sample.slice(0, end)).replace(/^\uFEFF/, '').toLowerCase();
  const cols = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return cols.includes('speaker') && cols.includes('text') ? 20_000 : 0;
}

function htmlScore(sample: string): number {
  const head = sample.slice(0, 2048).trimStart().toLowerCase();
  // Markup outweighs any count of labels, which an HTML page has too.
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 10_000;
  let tags = 0;
  for (const m of sample.matchAll(/<(br|p|b|font|div|td)\b[^<>]{0,200}>/gi)) {
    void m;
    if (++tags >= 5) return 5_000;
  }
  return 0;
}

/** Count line-initial labels: capitals for chakoteya, mixed case for Frasier. */
function labelScores(sample: string): [TranscriptDialect, number][] {
  let caps = 0;
  let mixed = 0;
  let headings = 0;
  let pos = 0;
  while (pos < sample.length) {
    let end = sample.indexOf('\n', pos);
    if (end === -1) end = sample.length;
    const line = sample.slice(pos, end);
    pos = end + 1;
    let indent = 0;
    while (
      indent < line.length &&
      (line.charCodeAt(indent) === 32 || line.charCodeAt(indent) === 9)
    )
      indent++;
    if (indent === line.length) continue;
    const c = line.charCodeAt(indent);
    if (c === 42 || c === 91) {
      if (/^\s*\*\*\[[^\]]{1,80}\]\*\*\s*$/.test(line)) headings++;
      continue;
    }
    if (c < 65 || c > 90) continue;
    if (indent === 0 && parseCapsLabel(line) !== null) caps++;
    else if (parseFrasierLabel(line, indent) !== null) mixed++;
  }
  return [
    ['chakoteya-text', caps + headings],
    ['frasier', mixed],
  ];
}

function extension(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const dot = file.lastIndexOf('.');
  return dot > slash ? file.slice(dot + 1).toLowerCase() : '';
}

function hintedDialect(ext: string): TranscriptDialect | null {
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'htm' || ext === 'html' || ext === 'xhtml') return 'chakoteya-html';
  return null;
}

function hintedBy(dialect: TranscriptDialect, ext: string): boolean {
  if (ext === 'txt' || ext === 'md' || ext === 'text') {
    return dialect === 'chakoteya-text' || dialect === 'frasier';
  }
  return hintedDialect(ext) === dialect;
}
