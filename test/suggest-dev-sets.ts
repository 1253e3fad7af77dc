import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readTranscript } from '../src/formats/read-transcript.js';
import { REPO_ROOT, sharedData } from './shared-data.js';

/**
 * The hand-labelled stage-direction dev sets (test/fixtures/suggest-dev-set*.json) as their
 * tests read them: file, line and labels only, never transcript text.
 */
export interface DevDirection {
  readonly file: string;
  readonly line: number;
  readonly events: readonly {
    readonly action: string;
    readonly initiator: string | null;
    readonly recipients: readonly string[];
    readonly mutual: boolean;
    readonly part?: string;
  }[];
  readonly uncertain: boolean;
  readonly tags: readonly string[];
}

/** The codebook terms the dev sets label. */
export const DEV_SET_TERMS = [
  ...['kiss', 'hug', 'touch-face', 'cradle-neck', 'hold-hands', 'caress'],
  ...['handshake', 'slap', 'punch', 'shove', 'grab'],
];

export function readDevSet(fixture: string): {
  folder: string;
  directions: readonly DevDirection[];
} {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', fixture), 'utf8')) as {
    folder: string;
    directions: readonly DevDirection[];
  };
}

export const devKey = (d: DevDirection): string => `${d.file}:${d.line}`;

/** A set's number in words, for test names: the ninth set, apart from the first eight. */
export const ORDINALS = [
  '',
  ...`first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
  thirteenth fourteenth fifteenth sixteenth`.split(/\s+/),
];
export const CARDINALS = [
  '',
  ...'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'.split(
    ' ',
  ),
];

/** The tags a direction may carry (see suggest-dev-set.md). */
export const DEV_SET_TAGS = [
  'pronoun',
  'inline',
  'coordinated',
  'passive',
  'group',
  'multiple',
  'negation',
  'object',
  'random',
] as const;

/** The body parts events name. */
export const DEV_SET_PARTS = [
  'lips',
  'cheek',
  'forehead',
  'hand',
  'neck',
  'face',
  'hair',
  'shoulder',
];

/** A person as the labels name one: upper case, no outer spaces. */
export const isLabelName = (s: unknown): boolean =>
  typeof s === 'string' && s.length > 0 && s === s.toUpperCase() && s.trim() === s;

/**
 * The checks every labelled direction passes: known tags, each once, `multiple` exactly when
 * it holds several events, and sound events (expectSoundEvents).
 */
export function expectSoundLabels(d: DevDirection): void {
  const at = devKey(d);
  for (const t of d.tags) expect(DEV_SET_TAGS, at).toContain(t);
  expect(new Set(d.tags).size, at).toBe(d.tags.length);
  expect(d.tags.includes('multiple'), at).toBe(d.events.length > 1);
  expectSoundEvents(d);
}

/**
 * A direction's events, whoever labelled them: known terms and parts, named recipients, and
 * a mutual event with no initiator and two people at least (or one crowd: see
 * suggest-dev-set-startrek-2.md).
 */
export function expectSoundEvents(d: Pick<DevDirection, 'file' | 'line' | 'events'>): void {
  const at = `${d.file}:${d.line}`;
  for (const e of d.events) {
    expect(DEV_SET_TERMS, at).toContain(e.action);
    if (e.part !== undefined) expect(DEV_SET_PARTS, at).toContain(e.part);
    expect(e.recipients.length, at).toBeGreaterThan(0);
    expect(e.recipients.every(isLabelName), at).toBe(true);
    if (e.mutual) {
      expect(e.initiator, at).toBeNull();
      // Two people at least, or one crowd written as a plural noun (`MUSICIANS`).
      const crowd = e.recipients.length === 1 && /S$/.test(e.recipients[0]!);
      expect(e.recipients.length >= 2 || crowd, at).toBe(true);
    } else if (e.initiator !== null) {
      expect(isLabelName(e.initiator), at).toBe(true);
      expect(e.recipients, at).not.toContain(e.initiator);
    }
  }
}

/** The directions of a set by file, in set order: the real-data checks read each file once. */
export function directionsByFile(directions: readonly DevDirection[]): Map<string, DevDirection[]> {
  const out = new Map<string, DevDirection[]>();
  for (const d of directions) out.set(d.file, [...(out.get(d.file) ?? []), d]);
  return out;
}

/** Every person a direction's events name appears in `upper`, a file's text in upper case. */
export function expectNamesIn(upper: string, d: DevDirection): void {
  for (const e of d.events) {
    for (const n of [e.initiator, ...e.recipients]) {
      if (n !== null) expect(upper, `${devKey(d)} ${n}`).toContain(n.toUpperCase());
    }
  }
}

