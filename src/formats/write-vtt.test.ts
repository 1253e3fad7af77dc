import { describe, expect, it } from 'vitest';
import { readSubtitlesSync } from './read-subtitles.js';
import { writeVtt } from './write-vtt.js';

describe('writeVtt', () => {
  it('writes voices, italics and two-speaker cues that our own reader reads back', () => {
    const text = writeVtt(
      [
        { startMs: 4500, endMs: 7000, parts: [{ styled: "You're late.\nVery.", speaker: 'Mara' }] },
        {
          startMs: 7400,
          endMs: 9900,
          parts: [
            { styled: 'I walked.', speaker: 'Tomas Reyes' },
            { styled: '<i>In this weather?</i>', speaker: 'Mara' },
          ],
        },
        {
          startMs: 3_723_456,
          endMs: 3_724_000,
          parts: [{ styled: 'Fish & <chips>', speaker: null }],
        },
      ],
      ['from subs/1x01.srt, retimed by -119.000 s --> aligned'],
    );
    expect(text).toBe(
      [
        'WEBVTT',
        '',
        'NOTE from subs/1x01.srt, retimed by -119.000 s -> aligned',
        '',
        "00:00:04.500 --> 00:00:07.000\n<v Mara>You're late.\nVery.</v>",
        '',
        '00:00:07.400 --> 00:00:09.900\n- <v Tomas Reyes>I walked.</v>\n- <v Mara><i>In this weather?</i></v>',
        '',
        '01:02:03.456 --> 01:02:04.000\nFish &amp; &lt;chips&gt;',
        '',
      ].join('\n'),
    );
    const { cues } = readSubtitlesSync(new TextEncoder().encode(text), 'out.vtt');
    expect(cues.map((c) => [c.cueIndex, c.speaker, c.text])).toEqual([
      [0, 'Mara', "You're late. Very."],
      [1, 'Tomas Reyes', 'I walked.'],
      [1, 'Mara', 'In this weather?'],
      [2, null, 'Fish & <chips>'],
    ]);
  });
});
