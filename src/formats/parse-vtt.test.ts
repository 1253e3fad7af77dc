import { describe, expect, it } from 'vitest';
import { plainOf } from './rich-text.js';
import { parseVtt } from './parse-vtt.js';

const read = (text: string) => {
  const { cues, findings } = parseVtt(text, 'x.vtt');
  return {
    cues: cues.map((c) => [c.line, c.startMs, c.lines.map(plainOf).join('|')]),
    findings: findings.map((f) => `${f.ruleId}@${f.place.line}`),
  };
};

describe('parseVtt', () => {
  it('skips the header, NOTE, STYLE and REGION blocks and reads cue ids as ids', () => {
    expect(
      read(
        'WEBVTT\nKind: captions\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nNOTE a comment\nover two lines\n\nid-1\n00:01.000 --> 00:02.000\nA\n',
      ),
    ).toEqual({ cues: [[14, 1000, 'A']], findings: [] });
  });

  it('ends a cue at a second timing line, as the spec does for a missing blank line', () => {
    expect(read('WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n').cues).toEqual(
      [
        [3, 1000, 'A'],
        [5, 2000, 'B'],
      ],
    );
  });

  it('starts cues right after a header with no blank line', () => {
    expect(read('WEBVTT\n00:01.000 --> 00:02.000\nA\n').cues).toEqual([[2, 1000, 'A']]);
  });

  it('ignores blocks with no timing line, or with a --> that is no timing line, with a warning', () => {
    expect(read('WEBVTT\n\nstray text\n\n-->\nB\n\n00:01.000 --> 00:02.000\nC\n')).toEqual({
      cues: [[8, 1000, 'C']],
      findings: ['ignored-block@3', 'ignored-block@5'],
    });
  });

  it('notes blank lines before the signature and reads on', () => {
    expect(read('\n\nWEBVTT\n\n00:01.000 --> 00:02.000\nA\n')).toEqual({
      cues: [[5, 1000, 'A']],
      findings: ['vtt-signature-not-first@3'],
    });
  });
});
