import { describe, expect, it } from 'vitest';
import { pairByContent, type SubtitleDoc, type TranscriptDoc } from './pair-by-content.js';

const EPISODES: Record<string, string[]> = {
  e1: [
    'Listen to yourself, Bob. You follow her to work, you eavesdrop on her calls.',
    'Roz, I think we have time for one more caller from Kirkland today.',
    'I finally bare my soul to all of Seattle and they are listening to Chopper Dave.',
    'You dropped two commercials and spilled yogurt on the control board.',
  ],
  e2: [
    'Where have you been? We are on in two minutes and the sponsor is here.',
    'Lunch with the station manager, flowers for Maris after her face lift.',
    'There is nothing wrong with Maris that a good psychiatrist could not fix.',
    'I was busy preparing your schedule for tomorrow morning at the station.',
  ],
  e3: [
    'The mailman brought a parcel for Eddie from a kennel club in Spokane.',
    'Daphne thinks the dog is psychic because he stares at the refrigerator.',
    'My father bought a recliner the colour of a tired avocado and duct tape.',
    'Niles fainted at the sight of the duct tape holding the recliner together.',
  ],
};

const transcripts: TranscriptDoc[] = Object.entries(EPISODES).map(([id, texts]) => ({
  id,
  texts,
}));

/** Cues cut from texts: each text split at its commas and full stops. */
function cuesOf(...texts: string[]): SubtitleDoc['cues'] {
  return texts
    .flatMap((t) => t.split(/(?<=[,.?])\s+/))
    .map((text, cueIndex) => ({ cueIndex, text }));
}

describe('pairByContent', () => {
  it('pairs each subtitle file with the transcript that says the same', () => {
    const r = pairByContent(
      [
        { id: 's1', claimedTranscriptId: 'e1', cues: cuesOf(...EPISODES.e1!) },
        { id: 's2', claimedTranscriptId: 'e2', cues: cuesOf(...EPISODES.e2!) },
      ],
      transcripts,
    );
    expect(r.pairs.map((p) => [p.subtitleId, p.transcriptId])).toEqual([
      ['s1', 'e1'],
      ['s2', 'e2'],
    ]);
    expect(r.misnamed).toEqual([]);
    expect(r.duplicates).toEqual([]);
    expect(r.twoEpisodes).toEqual([]);
  });

  it('reports a file whose content is another episode than its name says', () => {
    const r = pairByContent(
      [{ id: 'Episode_2.srt', claimedTranscriptId: 'e2', cues: cuesOf(...EPISODES.e3!) }],
      transcripts,
    );
    expect(r.misnamed).toEqual([
      expect.objectContaining({
        subtitleId: 'Episode_2.srt',
        claimedTranscriptId: 'e2',
        proposedTranscriptId: 'e3',
      }),
    ]);
  });

  it('groups two files with the same content as duplicates', () => {
    const r = pairByContent(
      [
        { id: 'a', cues: cuesOf(...EPISODES.e1!) },
        { id: 'b', cues: cuesOf(...EPISODES.e2!) },
        { id: 'c', cues: cuesOf(...EPISODES.e1!) },
      ],
      transcripts,
    );
    expect(r.duplicates).toEqual([{ subtitleIds: ['a', 'c'], similarity: 1 }]);
  });

  it('finds two episodes back to back and the cue where the second begins', () => {
    const cues = cuesOf(...EPISODES.e2!, ...EPISODES.e3!);
    const seam = cues.find((c) => c.text.startsWith('The mailman'))!.cueIndex;
    const r = pairByContent([{ id: 'double', claimedTranscriptId: 'e2', cues }], transcripts);
    expect(r.twoEpisodes).toEqual([
      {
        subtitleId: 'double',
        firstTranscriptId: 'e2',
        secondTranscriptId: 'e3',
        seamCueIndex: seam,
      },
    ]);
    expect(r.misnamed).toEqual([]);
  });

  it('leaves a file that matches no transcript unpaired', () => {
    const r = pairByContent(
      [{ id: 'x', cues: cuesOf('Completely unrelated words about gardening in the rain today.') }],
      transcripts,
    );
    expect(r.unpaired).toEqual(['x']);
    expect(r.pairs).toEqual([]);
  });
});
