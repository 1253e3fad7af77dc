import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import { readSubtitles, type ReadSubtitlesOptions } from './read-subtitles.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function read(text: string, file = 'episode.srt', options?: ReadSubtitlesOptions) {
  return readSubtitles(utf8(text), file, options);
}

async function failure(promise: Promise<unknown>): Promise<ReceiptsError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
    throw e;
  }
  throw new Error('expected a ReceiptsError');
}

const SRT = `1
00:00:01,000 --> 00:00:02,500
Hello, <i>world</i>.

2
00:00:03,000 --> 00:00:04,000
Second line
of the second cue.
`;

const ASS_HEAD = `[Script Info]
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1
Style: Thoughts,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,1,0,0,100,100,0,0,1,2,2,2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
`;

describe('readSubtitles: SRT', () => {
  it('reads cues with integer ms times, plain text, styled text and timing-line numbers', async () => {
    const { cues, format, encoding, findings } = await read(SRT);
    expect(format).toBe('srt');
    expect(encoding).toBe('UTF-8');
    expect(findings).toEqual([]);
    expect(cues).toEqual([
      {
        seq: 0,
        cueIndex: 0,
        part: 0,
        startMs: 1000,
        endMs: 2500,
        text: 'Hello, world.',
        styled: 'Hello, <i>world</i>.',
        speaker: null,
        sound: false,
        line: 2,
      },
      {
        seq: 1,
        cueIndex: 1,
        part: 0,
        startMs: 3000,
        endMs: 4000,
        text: 'Second line of the second cue.',
        styled: 'Second line\nof the second cue.',
        speaker: null,
        sound: false,
        line: 6,
      },
    ]);
  });

  it('reads a CP1252 file with a BOM-less header', async () => {
    const text = `1\r\n00:00:01,000 --> 00:00:02,000\r\nCafé crème pour Noël, s'il vous plaît, à déjà vu.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nÇa va très bien, merci beaucoup.\r\n`;
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0)); // Latin-1 letters: CP1252 bytes
    const { cues, encoding } = await readSubtitles(bytes, 'fr.srt');
    expect(encoding).toBe('windows-1252');
    expect(cues.map((c) => c.text)).toEqual([
      "Café crème pour Noël, s'il vous plaît, à déjà vu.",
      'Ça va très bien, merci beaucoup.',
    ]);
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const body = new Uint8Array(Buffer.from(SRT, 'utf16le'));
    const bytes = new Uint8Array([0xff, 0xfe, ...body]);
    const { cues, encoding } = await readSubtitles(bytes, 'x.srt');
    expect(encoding).toBe('UTF-16LE');
    expect(cues.map((c) => [c.text, c.line])).toEqual([
      ['Hello, world.', 2],
      ['Second line of the second cue.', 6],
    ]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['NEL', '\u0085'],
  ])('counts lines the same with %s line endings', async (_name, eol) => {
    const { cues } = await read(SRT.replace(/\n/g, eol));
    expect(cues.map((c) => c.line)).toEqual([2, 6]);
    expect(cues[1]?.styled).toBe('Second line\nof the second cue.');
  });

  it('keeps italics from <i> and {\\i1} and drops font tags and {\\an8}', async () => {
    const { cues } = await read(
      '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="red">Red</font> {\\i1}sky{\\i0}, <I>sea</I>\n',
    );
    expect(cues[0]).toMatchObject({ text: 'Red sky, sea', styled: 'Red <i>sky</i>, <i>sea</i>' });
  });

  it('keeps a < that opens no tag as text', async () => {
    const { cues } = await read('1\n00:00:01,000 --> 00:00:02,000\nI <3 you & 2<3\n');
    expect(cues[0]?.text).toBe('I <3 you & 2<3');
  });

  it('names the line and column of a malformed timestamp', async () => {
    const e = await failure(read(`${SRT}\n3\n00:00:05,000 --> 00:00:0x,000\nBad\n`));
    expect(e.code).toBe('SUBTITLE_MALFORMED');
    expect(e.place).toEqual({ file: 'episode.srt', line: 11, column: 18 });
    expect(e.toLine()).toBe(
      'episode.srt:11:18: malformed end time `00:00:0x,000` (SubRip times look like 00:01:02,345)',
    );
  });

  it('rejects a cue that ends before it starts, naming its line', async () => {
    const e = await failure(read('1\n00:00:05,000 --> 00:00:04,000\nBackwards\n'));
    expect(e.code).toBe('SUBTITLE_MALFORMED');
    expect(e.place.line).toBe(2);
    expect(e.message).toBe('the cue ends at 0:04.000, before it starts at 0:05.000');
  });

  it('rejects a negative time, naming its line', async () => {
    const e = await failure(read('1\n-00:00:01,000 --> 00:00:02,000\nBefore the start\n'));
    expect([e.code, e.place.line, e.message]).toEqual([
      'SUBTITLE_MALFORMED',
      2,
      'negative start time `-00:00:01,000`',
    ]);
  });

  it('rejects a timing line without an arrow under an index line', async () => {
    const e = await failure(read(`${SRT}\n3\n00:00:05,000 00:00:06,000\nNo arrow\n`));
    expect([e.code, e.place.line]).toEqual(['SUBTITLE_MALFORMED', 11]);
  });

  it('warns about overlapping cues with the line of the later one, and keeps both', async () => {
    const { cues, findings } = await read(
      '1\n00:00:01,000 --> 00:00:04,000\nA\n\n2\n00:00:03,000 --> 00:00:05,000\nB\n',
    );
    expect(cues).toHaveLength(2);
    expect(findings).toEqual([
      {
        severity: 'warning',
        ruleId: 'overlapping-cues',
        reason: 'the cue at 0:03.000 overlaps the cue at line 2 (until 0:04.000)',
        place: { file: 'episode.srt', line: 6 },
      },
    ]);
  });

  it('keeps a zero-length cue with a warning and skips an empty cue with an info finding', async () => {
    const { cues, findings } = await read(
      '1\n00:00:01,000 --> 00:00:01,000\nFlash\n\n2\n00:00:02,000 --> 00:00:03,000\n\n3\n00:00:04,000 --> 00:00:05,000\n<i> </i>\n\n4\n00:00:06,000 --> 00:00:07,000\nLast\n',
    );
    expect(cues.map((c) => [c.seq, c.cueIndex, c.text])).toEqual([
      [0, 0, 'Flash'],
      [1, 3, 'Last'],
    ]);
    expect(findings.map((f) => [f.severity, f.ruleId, f.place.line])).toEqual([
      ['warning', 'zero-length-cue', 2],
      ['info', 'empty-cue', 6],
      ['info', 'empty-cue', 9],
    ]);
  });

  it('reads files without index lines or with a missing blank line between cues', async () => {
    const { cues } = await read(
      '00:00:01,000 --> 00:00:02,000\nNo index\n\n2\n00:00:03,000 --> 00:00:04,000\nNo blank after me\n3\n00:00:05,000 --> 00:00:06,000\nThird\n  \n4\n00:00:07,000 --> 00:00:08,000\nAfter a line of spaces\n',
    );
    expect(cues.map((c) => [c.text, c.line])).toEqual([
      ['No index', 1],
      ['No blank after me', 5],
      ['Third', 8],
      ['After a line of spaces', 12],
    ]);
  });

  it('reads text after a blank line inside a cue as part of that cue, with an info finding', async () => {
    const { cues, findings } = await read('1\n00:00:01,000 --> 00:00:02,000\nOne\n\nTwo\n');
    expect(cues.map((c) => c.styled)).toEqual(['One\nTwo']);
    expect(findings.map((f) => [f.ruleId, f.place.line])).toEqual([['stray-text', 5]]);
  });

  it('numbers seq densely across split parts while cueIndex and line follow the source cue', async () => {
    const { cues } = await read(
      '1\n00:00:01,000 --> 00:00:02,000\n- Yes.\n- No.\n\n2\n00:00:03,000 --> 00:00:04,000\nMaybe.\n',
    );
    expect(cues.map((c) => [c.seq, c.cueIndex, c.part, c.line, c.text])).toEqual([
      [0, 0, 0, 2, 'Yes.'],
      [1, 0, 1, 2, 'No.'],
      [2, 1, 0, 7, 'Maybe.'],
    ]);
  });
});