/** Between a third and two thirds of a set's directions hold an act. */
export function expectActsShare(directions: readonly DevDirection[]): void {
  const withActs = directions.filter((d) => d.events.length > 0).length;
  expect(withActs).toBeGreaterThan(directions.length * 0.3);
  expect(withActs).toBeLessThan(directions.length * 0.7);
}

/**
 * Entries all distinct, at most `maxPerFile` from one file; the count per file, for the
 * caller's own spread checks.
 */
export function expectDistinctSpread(
  directions: readonly DevDirection[],
  maxPerFile: number,
): Map<string, number> {
  expect(new Set(directions.map(devKey)).size).toBe(directions.length);
  const perFile = new Map<string, number>();
  for (const d of directions) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
  expect(Math.max(...perFile.values())).toBeLessThanOrEqual(maxPerFile);
  return perFile;
}

/**
 * No entry is an entry of an earlier set of the same folder; with `pages`, no entry is even
 * from a file an earlier set used.
 */
export function expectApart(
  folder: string,
  directions: readonly DevDirection[],
  earlier: readonly { folder: string; directions: readonly DevDirection[] }[],
  pages = false,
): void {
  for (const other of earlier) {
    expect(other.folder).toBe(folder);
    const taken = new Set(other.directions.map(devKey));
    expect(directions.filter((d) => taken.has(devKey(d))).map(devKey)).toEqual([]);
    if (!pages) continue;
    const files = new Set(other.directions.map((d) => d.file));
    expect(directions.filter((d) => files.has(d.file)).map(devKey)).toEqual([]);
  }
}

/** A file of the real data under `folder`: its lines as the reader reads them, and its text. */
export function readShared(folder: string, file: string) {
  const path = sharedData(...folder.split('/'), file);
  const bytes = readFileSync(path);
  return { lines: readTranscript(bytes, path).parts[0]!.transcript.lines, bytes };
}

/**
 * Copies of one episode kept twice in the Doctor Who folder, both ways (see the Listing of
 * suggest-dev-set-doctorwho-3.md and the sets after it).
 */
const DOCTOR_WHO_TWINS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['doctor_13/movie_the_movie.txt', 'doctor_8/movie_the_movie.txt'],
      ['doctor_13/38_1l_spyfall_part_.txt', 'doctor_13/38_1l_spyfall_part_1.txt'],
      ['doctor_13/38_2l_spyfall_part_.txt', 'doctor_13/38_2l_spyfall_part_2.txt'],
      ['doctor_13/38_3l_orphan_.txt', 'doctor_13/38_3l_orphan_55.txt'],
      ['doctor_11/31_6_the_time_of_the_doctor.txt', 'doctor_11/31_6_the_vampires_of_venice.txt'],
      [
        'doctor_7/DCTTonlinel_death_comes_to_time.txt',
        'doctor_7/DeathCTTimel_death_comes_to_time.txt',
      ],
    ] as const
  ).flatMap(([a, b]) => [[a, b] as const, [b, a] as const]),
);

/** No entry of a Doctor Who set is a direction an earlier set holds in the twin copy of its file. */
export function expectNoTwinCopies(
  folder: string,
  directions: readonly DevDirection[],
  earlier: readonly DevDirection[],
): void {
  const textAt = (file: string, line: number): string =>
    readShared(folder, file)
      .lines.filter((l) => l.kind === 'action' && l.line === line)
      .map((l) => (l.kind === 'action' ? l.text : ''))
      .join(' ');
  for (const d of directions) {
    const other = DOCTOR_WHO_TWINS.get(d.file);
    if (other === undefined) continue;
    const mine = textAt(d.file, d.line);
    for (const e of earlier.filter((x) => x.file === other)) {
      expect(textAt(e.file, e.line), devKey(d)).not.toBe(mine);
    }
  }
}

/**
 * A chakoteya text set against its files: each entry on a line with a `(` where the reader
 * reads a direction, `inline` exactly when that direction sits in a speech, its people named
 * in the file.
 */
export function expectTextAnchors(folder: string, directions: readonly DevDirection[]): void {
  for (const [file, entries] of directionsByFile(directions)) {
    const { lines, bytes } = readShared(folder, file);
    const raw = bytes.toString('utf8');
    const actions = lines.filter((l) => l.kind === 'action');
    const physical = raw.split('\n');
    const upper = raw.toUpperCase();
    for (const d of entries) {
      const here = actions.filter((l) => l.line === d.line);
      expect(here.length, devKey(d)).toBeGreaterThan(0);
      expect(physical[d.line - 1], devKey(d)).toContain('(');
      // Inline: the reader gives the direction to the speaker whose turn it sits in.
      const inSpeech = here.some((l) => l.kind === 'action' && l.speaker !== null);
      expect(inSpeech, devKey(d)).toBe(d.tags.includes('inline'));
      expectNamesIn(upper, d);
    }
  }
}

