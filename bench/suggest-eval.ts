import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { nameKey } from '../src/domain/canon.js';
import type { Suggestion } from '../src/domain/moment.js';
import type { TranscriptLine } from '../src/domain/transcript.js';
import { parseCodebook } from '../src/formats/codebook-yaml.js';
import { readTranscript } from '../src/formats/read-transcript.js';
import { REVIEW_THRESHOLD } from '../src/nlp/confidence.js';
import { PeopleIndex } from '../src/nlp/people-index.js';
import {
  learnSeries as learnFrom,
  suggestMoments,
  type SeriesLearnt,
} from '../src/nlp/suggest-moments.js';
import { REPO_ROOT } from '../test/shared-data.js';
import {
  halfOf,
  matches,
  prf,
  type Counts,
  type DevSet,
  type Half,
  type LabelEvent,
} from './dev-set-labels.js';
import { requireSharedData, walk } from './real-data.js';

/**
 * Precision and recall of the stage-direction suggester against the hand-labelled dev set
 * (test/fixtures/suggest-dev-set.json):
 *
 *   npx tsx bench/suggest-eval.ts [--set <fixture.json>] [--split] [--verbose] [--curve] [--speed]
 *
 * `--set` picks another labelled set of the same format (test/fixtures/suggest-dev-set-startrek.json).
 * Only action-tier suggestions at the labelled lines with a confidence of at least
 * REVIEW_THRESHOLD are scored. An event matches when the action, the initiator and the
 * recipient set agree (names compared by key after alias resolution); when either side is
 * mutual, the participant sets must agree instead.
 *
 * `--split` also scores a tuning half and a held-out half of the dev set, split by a hash of
 * the file name; with it, `--verbose` lists misses and false positives of the tuning half
 * only, so rules are never fitted to held-out lines. `--curve` prints precision and recall of
 * each half at several confidence thresholds. `--speed` times the suggester over every
 * transcript of the folder. Misses are listed as file:line only (the transcripts are not ours).
 * Misses and false positives are also counted by cause (counts only, whatever the flags).
 */

const shared = requireSharedData('suggest-eval');
const setArg = process.argv.indexOf('--set');
const setPath =
  setArg > 0 && process.argv[setArg + 1] !== undefined
    ? resolve(process.argv[setArg + 1]!)
    : join(REPO_ROOT, 'test', 'fixtures', 'suggest-dev-set.json');
const dev = JSON.parse(readFileSync(setPath, 'utf8')) as DevSet;
const codebook = parseCodebook(
  readFileSync(join(REPO_ROOT, 'codebooks', 'interaction.yaml'), 'utf8'),
  'codebooks/interaction.yaml',
);
const verbose = process.argv.includes('--verbose');
const split = process.argv.includes('--split');
const speed = process.argv.includes('--speed');

function readLines(path: string): readonly TranscriptLine[] {
  return readTranscript(readFileSync(path), path).parts[0]!.transcript.lines;
}

/**
 * The line where each direction's bracket opens, by action line seq. The HTML reader numbers
 * a direction inside a wrapped speech with the speech's first line, while the labels give the
 * line of its `(`; so the raw page is searched from the reader's line for the direction text.
 */
