import { afterEach, describe, expect, it } from 'vitest';
import type { AlignmentReport } from '../domain/alignment.js';
import type { SearchFilters } from '../domain/search.js';
import type { EpisodeAlignmentInput } from './alignment-store.js';
import type { CanonStore, IngestBatch, LineInput, SourceInput } from './canon-store.js';

/**
 * Alignment and retiming behaviour every adapter must have, through the public interface.
 * `open` returns a fresh, empty store each time; the suite closes what it opens.
 */
export function describeAlignmentStoreContract(
  name: string,
  open: () => Promise<CanonStore>,
): void {
  describe(`AlignmentStore contract: ${name}`, () => {
    const opened: CanonStore[] = [];
    const loaded = async (over: Partial<IngestBatch> = {}) => {
      const store = await open();
      opened.push(store);
      await store.applyIngest(batch(over));
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    const search = async (store: CanonStore, query: string, filters: SearchFilters = {}) => {
      const r = await store.search({
        query,
        filters,
        order: 'canon',
        limit: 50,
        offset: 0,
        context: 0,
      });
      return r.groups.flatMap((g) => g.hits);
    };
    const lines = async (store: CanonStore, path: string) =>
      (await store.episodeSources('tw', 'S01E01')).find((s) => s.path === path)!.lines;

    it('gives cues their speakers (searchable) and transcript lines their times', async () => {
      const store = await loaded();
      const iantoCues = { speaker: 'Ianto Jones', kinds: ['cue'] } as const;
      expect(await search(store, 'coffee', iantoCues)).toEqual([]);
      await store.saveAlignment(alignment());
      const [cue] = await search(store, 'coffee', { speaker: 'Ianto Jones', kinds: ['cue'] });
      expect(cue).toMatchObject({ kind: 'cue', speaker: 'Ianto Jones', alignedSpeaker: true });
      // A cue whose file names its speaker keeps it.
      const [own] = await search(store, 'weevil', { kinds: ['cue'] });
      expect(own).toMatchObject({ speaker: 'Owen Harper', alignedSpeaker: false });
      const [said] = await search(store, 'always', { kinds: ['dialogue'] });
      expect(said).toMatchObject({ startMs: 2500, endMs: 4000, estimatedTime: false });
      const [direction] = await search(store, 'kettle');
      expect(direction).toMatchObject({ startMs: 2500, endMs: 3000, estimatedTime: true });
      expect(await store.listAlignments('tw')).toEqual([
        expect.objectContaining({
          episodeId: 'S01E01',
          subtitlePath: 'e1.srt',
          transcriptPath: 'e1.txt',
          cueMatch: 0.75,
          lineMatch: 1,
        }),
      ]);
      const characters = await store.listCharacters('tw');
      expect(characters.find((c) => c.name === 'Ianto Jones')!.lines).toBe(3); // 1 line + 2 cues
    });

    it('clears an alignment back to the files as ingested', async () => {
      const store = await loaded();
      const before = await store.episodeSources('tw', 'S01E01');
      await store.saveAlignment(alignment());
      await store.saveAlignment(alignment()); // replacing is the same as saving once
      expect(await store.clearAlignment('tw', 'S01E01')).toBe(true);
      expect(await store.clearAlignment('tw', 'S01E01')).toBe(false);
      expect(await store.episodeSources('tw', 'S01E01')).toEqual(before);
      expect(await search(store, 'coffee', { speaker: 'Ianto Jones', kinds: ['cue'] })).toEqual([]);
      expect(await store.listAlignments('tw')).toEqual([]);
    });

    it('forgets an alignment when a file of the episode changes', async () => {
      const store = await loaded();
      await store.saveAlignment(alignment());
      const changed = transcript([...TRANSCRIPT, dialogue(3, 'JACK', 'And tea.')]);
      await store.applyIngest(batch({ sources: [changed], keep: ['e1.srt'] }));
      expect(await store.listAlignments('tw')).toEqual([]);
      expect((await lines(store, 'e1.srt')).every((l) => l.speakerLabel !== 'IANTO')).toBe(true);
      expect(await search(store, 'coffee', { speaker: 'Ianto Jones', kinds: ['cue'] })).toEqual([]);
    });

    it('retimes a subtitle file, and undoes it exactly', async () => {
      const store = await loaded();
      await store.saveAlignment(alignment());
      const r = await store.retime({
        seriesId: 'tw',
        path: 'e1.srt',
        scale: 25 / 23.976,
        offsetMs: -1500,
        method: 'anchors',
        reference: null,
      });
      expect(r).toMatchObject({ episodeId: 'S01E01', clamped: 2 });
      const times = (await lines(store, 'e1.srt')).map((l) => [l.startMs, l.endMs]);
      expect(times).toEqual([
        [0, 0],
        [0, 1107],
        [1107, 2671],
        [2671, 4235],
      ]);
      expect(await store.listAlignments('tw')).toEqual([]); // its times no longer hold
      expect(await store.listRetimings('tw')).toEqual([
        expect.objectContaining({ path: 'e1.srt', method: 'anchors', episodeId: 'S01E01' }),
      ]);
      // A second retiming starts again from the file's times, it does not stack.
      await store.retime({ ...r, scale: 1, offsetMs: 500, method: 'offset' });
      expect((await lines(store, 'e1.srt'))[0]).toMatchObject({ startMs: 500, endMs: 1500 });
      expect(await store.undoRetime('tw', 'e1.srt')).toBe(true);
      expect(await store.undoRetime('tw', 'e1.srt')).toBe(false);
      expect((await lines(store, 'e1.srt')).map((l) => [l.startMs, l.endMs])).toEqual([
        [0, 1000],
        [1000, 2500],
        [2500, 4000],
        [4000, 5500],
      ]);
      expect(await store.listRetimings('tw')).toEqual([]);
    });

    it('drops the retiming of a subtitle file that changed', async () => {
      const store = await loaded();
      await store.retime({
        seriesId: 'tw',
        path: 'e1.srt',
        scale: 1,
        offsetMs: 100,
        method: 'offset',
        reference: null,
      });
      await store.applyIngest(batch({ sources: [subtitle(CUES.slice(0, 3))], keep: ['e1.txt'] }));
      expect(await store.listRetimings('tw')).toEqual([]);
      expect((await lines(store, 'e1.srt'))[0]).toMatchObject({ startMs: 0, endMs: 1000 });
    });
  });
}

const cue = (seq: number, text: string, speakerLabel: string | null = null): LineInput => ({
  kind: 'cue',
  seq,
  line: seq * 4 + 2,
  startMs: seq * 1500 - (seq > 0 ? 500 : 0),
  endMs: seq * 1500 + 1000,
  speakerLabel,
  qualifier: null,
  text,
  styled: null,
  sound: false,
});
const dialogue = (seq: number, speakerLabel: string, text: string): LineInput => ({
  kind: 'dialogue',
  seq,
  line: seq + 1,
  startMs: null,
  endMs: null,
  speakerLabel,
  qualifier: null,
  text,
  styled: null,
  sound: false,
});

const CUES = [
  cue(0, 'Morning.'),
  cue(1, 'Coffee, sir?'),
  cue(2, 'Coffee always.'),
  cue(3, 'A weevil!', 'OWEN'),
];
const TRANSCRIPT: LineInput[] = [
  dialogue(0, 'IANTO', 'Morning. Coffee, sir?'),
  { ...dialogue(1, 'JACK', 'The kettle boils.'), kind: 'action', speakerLabel: null },
  dialogue(2, 'JACK', 'Coffee, always.'),
];

const source = (path: string, role: SourceInput['role'], ls: LineInput[]): SourceInput => ({
  path,
  hash: JSON.stringify(ls).length.toString(16),
  episodeId: 'S01E01',
  role,
  format: role === 'subtitle' ? 'srt' : 'chakoteya-text',
  encoding: 'UTF-8',
  language: null,
  lines: ls,
});
const subtitle = (ls: LineInput[] = CUES) => source('e1.srt', 'subtitle', ls);
const transcript = (ls: LineInput[] = TRANSCRIPT) => source('e1.txt', 'transcript', ls);

function batch(over: Partial<IngestBatch> = {}): IngestBatch {
  return {
    series: { id: 'tw', title: 'Torchwood', manifest: 'canon.yaml' },
    episodes: [
      { id: 'S01E01', season: 1, number: 1, title: null, airDate: null, storyOrder: null },
    ],
    characters: [
      { name: 'Ianto Jones', aliases: ['IANTO'], unlisted: false },
      { name: 'Jack Harkness', aliases: ['JACK'], unlisted: false },
      { name: 'Owen Harper', aliases: ['OWEN'], unlisted: false },
    ],
    sources: [subtitle(), transcript()],
    keep: [],
    ...over,
  };
}

const REPORT: AlignmentReport = {
  dialogueCues: 4,
  matchedCues: 3,
  cueMatchRatio: 0.75,
  dialogueLines: 2,
  matchedLines: 2,
  lineMatchRatio: 1,
  unmatchedLineSeqs: [],
  lowConfidence: [],
};

function alignment(): EpisodeAlignmentInput {
  return {
    seriesId: 'tw',
    episodeId: 'S01E01',
    subtitlePath: 'e1.srt',
    transcriptPath: 'e1.txt',
    cues: [
      { seq: 0, speakers: ['IANTO'], confidence: 0.9 },
      { seq: 1, speakers: ['IANTO'], confidence: 0.9 },
      { seq: 2, speakers: ['JACK'], confidence: 0.8 },
      { seq: 3, speakers: ['JACK'], confidence: 0.2 }, // the file says OWEN: kept
    ],
    lines: [
      { seq: 0, startMs: 0, endMs: 2500, estimated: false },
      { seq: 1, startMs: 2500, endMs: 3000, estimated: true },
      { seq: 2, startMs: 2500, endMs: 4000, estimated: false },
    ],
    report: REPORT,
  };
}