/**
 * A Frasier set against its scripts: each entry on the first line of a direction the reader
 * gives, `inline` exactly when that direction sits in a speech, its people named in the file.
 */
export function expectScriptAnchors(folder: string, directions: readonly DevDirection[]): void {
  for (const [file, entries] of directionsByFile(directions)) {
    const { lines, bytes } = readShared(folder, file);
    const actions = lines.filter((l) => l.kind === 'action');
    const starts = new Set(actions.map((l) => l.line));
    const inSpeech = new Set(actions.filter((l) => l.speaker !== null).map((l) => l.line));
    const text = bytes.toString('utf8').toUpperCase();
    for (const d of entries) {
      expect(starts.has(d.line), devKey(d)).toBe(true);
      expect(d.tags.includes('inline'), devKey(d)).toBe(inSpeech.has(d.line));
      expectNamesIn(text, d);
    }
  }
}

/** A chakoteya HTML set against its pages: each entry on the line of a `(` the reader reads as a direction. */
export function expectHtmlAnchors(folder: string, directions: readonly DevDirection[]): void {
  for (const [file, entries] of directionsByFile(directions)) {
    const { lines, bytes } = readShared(folder, file);
    // Lines as the HTML reader counts them: CR, CRLF and LF each end one.
    const raw = bytes.toString('latin1').split(/\r\n|\r|\n/);
    const actionStarts = new Set(lines.filter((l) => l.kind === 'action').map((l) => l.line));
    for (const d of entries) {
      expect(raw[d.line - 1], devKey(d)).toContain('(');
      expect(actionStarts.has(d.line), devKey(d)).toBe(true);
    }
  }
}

/** Every person an HTML set's entries name appears on that page. */
export function expectNamesOnPages(folder: string, directions: readonly DevDirection[]): void {
  for (const [file, entries] of directionsByFile(directions)) {
    const upper = readShared(folder, file).bytes.toString('latin1').toUpperCase();
    for (const d of entries) expectNamesIn(upper, d);
  }
}

/**
 * A set drawn from seeded pools: a fifth to a third random, at least `lookAlikes` look-alikes
 * with no act, at most 5 % uncertain; and a well-formed line and labels on every entry.
 */
export function expectPooledSample(directions: readonly DevDirection[], lookAlikes: number): void {
  for (const d of directions) {
    expect(Number.isInteger(d.line) && d.line > 0, devKey(d)).toBe(true);
    expectSoundLabels(d);
  }
  expectActsShare(directions);
  const random = directions.filter((d) => d.tags.includes('random')).length;
  expect(random / directions.length).toBeGreaterThan(0.2);
  expect(random / directions.length).toBeLessThan(0.35);
  const noAct = directions.filter((d) => d.events.length === 0 && d.tags.includes('negation'));
  expect(noAct.length).toBeGreaterThanOrEqual(lookAlikes);
  const uncertain = directions.filter((d) => d.uncertain).length;
  expect(uncertain).toBeLessThanOrEqual(directions.length * 0.05);
}

/** Every entry holds only file, line and labels, never transcript text. */
export function expectOnlyLabels(directions: readonly DevDirection[], file: RegExp): void {
  for (const d of directions) {
    expect(Object.keys(d).sort(), devKey(d)).toEqual([
      'events',
      'file',
      'line',
      'tags',
      'uncertain',
    ]);
    expect(d.file, devKey(d)).toMatch(file);
    expect(Number.isInteger(d.line) && d.line > 0, devKey(d)).toBe(true);
    expect(typeof d.uncertain, devKey(d)).toBe('boolean');
    for (const e of d.events) {
      const keys = ['action', 'initiator', 'recipients', 'mutual', 'part'];
      expect(
        Object.keys(e).every((k) => keys.includes(k)),
        devKey(d),
      ).toBe(true);
    }
  }
}

/** Events per term and directions per tag, as a set's `.md` states them. */
export function countsByTermAndTag(directions: readonly DevDirection[]) {
  const events = directions.flatMap((d) => d.events);
  return {
    perAction: Object.fromEntries(
      DEV_SET_TERMS.map((a) => [a, events.filter((e) => e.action === a).length]),
    ),
    perTag: Object.fromEntries(
      DEV_SET_TAGS.map((t) => [t, directions.filter((d) => d.tags.includes(t)).length]),
    ),
  };
}