function openingLines(path: string, lines: readonly TranscriptLine[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!/\.html?$/i.test(path)) return out;
  const raw = readFileSync(path, 'latin1')
    .replace(/\r\n|\r/g, '\n')
    .replace(/<[^>]*>/g, (tag) => tag.replace(/[^\n]/g, ''))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .split('\n');
  const squash = (t: string): string => t.replace(/\s+/g, '').slice(0, 24);
  const used = new Set<string>();
  for (const l of lines) {
    if (l.kind !== 'action') continue;
    const want = squash(l.text);
    search: for (let n = l.line; n < l.line + 40 && n <= raw.length; n++) {
      const text = raw[n - 1]!;
      for (const m of text.matchAll(/[([{]/g)) {
        const after = squash([text.slice(m.index + 1), ...raw.slice(n, n + 4)].join(' '));
        if (!after.startsWith(want) || used.has(`${n}:${m.index}`)) continue;
        used.add(`${n}:${m.index}`);
        out.set(l.seq, n);
        break search;
      }
    }
  }
  return out;
}

/**
 * Suggestions for a transcript the way the app makes them: speaker labels as characters, and
 * the names the series calls its speakers by, learnt from every transcript of the file's folder.
 */
function suggestFor(file: string, lines: readonly TranscriptLine[]): Suggestion[] {
  const characters = speakerLabels(lines).map((l) => ({ name: l, aliases: [] }));
  const series = learnSeries(file.includes('/') ? file.slice(0, file.indexOf('/')) : '');
  return suggestMoments({ episode: file, file, lines, characters, codebook, ...series });
}

const learntBySeries = new Map<string, SeriesLearnt>();
function learnSeries(dir: string): SeriesLearnt {
  let learnt = learntBySeries.get(dir);
  if (learnt !== undefined) return learnt;
  const transcripts: (readonly TranscriptLine[])[] = [];
  for (const path of walk(join(shared, dev.folder, dir), /\.(?:txt|html?)$/i)) {
    try {
      transcripts.push(readLines(path));
    } catch {
      continue; // a file in no known dialect
    }
  }
  learnt = learnFrom(transcripts, []);
  learntBySeries.set(dir, learnt);
  return learnt;
}

function speakerLabels(lines: readonly TranscriptLine[]): string[] {
  return [...new Set(lines.flatMap((l) => (l.kind === 'dialogue' ? [l.speaker] : [])))];
}

const byFile = new Map<string, DevSet['directions'][number][]>();
for (const d of dev.directions) {
  if (d.uncertain === true) continue;
  const list = byFile.get(d.file) ?? [];
  list.push(d);
  byFile.set(d.file, list);
}

const counts = new Map<string, Counts>();
const halves: Record<Half, Counts> = {
  tuning: { tp: 0, fp: 0, fn: 0 },
  'held-out': { tp: 0, fp: 0, fn: 0 },
};
const count = (term: string): Counts => {
  let c = counts.get(term);
  if (c === undefined) counts.set(term, (c = { tp: 0, fp: 0, fn: 0 }));
  return c;
};
const misses: string[] = [];
const curve = process.argv.includes('--curve');
// For --curve: every scored suggestion's confidence and whether it matched, and the events.
const scored: { half: Half; confidence: number; hit: boolean }[] = [];
const events: Record<Half, number> = { tuning: 0, 'held-out': 0 };
const falsePositives: string[] = [];
// Counts only, so that they may be printed for held-out sets too.
const causes = {
  miss: { act: 0, confidence: 0, people: 0 },
  falsePositive: { act: 0, people: 0 },
};
let suggestMs = 0;
let directionsScored = 0;

for (const [file, entries] of byFile) {
  const half = halfOf(file);
  const lines = readLines(join(shared, dev.folder, file));
  const people = new PeopleIndex(speakerLabels(lines).map((l) => ({ name: l, aliases: [] })));
  const key = (name: string): string => nameKey(people.resolve(name) ?? name);
  const started = performance.now();
  const suggestions = suggestFor(file, lines);
  suggestMs += performance.now() - started;
  const opening = openingLines(join(shared, dev.folder, file), lines);
  const lineOf = (s: Suggestion): number => opening.get(s.seq) ?? s.source.line;
  const listed = !split || half === 'tuning';
  const read = new Set(
    lines.map((l) => (l.kind === 'action' ? (opening.get(l.seq) ?? l.line) : 0)),
  );
  for (const entry of entries) {
    directionsScored++;
    if (!read.has(entry.line)) console.warn(`no direction read at ${file}:${entry.line}`);
    const all = suggestions.filter((s) => s.tier === 'action' && lineOf(s) === entry.line);
    events[half] += entry.events.length;
    if (curve) {
      const left = [...all].sort((a, b) => b.confidence - a.confidence);
      for (const e of entry.events) {
        const i = left.findIndex((s) => matches(e, s, key));
        if (i >= 0) scored.push({ half, confidence: left.splice(i, 1)[0]!.confidence, hit: true });
      }
      for (const s of left) scored.push({ half, confidence: s.confidence, hit: false });
    }
    const got = all.filter((s) => s.confidence >= REVIEW_THRESHOLD);
    const unmatched = [...got];
    for (const e of entry.events) {
      const i = unmatched.findIndex((s) => matches(e, s, key));
      if (i === -1) {
        count(e.action).fn++;
        halves[half].fn++;
        const cause = missCause(e, all, key);
        causes.miss[cause]++;
        if (listed)
          misses.push(
            `${file}:${entry.line} ${e.action}${verbose ? ` ${show(e)} [${cause}]` : ''}`,
          );
      } else {
        count(e.action).tp++;
        halves[half].tp++;
        unmatched.splice(i, 1);
      }
    }
    for (const s of unmatched) {
      count(s.action).fp++;
      halves[half].fp++;
      causes.falsePositive[entry.events.some((e) => e.action === s.action) ? 'people' : 'act']++;
      if (listed)
        falsePositives.push(
          `${file}:${entry.line} ${s.action}${verbose ? ` ${show(s)} [${s.rule} ${s.confidence}]` : ''}`,
        );
    }
  }
}

/**
 * Why an event was missed: no suggestion of its act at the line, one with the right people
 * under the confidence threshold, or the act with other people.
 */
function missCause(
  e: LabelEvent,
  all: readonly Suggestion[],
  key: (n: string) => string,
): 'act' | 'confidence' | 'people' {
  if (all.some((s) => s.confidence < REVIEW_THRESHOLD && matches(e, s, key))) return 'confidence';
  return all.some((s) => s.action === e.action && s.confidence >= REVIEW_THRESHOLD)
    ? 'people'
    : 'act';
}

function show(e: Pick<LabelEvent, 'initiator' | 'recipients' | 'mutual'>): string {
  return `${e.initiator ?? '-'} -> ${e.recipients.join('+')}${e.mutual ? ' (mutual)' : ''}`;
}

const total = { tp: 0, fp: 0, fn: 0 };
for (const c of counts.values()) {
  total.tp += c.tp;
  total.fp += c.fp;
  total.fn += c.fn;
}
console.log(
  `suggest-eval: ${directionsScored} directions in ${byFile.size} files, ` +
    `suggesting took ${(suggestMs / 1000).toFixed(1)} s; confidence threshold ${REVIEW_THRESHOLD}`,
);
console.log(`${(split ? 'all' : 'overall').padEnd(12)} ${prf(total)}`);
if (split) {
  console.log(`${'tuning'.padEnd(12)} ${prf(halves.tuning)}`);
  console.log(`${'held-out'.padEnd(12)} ${prf(halves['held-out'])}`);
}
if (!split) {
  for (const [term, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`${term.padEnd(12)} ${prf(c)}`);
  }
}
console.log(
  `\nmisses by cause: act not suggested ${causes.miss.act}, right people under the threshold ` +
    `${causes.miss.confidence}, the act with other people ${causes.miss.people}`,
);
console.log(
  `false positives by cause: no such act at the line ${causes.falsePositive.act}, ` +
    `the act with other people ${causes.falsePositive.people}`,
);
const scope = split ? ' of the tuning half' : '';
console.log(`\nmisses${scope} (${misses.length}):`);
for (const m of misses) console.log(`  ${m}`);
console.log(`\nfalse positives${scope} (${falsePositives.length}):`);
for (const f of falsePositives) console.log(`  ${f}`);

if (curve) {
  console.log('\nprecision / recall by confidence threshold:');
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    const row = (['tuning', 'held-out'] as const).map((h) => {
      const kept = scored.filter((x) => x.half === h && x.confidence >= t);
      const tp = kept.filter((x) => x.hit).length;
      const p = kept.length === 0 ? 1 : tp / kept.length;
      return `${h} P ${p.toFixed(3)} R ${(tp / Math.max(1, events[h])).toFixed(3)}`;
    });
    console.log(`  >= ${t.toFixed(2)}  ${row.join('   ')}`);
  }
}

if (speed) {
  const folder = join(shared, dev.folder);
  let ms = 0;
  let n = 0;
  let found = 0;
  for (const path of walk(folder, /\.txt$/)) {
    let lines: readonly TranscriptLine[];
    try {
      lines = readLines(path);
    } catch {
      continue; // a file in no known dialect (the folder holds a few)
    }
    const started = performance.now();
    found += suggestFor(relative(folder, path), lines).length;
    ms += performance.now() - started;
    n++;
  }
  console.log(
    `\nspeed: ${n} transcripts, ${found} suggestions, suggesting took ${(ms / 1000).toFixed(1)} s`,
  );
}
