import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../domain/cue.js';
import { isReceiptsError } from '../domain/errors.js';
import { sharedData } from '../../test/shared-data.js';
import { readSubtitles } from './read-subtitles.js';

// Bounded runs keep the file well under 10 s (RECEIPTS_PROPERTY_RUNS=5000 for a deeper
// search); a single read over MAX_MS_PER_READ is a hang-like bug.
const RUNS = Number(process.env.RECEIPTS_PROPERTY_RUNS ?? 200);
const MAX_MS_PER_READ = 1000;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const SEEDS: Record<string, string> = {
  'seed.srt':
    '1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hello</i>, {\\an8}world.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n- JACK: Yes.\r\n- [sighs] No.\r\n\r\n3\r\n00:00:03,500 --> 00:00:03,500\r\n[door slams]\r\n',
  'seed.vtt':
    'WEBVTT\n\nNOTE hi\n\nid\n00:01.000 --> 00:02.000 line:80%\n<v Jack>Hello <i>there</i></v>\n\n00:02.000 --> 00:03.000\n<v.loud Ianto>- Coffee?\n- Tea. &amp; cake<ruby>x<rt>y</rt></ruby>\n',
  'seed.ass':
    '[Script Info]\nScriptType: v4.00+\nWrapStyle: 2\n\n[V4+ Styles]\nFormat: Name, Italic\nStyle: Default,0\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.50,Default,Jack,0,0,0,,{\\i1}Hi{\\i0}\\Nthere\\nyou\nComment: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,no\nDialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,{\\p1}m 0 0 l 1 1{\\p0}{\\k10}Ka{\\k5}ra\n',
};

// A few real files, when ../shared/data is present (never copied into the repository).
const REAL = [
  ['mdn-shared-assets-clips', 'friday.vtt'],
  ['sintel-srt-meyer1994', 'sintel_en.srt'],
  ['subtitle-tests-libass', 'regression', 'karaoke', 'karaoke-and-runsplits.ass'],
  ['subtitle-tests-pysrt', 'tests', 'static', 'windows-1252.srt'],
]
  .map((parts) => sharedData(...parts))
  .filter((path) => existsSync(path))
  .map((path) => ({ name: path.slice(path.lastIndexOf('/') + 1), bytes: readFileSync(path) }));

const seeds = [
  ...Object.entries(SEEDS).map(([name, text]) => ({ name, bytes: utf8(text) })),
  ...REAL.map(({ name, bytes }) => ({ name, bytes: new Uint8Array(bytes) })),
];

/** Read, and check the outcome: cues that keep the invariants, or a located ReceiptsError. */
async function readChecked(bytes: Uint8Array, file: string): Promise<void> {
  const started = performance.now();
  try {
    const { cues } = await readSubtitles(bytes, file);
    checkCues(cues);
  } catch (e) {
    if (!isReceiptsError(e)) throw e;
    expect(e.place.file).toBe(file);
    if (e.code === 'SUBTITLE_MALFORMED') expect(e.place.line).toBeGreaterThan(0);
  }
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_READ);
}

function checkCues(cues: readonly Cue[]): void {
  cues.forEach((c, i) => {
    expect(c.seq).toBe(i);
    expect(Number.isInteger(c.startMs) && c.startMs >= 0).toBe(true);
    expect(Number.isInteger(c.endMs) && c.endMs >= c.startMs).toBe(true);
    expect(c.line).toBeGreaterThan(0);
    expect(c.text).not.toBe('');
    expect(c.text).toBe(c.text.trim());
    expect(c.text).not.toMatch(/\n|\s\s/);
    expect(c.styled).not.toBe('');
    const prev = cues[i - 1];
    if (prev && prev.cueIndex === c.cueIndex) expect(c.part).toBe(prev.part + 1);
    else expect(c.part).toBe(0);
    if (prev) expect(c.cueIndex).toBeGreaterThanOrEqual(prev.cueIndex);
  });
}

