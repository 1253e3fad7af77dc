// Alignment benchmark on real data: every Frasier subtitle file paired with a transcript
// by content (../shared/data/frasier-transcripts-and-srt), then each pair aligned.
//   npx tsx bench/align-bench.ts
// Accuracy against the hand-checked dev set in test/fixtures/align-dev-set/*.json when it
// is there (written by someone else; this bench only reads it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignTranscript } from '../src/align/align-transcript.js';
import { pairByContent } from '../src/align/pair-by-content.js';
import {
  dialogueTexts,
  readFrasierSubtitle,
  readFrasierSubtitles,
  readFrasierTranscript,
  readFrasierTranscripts,
} from '../test/frasier-data.js';
import type { Alignment } from '../src/domain/alignment.js';
import type { Cue } from '../src/domain/cue.js';
import type { TranscriptLine } from '../src/domain/transcript.js';
import { REPO_ROOT } from '../test/shared-data.js';
import { requireSharedData } from './real-data.js';

const ROOT = join(requireSharedData('bench/align-bench.ts'), 'frasier-transcripts-and-srt');
const DEV_SET = join(REPO_ROOT, 'test', 'fixtures', 'align-dev-set');

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
const ms = (x: number): string => `${x.toFixed(1)} ms`;

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}

// --- Pairing ---------------------------------------------------------------------------
let t = performance.now();
const subtitles = readFrasierSubtitles(ROOT);
const transcripts = readFrasierTranscripts(ROOT);
const readMs = performance.now() - t;
t = performance.now();
const pairing = pairByContent(
  subtitles.map((s) => ({ id: s.id, claimedTranscriptId: s.claimed, cues: s.cues })),
  transcripts.map((tr) => ({ id: tr.id, texts: dialogueTexts(tr.lines) })),
);
const pairMs = performance.now() - t;

console.log(`Frasier: ${subtitles.length} subtitle files, ${transcripts.length} transcripts`);
console.log(`read + parse ${ms(readMs)}; pairing by content ${ms(pairMs)}\n`);
console.log(
  table([
    ['pairing', 'count'],
    ['subtitle files paired with a transcript', String(pairing.pairs.length)],
    ['paired with no transcript', String(pairing.unpaired.length)],
    ['holding another episode than their name says', String(pairing.misnamed.length)],
    ['groups of files with the same episode', String(pairing.duplicates.length)],
    ['files holding two episodes back to back', String(pairing.twoEpisodes.length)],
  ]),
);

// --- Alignment of every pair -------------------------------------------------------------
const subtitleById = new Map(subtitles.map((s) => [s.id, s]));
const transcriptById = new Map(transcripts.map((tr) => [tr.id, tr]));
const jobs: { name: string; cues: readonly Cue[]; lines: readonly TranscriptLine[] }[] = [];
for (const p of pairing.pairs) {
  const cues = subtitleById.get(p.subtitleId)!.cues;
  const two = pairing.twoEpisodes.find((x) => x.subtitleId === p.subtitleId);
  if (two) {
    const seam = cues.findIndex((c) => c.cueIndex === two.seamCueIndex);
    const halves: [string, readonly Cue[]][] = [
      [two.firstTranscriptId, cues.slice(0, seam)],
      [two.secondTranscriptId, renumber(cues.slice(seam))],
    ];
    for (const [id, part] of halves) {
      jobs.push({
        name: `${p.subtitleId} ~ ${id}`,
        cues: part,
        lines: transcriptById.get(id)!.lines,
      });
    }
  } else {
    jobs.push({
      name: `${p.subtitleId} ~ ${p.transcriptId}`,
      cues,
      lines: transcriptById.get(p.transcriptId)!.lines,
    });
  }
}

function renumber(cues: readonly Cue[]): Cue[] {
  return cues.map((c, seq) => ({ ...c, seq }));
}

