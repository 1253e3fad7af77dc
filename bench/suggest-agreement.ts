import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nameKey } from '../src/domain/canon.js';
import { readTranscript } from '../src/formats/read-transcript.js';
import { PeopleIndex } from '../src/nlp/people-index.js';
import { matches, prf, type Counts, type DevSet, type LabelEvent } from './dev-set-labels.js';
import { requireSharedData } from './real-data.js';

/**
 * How far two people labelling the same stage directions agree: the ceiling for the
 * suggester's precision and recall on that set.
 *
 *   npx tsx bench/suggest-agreement.ts <first.json> <second.json>
 *
 * The first file is read as the reference and the second as the answers to score, with the
 * matching of bench/suggest-eval.ts (action, initiator and recipients; names by key after
 * the file's speaker labels resolve them). Swapping the files swaps precision and recall.
 * Directions either reader marked `uncertain` are left out. To score the suggester against
 * the second reader, give the second file to `suggest-eval.ts --set`.
 */
const [firstPath, secondPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (firstPath === undefined || secondPath === undefined) {
  console.error('usage: npx tsx bench/suggest-agreement.ts <first.json> <second.json>');
  process.exit(2);
}
const shared = requireSharedData('suggest-agreement');
const read = (p: string): DevSet => JSON.parse(readFileSync(resolve(p), 'utf8')) as DevSet;
const first = read(firstPath);
const second = read(secondPath);
const answers = new Map(second.directions.map((d) => [`${d.file}:${d.line}`, d]));

const total: Counts = { tp: 0, fp: 0, fn: 0 };
// Events whose act the other reader did not label at that direction at all.
let otherAct = 0;
let compared = 0;
let same = 0;
let missing = 0;
const keys = new Map<string, (n: string) => string>();
for (const d of first.directions) {
  const other = answers.get(`${d.file}:${d.line}`);
  if (other === undefined) {
    missing++;
    continue;
  }
  if (d.uncertain === true || other.uncertain === true) continue;
  compared++;
  let key = keys.get(d.file);
  if (key === undefined) {
    const lines = readTranscript(readFileSync(join(shared, first.folder, d.file)), d.file).parts[0]!
      .transcript.lines;
    const labels = [...new Set(lines.flatMap((l) => (l.kind === 'dialogue' ? [l.speaker] : [])))];
    const people = new PeopleIndex(labels.map((name) => ({ name, aliases: [] })));
    key = (n: string): string => nameKey(people.resolve(n) ?? n);
    keys.set(d.file, key);
  }
  const left: LabelEvent[] = [...other.events];
  let agreed = 0;
  for (const e of d.events) {
    const i = left.findIndex((o) => matches(e, o, key));
    if (i === -1) {
      total.fn++;
      if (!other.events.some((o) => o.action === e.action)) otherAct++;
    } else {
      total.tp++;
      agreed++;
      left.splice(i, 1);
    }
  }
  total.fp += left.length;
  for (const o of left) if (!d.events.some((e) => e.action === o.action)) otherAct++;
  if (left.length === 0 && agreed === d.events.length) same++;
}

console.log(
  `suggest-agreement: ${compared} directions labelled by both` +
    (missing > 0 ? ` (${missing} of the first set's not in the second)` : ''),
);
console.log(`second vs first  ${prf(total)}`);
console.log(`directions labelled identically: ${same} of ${compared}`);
console.log(
  `events of one reader only: ${total.fn + total.fp} ` +
    `(${otherAct} with an act the other did not see, the rest the same act with other people)`,
);