/** Edits of a file: byte flips, truncation, and deleting, duplicating or inserting lines. */
const edit = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert-line' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '',
      '-->',
      '00:00:0x,000 --> 00:00:02,000',
      '00:00:09,000 --> 00:00:01,000',
      '99:99:99,999 --> 00:00:01,000',
      'Dialogue: 0,0:00:01.00,0:00:00.50,Default,,0,0,0,,backwards',
      'Dialogue: 0',
      '[Events]',
      'WEBVTT',
      '{\\i1}{{{{{',
      '<i><b><v Jack',
      '- ',
      'JACK:',
      '[[[[((((',
      '\u0000\u0001',
    ),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let out: Uint8Array = Uint8Array.from(bytes);
  for (const e of edits) {
    if (out.length === 0) break;
    if (e.kind === 'flip') {
      out[e.at % out.length] = e.byte;
    } else if (e.kind === 'truncate') {
      out = out.slice(0, e.at % out.length);
    } else {
      const lines = splitLines(out);
      const i = e.at % lines.length;
      if (e.kind === 'delete-line') lines.splice(i, 1);
      else if (e.kind === 'duplicate-line') lines.splice(i, 0, lines[i] ?? new Uint8Array());
      else lines.splice(i, 0, utf8(e.text));
      out = joinLines(lines);
    }
  }
  return out;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.slice(start, i));
      start = i + 1;
    }
  }
  lines.push(bytes.slice(start));
  return lines;
}

function joinLines(lines: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(
    Math.max(
      0,
      lines.reduce((n, l) => n + l.length + 1, -1),
    ),
  );
  let at = 0;
  lines.forEach((l, i) => {
    if (i > 0) out[at++] = 0x0a;
    out.set(l, at);
    at += l.length;
  });
  return out;
}

// Text made of the pieces subtitle parsers branch on, so runs reach deep paths.
const token = fc.constantFrom(
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  '1',
  '00:00:01,000',
  '00:01.000',
  '0:00:01.00',
  ' --> ',
  '-->',
  'WEBVTT',
  'NOTE',
  '[Script Info]',
  '[Events]',
  'Format: Start, End, Text',
  'Dialogue: ',
  ',',
  '{\\i1}',
  '{\\p1}',
  '\\N',
  '<i>',
  '</i>',
  '<v Jack>',
  '<',
  '&amp;',
  '- ',
  'JACK: ',
  'Jack: ',
  '[door slams]',
  '(sighs)',
  'Hello.',
  'é',
);
const subtitleish = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(''));

describe('readSubtitles never crashes or hangs', () => {
  it('on arbitrary bytes: cues, or a ReceiptsError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('x.srt', 'x.vtt', 'x.ass', 'x.txt'),
        (bytes, file) => readChecked(bytes, file),
      ),
      { numRuns: RUNS },
    );
  });

  it('on text made of subtitle syntax: cues, or a located ReceiptsError', async () => {
    await fc.assert(
      fc.asyncProperty(subtitleish, fc.constantFrom('x.srt', 'x.vtt', 'x.ass'), (text, file) =>
        readChecked(utf8(text), file),
      ),
      { numRuns: RUNS },
    );
  });

  it('on edited copies of real and inline files: cues, or a located ReceiptsError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...seeds),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (seed, edits) => readChecked(applyEdits(seed.bytes, edits), seed.name),
      ),
      { numRuns: RUNS },
    );
  });

  it('on long pathological lines, in linear time', async () => {
    for (const line of ['[', '(', '{', '{\\', '<a', '-', '1-', '0:', ' ', '- [']) {
      const body = line.repeat(20_000);
      await readChecked(utf8(`1\n00:00:01,000 --> 00:00:02,000\n${body}\n`), 'x.srt');
      await readChecked(utf8(`WEBVTT\n\n00:01.000 --> 00:02.000\n${body}\n`), 'x.vtt');
      await readChecked(utf8(`${body}\n`), 'x.srt');
      await readChecked(
        utf8(`[Events]\nFormat: Start, End, Text\nDialogue: 0:00:01.00,0:00:02.00,${body}\n`),
        'x.ass',
      );
    }
  });
});
