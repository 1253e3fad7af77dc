import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey } from '../src/domain/canon.js';
import type { Suggestion } from '../src/domain/moment.js';
import { parseCodebook } from '../src/formats/codebook-yaml.js';
import { readTranscript } from '../src/formats/read-transcript.js';
import { PeopleIndex } from '../src/nlp/people.js';
import { suggestMoments } from '../src/nlp/suggest-moments.js';
import { REPO_ROOT } from '../test/shared-data.js';
import { requireSharedData } from './real-data.js';

/**
 * Precision and recall of the stage-direction suggester against the hand-labelled dev set
 * (test/fixtures/suggest-dev-set.json): `npx tsx bench/suggest-eval.ts [--verbose]`.
 * Only action-tier suggestions at the labelled lines are scored. An event matches when the
 * action, the initiator and the recipient set agree (names compared by key after alias
 * resolution); when either side is mutual, the participant sets must agree instead.
 * Misses and false positives are listed as file:line only (the transcripts are not ours).
 */

interface LabelEvent {
  readonly action: string;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
}

interface DevSet {
  readonly folder: string;
  readonly directions: readonly {
    readonly file: string;
    readonly line: number;
    readonly events: readonly LabelEvent[];
    readonly uncertain?: boolean;
  }[];
}

const shared = requireSharedData('suggest-eval');
const dev = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'suggest-dev-set.json'), 'utf8'),
) as DevSet;
const codebook = parseCodebook(
  readFileSync(join(REPO_ROOT, 'codebooks', 'interaction.yaml'), 'utf8'),
  'codebooks/interaction.yaml',
);
const verbose = process.argv.includes('--verbose');

const byFile = new Map<string, DevSet['directions'][number][]>();
for (const d of dev.directions) {
  if (d.uncertain === true) continue;
  const list = byFile.get(d.file) ?? [];
  list.push(d);
  byFile.set(d.file, list);
}

const counts = new Map<string, { tp: number; fp: number; fn: number }>();
const count = (term: string): { tp: number; fp: number; fn: number } => {
  let c = counts.get(term);
  if (c === undefined) counts.set(term, (c = { tp: 0, fp: 0, fn: 0 }));
  return c;
};
const misses: string[] = [];
const falsePositives: string[] = [];
const started = performance.now();
let directionsScored = 0;

for (const [file, entries] of byFile) {
  const path = join(shared, dev.folder, file);
  const part = readTranscript(readFileSync(path), path).parts[0]!;
  const lines = part.transcript.lines;
  const labels = [...new Set(lines.flatMap((l) => (l.kind === 'dialogue' ? [l.speaker] : [])))];
  const characters = labels.map((l) => ({ name: l, aliases: [] }));
  const people = new PeopleIndex(characters);
  const key = (name: string): string => nameKey(people.resolve(name) ?? name);
  const suggestions = suggestMoments({ episode: file, file, lines, characters, codebook });
  for (const entry of entries) {
    directionsScored++;
    const got = suggestions.filter((s) => s.tier === 'action' && s.source.line === entry.line);
    const unmatched = [...got];
    for (const e of entry.events) {
      const i = unmatched.findIndex((s) => matches(e, s, key));
      if (i === -1) {
        count(e.action).fn++;
        misses.push(`${file}:${entry.line} ${e.action}${verbose ? ` ${show(e)}` : ''}`);
      } else {
        count(e.action).tp++;
        unmatched.splice(i, 1);
      }
    }
    for (const s of unmatched) {
      count(s.action).fp++;
      falsePositives.push(`${file}:${entry.line} ${s.action}${verbose ? ` ${show(s)}` : ''}`);
    }
  }
}

function matches(e: LabelEvent, s: Suggestion, key: (n: string) => string): boolean {
  if (e.action !== s.action) return false;
  const set = (names: readonly (string | null)[]): string =>
    [...new Set(names.filter((n): n is string => n !== null).map(key))].sort().join('|');
  if (e.mutual || s.mutual) {
    return set([e.initiator, ...e.recipients]) === set([s.initiator, ...s.recipients]);
  }
  return (
    (e.initiator === null ? null : key(e.initiator)) ===
      (s.initiator === null ? null : key(s.initiator)) && set(e.recipients) === set(s.recipients)
  );
}

function show(e: Pick<LabelEvent, 'initiator' | 'recipients' | 'mutual'>): string {
  return `${e.initiator ?? '-'} -> ${e.recipients.join('+')}${e.mutual ? ' (mutual)' : ''}`;
}

const prf = (c: { tp: number; fp: number; fn: number }): string => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};

const total = { tp: 0, fp: 0, fn: 0 };
for (const c of counts.values()) {
  total.tp += c.tp;
  total.fp += c.fp;
  total.fn += c.fn;
}
console.log(
  `suggest-eval: ${directionsScored} directions in ${byFile.size} files, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`overall      ${prf(total)}`);
for (const [term, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`${term.padEnd(12)} ${prf(c)}`);
}
console.log(`\nmisses (${misses.length}):`);
for (const m of misses) console.log(`  ${m}`);
console.log(`\nfalse positives (${falsePositives.length}):`);
for (const f of falsePositives) console.log(`  ${f}`);