describe('readSubtitles: SDH', () => {
  const cue = async (body: string, options?: ReadSubtitlesOptions) =>
    (await read(`1\n00:00:01,000 --> 00:00:02,000\n${body}\n`, 'x.srt', options)).cues.map((c) => ({
      speaker: c.speaker,
      text: c.text,
      styled: c.styled,
      sound: c.sound,
    }));

  it('splits dialogue dashes into parts, each with its own speaker label', async () => {
    expect(await cue('- JACK: Yes.\n- Ianto: <i>No.</i>')).toEqual([
      { speaker: 'JACK', text: 'Yes.', styled: 'Yes.', sound: false },
      { speaker: 'Ianto', text: 'No.', styled: '<i>No.</i>', sound: false },
    ]);
  });

  it('makes a cue that is only a sound description a sound cue', async () => {
    expect(await cue('[door slams]')).toEqual([
      { speaker: null, text: 'door slams', styled: '[door slams]', sound: true },
    ]);
  });

  it('removes a sound description before speech from text but keeps it in styled', async () => {
    expect(await cue('(sighs) I know.')).toEqual([
      { speaker: null, text: 'I know.', styled: '(sighs) I know.', sound: false },
    ]);
  });

  it('splits a sound-only line from the speech around it', async () => {
    expect(await cue('[phone rings]\nJACK HARKNESS: Torchwood.')).toEqual([
      { speaker: null, text: 'phone rings', styled: '[phone rings]', sound: true },
      { speaker: 'JACK HARKNESS', text: 'Torchwood.', styled: 'Torchwood.', sound: false },
    ]);
  });

  it('does not take "Note:" or a clock time for a speaker label', async () => {
    expect(await cue('Note: we meet at 10:30.')).toEqual([
      {
        speaker: null,
        text: 'Note: we meet at 10:30.',
        styled: 'Note: we meet at 10:30.',
        sound: false,
      },
    ]);
  });

  it('reads the cue as written when SDH reading is off', async () => {
    expect(await cue('- JACK: Yes.\n- [sighs] No.', { sdh: false })).toEqual([
      {
        speaker: null,
        text: '- JACK: Yes. - [sighs] No.',
        styled: '- JACK: Yes.\n- [sighs] No.',
        sound: false,
      },
    ]);
  });
});