// Warm up the JIT on one episode so the first timing is not compile time.
if (jobs[0]) for (let k = 0; k < 3; k++) alignTranscript(jobs[0].cues, jobs[0].lines);
const times: number[] = [];
let cueTotal = 0;
let cueMatched = 0;
let lineTotal = 0;
let lineMatched = 0;
const mismatched: string[] = [];
const weakest: { name: string; cues: number; lines: number }[] = [];
for (const job of jobs) {
  const start = performance.now();
  const r = alignTranscript(job.cues, job.lines);
  times.push(performance.now() - start);
  if (r.kind === 'mismatch') {
    mismatched.push(`${job.name}: ${r.message}`);
    continue;
  }
  cueTotal += r.report.dialogueCues;
  cueMatched += r.report.matchedCues;
  lineTotal += r.report.dialogueLines;
  lineMatched += r.report.matchedLines;
  weakest.push({ name: job.name, cues: r.report.cueMatchRatio, lines: r.report.lineMatchRatio });
}
const sorted = [...times].sort((a, b) => a - b);
const total = times.reduce((s, x) => s + x, 0);
console.log(`\nAlignment of ${jobs.length} episode pairs (one per half of a two-episode file)`);
console.log(
  table([
    ['metric', 'value'],
    ['time per episode p50', ms(sorted[Math.floor(sorted.length / 2)] ?? 0)],
    ['time per episode max', ms(sorted[sorted.length - 1] ?? 0)],
    ['time total', ms(total)],
    ['cues matched to a line', `${pct(cueMatched, cueTotal)} (${cueMatched}/${cueTotal})`],
    ['dialogue lines matched', `${pct(lineMatched, lineTotal)} (${lineMatched}/${lineTotal})`],
    ['pairs judged a mismatch', String(mismatched.length)],
  ]),
);
for (const m of mismatched) console.log(`  mismatch: ${m}`);
weakest.sort((a, b) => a.cues - b.cues);
console.log('lowest cue match:');
for (const w of weakest.slice(0, 3)) {
  console.log(`  ${w.name}: cues ${pct(w.cues, 1)}, lines ${pct(w.lines, 1)}`);
}

// --- Accuracy on the hand-checked dev set ------------------------------------------------
interface DevCue {
  cueIndex: number;
  part: number;
  speakers: string[];
  lines: number[];
}
interface DevFile {
  subtitles: string;
  transcript: string;
  cues: DevCue[];
}

const devFiles = existsSync(DEV_SET)
  ? readdirSync(DEV_SET)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
if (devFiles.length === 0) {
  console.log('\nDev set: test/fixtures/align-dev-set/*.json is absent; accuracy not measured.');
} else {
  const rows: string[][] = [['dev file', 'speakers right', 'line starts within 1 s']];
  let spRight = 0;
  let spTotal = 0;
  let stRight = 0;
  let stTotal = 0;
  for (const f of devFiles) {
    const dev = JSON.parse(readFileSync(join(DEV_SET, f), 'utf8')) as DevFile;
    const cues = readFrasierSubtitle(ROOT, dev.subtitles);
    const lines = readFrasierTranscript(ROOT, dev.transcript).lines;
    const r = alignTranscript(cues, lines);
    if (r.kind === 'mismatch') {
      rows.push([f, `mismatch: ${r.message}`, '']);
      continue;
    }
    const s = speakerScore(dev, cues, r);
    const l = startScore(dev, cues, lines, r);
    spRight += s.right;
    spTotal += s.total;
    stRight += l.right;
    stTotal += l.total;
    rows.push([f, pct(s.right, s.total), pct(l.right, l.total)]);
  }
  rows.push(['all (targets 95% / 98%)', pct(spRight, spTotal), pct(stRight, stTotal)]);
  console.log(`\nDev set (${devFiles.length} files)`);
  console.log(table(rows));
}

/** Labelled cues with a speaker whose predicted speakers are the same set. */
function speakerScore(
  dev: DevFile,
  cues: readonly Cue[],
  r: Alignment,
): { right: number; total: number } {
  const seqOf = new Map(cues.map((c) => [`${c.cueIndex}.${c.part}`, c.seq]));
  let right = 0;
  let total = 0;
  for (const d of dev.cues) {
    if (d.speakers.length === 0) continue;
    total++;
    const seq = seqOf.get(`${d.cueIndex}.${d.part}`);
    const got = seq === undefined ? [] : (r.cues[seq]?.speakers ?? []);
    const norm = (xs: readonly string[]): string =>
      [...new Set(xs.map((x) => x.toUpperCase()))].sort().join('|');
    if (norm(got) === norm(d.speakers)) right++;
  }
  return { right, total };
}

/** Labelled dialogue lines whose predicted start is within 1 s of their first true cue. */
function startScore(
  dev: DevFile,
  cues: readonly Cue[],
  lines: readonly TranscriptLine[],
  r: Alignment,
): { right: number; total: number } {
  const cueAt = new Map(cues.map((c) => [`${c.cueIndex}.${c.part}`, c]));
  const trueStart = new Map<number, number>();
  for (const d of dev.cues) {
    const c = cueAt.get(`${d.cueIndex}.${d.part}`);
    if (!c) continue;
    for (const l of d.lines) trueStart.set(l, Math.min(trueStart.get(l) ?? Infinity, c.startMs));
  }
  // A source line can hold several dialogue lines (split around inline directions): the
  // first of them starts the line.
  const predicted = new Map<number, number>();
  for (const l of lines) {
    if (l.kind !== 'dialogue' || predicted.has(l.line)) continue;
    const timing = r.lines[l.seq];
    if (timing) predicted.set(l.line, timing.startMs);
  }
  let right = 0;
  for (const [line, start] of trueStart) {
    const got = predicted.get(line);
    if (got !== undefined && Math.abs(got - start) <= 1000) right++;
  }
  return { right, total: trueStart.size };
}
