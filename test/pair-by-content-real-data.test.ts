import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';
import { pairByContent, type ContentPairing } from '../src/align/pair-by-content.js';
import { dialogueTexts, readFrasierSubtitles, readFrasierTranscripts } from './frasier-data.js';

// Frasier in ../shared/data/frasier-transcripts-and-srt: 253 SRTs, 264 transcripts.
// Each case below was checked by reading the files:
// - 02/Episode_2.srt opens with "We're on in two minutes!", line 22 of scripts/0210.txt;
//   within a season the SRTs are named in the order 1, 10, 11, ... 19, 2, 20, ... (a
//   text sort), so most of them hold another episode than their name says.
// - 01/Episode_9.srt and 01/Episode_15.srt are byte for byte the same file (episode 1.15).
// - 08/Episode_1.srt holds 8.1 and then 8.2 ("And the Dish Ran Away With the Spoon" [1]
//   and [2]); its cue 420 (cueIndex 419, 20:46) "Explain to me again how you and Mel" is
//   Daphne's line 69 in scripts/0802.txt.
// - 09/Episode_4.srt holds 9.12 ("Still driving a sedan?" is in scripts/0912.txt).
const SUBS = 'data/subtitles/series';

describe.skipIf(!HAS_SHARED_DATA)('pairByContent on Frasier (../shared/data)', () => {
  let r: ContentPairing;
  beforeAll(() => {
    const root = sharedData('frasier-transcripts-and-srt');
    const subtitles = readFrasierSubtitles(root);
    const transcripts = readFrasierTranscripts(root);
    expect([subtitles.length, transcripts.length]).toEqual([253, 264]);
    r = pairByContent(
      subtitles.map((s) => ({ id: s.id, claimedTranscriptId: s.claimed, cues: s.cues })),
      transcripts.map((t) => ({ id: t.id, texts: dialogueTexts(t.lines) })),
    );
  }, 120_000);

  it('pairs every subtitle file with a transcript', () => {
    expect(r.pairs).toHaveLength(253);
    expect(r.unpaired).toEqual([]);
  });

  it('finds 169 files holding another episode than their name says', () => {
    expect(r.misnamed).toHaveLength(169);
    const proposed = (id: string): string | undefined =>
      r.misnamed.find((m) => m.subtitleId === `${SUBS}/${id}`)?.proposedTranscriptId;
    expect(proposed('02/Episode_2.srt')).toBe('0210');
    expect(proposed('02/Episode_12.srt')).toBe('0202');
    expect(proposed('01/Episode_9.srt')).toBe('0115');
    expect(proposed('09/Episode_4.srt')).toBe('0912');
    expect(proposed('01/Episode_1.srt')).toBeUndefined();
  });

  it('finds 30 pairs of files with the same episode, among them two identical files', () => {
    expect(r.duplicates).toHaveLength(30);
    expect(r.duplicates.every((d) => d.subtitleIds.length === 2)).toBe(true);
    expect(r.duplicates).toContainEqual({
      subtitleIds: [`${SUBS}/01/Episode_9.srt`, `${SUBS}/01/Episode_15.srt`],
      similarity: 1,
    });
  });

  it('finds three files holding a two-part episode back to back, with the seam', () => {
    expect(r.twoEpisodes).toEqual([
      {
        subtitleId: `${SUBS}/08/Episode_1.srt`,
        firstTranscriptId: '0801',
        secondTranscriptId: '0802',
        seamCueIndex: 419,
      },
      {
        subtitleId: `${SUBS}/09/Episode_1.srt`,
        firstTranscriptId: '0901',
        secondTranscriptId: '0902',
        seamCueIndex: 400,
      },
      {
        subtitleId: `${SUBS}/11/Episode_23.srt`,
        firstTranscriptId: '1123',
        secondTranscriptId: '1124',
        seamCueIndex: 567,
      },
    ]);
  });
});