describe('readSubtitles: WebVTT', () => {
  it('reads voices as speakers, ids and settings aside, NOTE blocks skipped', async () => {
    const { cues, format } = await read(
      'WEBVTT - a title\nKind: captions\n\nNOTE a comment\nspanning lines\n\nintro\n00:01.000 --> 00:02.000 line:80% align:start\n<v Jack>Hello, <i>there</i>.</v>\n\n00:00:03.000 --> 00:00:04.500\n<v.loud Ianto Jones>Coffee?\n',
      'ep.vtt',
    );
    expect(format).toBe('vtt');
    expect(cues.map((c) => [c.speaker, c.text, c.styled, c.startMs, c.endMs, c.line])).toEqual([
      ['Jack', 'Hello, there.', 'Hello, <i>there</i>.', 1000, 2000, 8],
      ['Ianto Jones', 'Coffee?', 'Coffee?', 3000, 4500, 11],
    ]);
  });

  it('gives each dash part the voice its line starts in', async () => {
    const { cues } = await read(
      'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Jack>- Yes.</v>\n<v Ianto>- No.</v>\n',
      'ep.vtt',
    );
    expect(cues.map((c) => [c.part, c.speaker, c.text])).toEqual([
      [0, 'Jack', 'Yes.'],
      [1, 'Ianto', 'No.'],
    ]);
  });

  it('rejects an SRT-style comma in a WebVTT timestamp, naming the line', async () => {
    const e = await failure(read('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n', 'ep.vtt'));
    expect([e.code, e.place.line]).toEqual(['SUBTITLE_MALFORMED', 3]);
  });
});

describe('readSubtitles: ASS', () => {
  it('reads Dialogue lines with the Name as speaker and skips Comment lines', async () => {
    const { cues, format } = await read(
      `${ASS_HEAD}Dialogue: 0,0:00:01.00,0:00:02.50,Default,Jack,0,0,0,,{\\i1}Hello{\\i0}, world\\Nline two\nComment: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,not shown\nDialogue: 0,0:00:05.00,0:00:06.00,Thoughts,,0,0,0,,In italics by style\n`,
      'ep.ass',
    );
    expect(format).toBe('ass');
    expect(
      cues.map((c) => [c.cueIndex, c.speaker, c.text, c.styled, c.startMs, c.endMs, c.line]),
    ).toEqual([
      [0, 'Jack', 'Hello, world line two', '<i>Hello</i>, world\nline two', 1000, 2500, 11],
      [1, null, 'In italics by style', '<i>In italics by style</i>', 5000, 6000, 13],
    ]);
  });

  it('drops drawings and karaoke tags', async () => {
    const { cues, findings } = await read(
      `${ASS_HEAD}Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\p1}m 0 0 l 100 0 100 100{\\p0}\nDialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,{\\k20}Ka{\\kf30}ra{\\ko10}o{\\K5}ke\n`,
      'ep.ass',
    );
    expect(cues.map((c) => c.text)).toEqual(['Karaoke']);
    expect(findings.map((f) => [f.ruleId, f.place.line])).toEqual([['empty-cue', 11]]);
  });

  it('names the line of a malformed Dialogue time', async () => {
    const e = await failure(
      read(`${ASS_HEAD}Dialogue: 0,0:00:01.00,0:00:xx.00,Default,,0,0,0,,Hi\n`, 'ep.ass'),
    );
    expect(e.toLine()).toBe(
      'ep.ass:11:24: malformed end time `0:00:xx.00` (ASS times look like 0:01:02.34)',
    );
  });
});

describe('readSubtitles: files that are not what they say', () => {
  it('reads a .srt that is really WebVTT, with an info finding', async () => {
    const { format, cues, findings } = await read('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n');
    expect(format).toBe('vtt');
    expect(cues.map((c) => c.text)).toEqual(['Hi']);
    expect(findings).toEqual([
      {
        severity: 'info',
        ruleId: 'extension-mismatch',
        reason: 'the file name says SubRip but the content is WebVTT; read as WebVTT',
        place: { file: 'episode.srt' },
      },
    ]);
  });

  it('reads a .vtt that is really SRT by its comma timestamps', async () => {
    const { format, cues } = await read(SRT, 'ep.vtt');
    expect(format).toBe('srt');
    expect(cues).toHaveLength(2);
  });

  it('reads a WebVTT file missing its signature when the name or options say vtt', async () => {
    const text = '00:01.000 --> 00:02.000\n<v Jack>Hi\n';
    expect((await read(text, 'ep.vtt')).cues[0]?.speaker).toBe('Jack');
    expect((await read(text, 'ep.txt', { format: 'vtt' })).format).toBe('vtt');
    expect((await read(text, 'ep.txt')).format).toBe('srt');
  });

  it('rejects text that is no subtitle format, naming the file', async () => {
    const e = await failure(read('Just a letter.\nDear Jack: hello.\n', 'letter.srt'));
    expect([e.code, e.place]).toEqual(['FILE_UNSUPPORTED', { file: 'letter.srt' }]);
  });

  it('rejects an empty file and binary bytes, naming the file', async () => {
    const empty = await failure(readSubtitles(new Uint8Array(), 'empty.srt'));
    expect([empty.code, empty.place.file]).toEqual(['FILE_EMPTY', 'empty.srt']);
    const binary = await failure(
      readSubtitles(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x89, 0x50]), 'x.srt'),
    );
    expect([binary.code, binary.place.file]).toEqual(['FILE_BINARY', 'x.srt']);
  });

  it('warns when a well-formed file holds no cues with text', async () => {
    const { cues, findings } = await read('WEBVTT\n\nNOTE nothing yet\n', 'ep.vtt');
    expect(cues).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(['no-cues']);
  });
});

describe('readSubtitles: speed', () => {
  it('reads a 1,000-cue SRT in a few milliseconds', async () => {
    let text = '';
    for (let i = 0; i < 1000; i++) {
      const t = (ms: number) => new Date(ms).toISOString().slice(11, 23).replace('.', ',');
      const body =
        i % 4 === 0
          ? '- JACK: <i>Yes.</i>\n- IANTO: No.'
          : 'A line of dialogue,\nand its second line.';
      text += `${i + 1}\n${t(i * 3000)} --> ${t(i * 3000 + 2500)}\n${body}\n\n`;
    }
    const bytes = utf8(text);
    for (let i = 0; i < 5; i++) await readSubtitles(bytes, 'x.srt'); // warm up the JIT
    const runs = 10;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await readSubtitles(bytes, 'x.srt');
    const ms = (performance.now() - started) / runs;
    // Typically 2-5 ms; the bound leaves room for a loaded CI machine.
    expect(ms).toBeLessThan(40);
  });
});
