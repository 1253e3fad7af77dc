import { afterEach, describe, expect, it } from 'vitest';
import type { Character, Episode } from '../domain/canon.js';
import { ReceiptsError } from '../domain/errors.js';
import {
  HIGHLIGHT,
  type LineKind,
  type SearchFilters,
  type SearchRequest,
  type SearchResult,
} from '../domain/search.js';
import type { CanonStore, IngestBatch, LineInput, SourceInput } from './canon-store.js';

/**
 * The behaviour every CanonStore adapter must have, through the public interface only.
 * `open` returns a fresh, empty store each time; the suite closes what it opens.
 */
export function describeCanonStoreContract(name: string, open: () => Promise<CanonStore>): void {
  describe(`CanonStore contract: ${name}`, () => {
    const opened: CanonStore[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    const loaded = async () => {
      const store = await fresh();
      await store.applyIngest(batch());
      return store;
    };

    describe('episode sources', () => {
      it('returns the sources of an episode with their lines in order', async () => {
        const store = await loaded();
        const sources = await store.episodeSources('tw', 'S01E01');
        expect(sources.map((s) => [s.path, s.role])).toEqual([
          ['s01e01.srt', 'subtitle'],
          ['s01e01.txt', 'transcript'],
        ]);
        const input = batch().sources.filter((s) => s.episodeId === 'S01E01');
        for (const [i, s] of sources.entries()) {
          expect(s.lines.map(({ id: _id, ...rest }) => rest)).toEqual(input[i]!.lines);
          const ids = s.lines.map((l) => l.id);
          expect(ids).toEqual([...ids].sort((x, y) => x - y));
        }
        expect(await store.episodeSources('tw', 'S01E03')).toEqual([]);
      });

      it('names an unknown episode or series', async () => {
        const store = await loaded();
        const e = await store.episodeSources('tw', 'S09E09').catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ReceiptsError);
        expect((e as ReceiptsError).code).toBe('NOT_FOUND');
        expect((e as ReceiptsError).message).toMatch(/no episode S09E09 in Torchwood/);
      });
    });

    describe('ingest', () => {
      it('stores the series, its episodes in canon order and its characters', async () => {
        const store = await fresh();
        const summary = await store.applyIngest(batch());
        expect(summary).toEqual({
          seriesId: 'tw',
          sourcesAdded: 4,
          sourcesChanged: 0,
          sourcesUnchanged: 0,
          sourcesRemoved: 0,
          linesWritten: 22,
          linesRemoved: 0,
          episodes: 4,
          characters: 5,
        });
        const [series] = await store.listSeries();
        expect(series).toMatchObject({ id: 'tw', title: 'Torchwood', episodes: 4, lines: 22 });
        const episodes = await store.listEpisodes('tw');
        expect(episodes.map((e) => [e.id, e.position])).toEqual([
          ['S01E01', 0],
          ['S01E02', 1],
          ['S01E03', 2],
          ['S02E01', 3],
        ]);
        expect(episodes[0]).toMatchObject({ title: 'Everything Changes', season: 1, cues: 6 });
        expect(episodes[0]!.transcriptLines).toBe(6);
        expect(episodes[0]!.sources.map((s) => s.role).sort()).toEqual(['subtitle', 'transcript']);
        expect(await store.sourceHashes('tw')).toEqual(
          new Map(batch().sources.map((s) => [s.path, s.hash])),
        );
      });

      it('counts each character through its aliases, and flags unlisted speakers', async () => {
        const store = await loaded();
        const chars = await store.listCharacters('tw');
        const jack = chars.find((c) => c.name === 'Jack Harkness')!;
        expect(jack).toMatchObject({ aliases: ['JACK', 'Captain Jack'], unlisted: false });
        expect(jack.lines).toBe(5);
        expect(jack.episodes).toBe(2);
        expect(chars.find((c) => c.name === 'Suzie Costello')).toMatchObject({ unlisted: true });
      });

      it('replaces a changed source and removes one neither sent nor kept', async () => {
        const store = await loaded();
        const changed = source('s01e02.txt', 'S01E02', 'transcript', [
          dialogue(0, 'OWEN', 'Replaced line about a weevil.'),
        ]);
        const summary = await store.applyIngest(
          batch({ sources: [changed], keep: ['s01e01.srt', 's01e01.txt'] }),
        );
        expect(summary).toMatchObject({
          sourcesAdded: 0,
          sourcesChanged: 1,
          sourcesUnchanged: 2,
          sourcesRemoved: 1,
          linesWritten: 1,
          linesRemoved: 10,
        });
        expect(lines(await find(store, 'weevil'))).toEqual([
          ['Owen Harper', 'Replaced line about a weevil.'],
        ]);
        expect(lines(await find(store, 'Cardiff'))).toEqual([
          ['Jack Harkness', 'Welcome to Cardiff.'],
        ]);
        expect([...(await store.sourceHashes('tw')).keys()].sort()).toEqual([
          's01e01.srt',
          's01e01.txt',
          's01e02.txt',
        ]);
      });

      it('changes nothing when the same batch is applied with every source kept', async () => {
        const store = await loaded();
        const before = await dump(store);
        const summary = await store.applyIngest(batch({ sources: [], keep: paths() }));
        expect(summary).toMatchObject({
          sourcesAdded: 0,
          sourcesChanged: 0,
          sourcesUnchanged: 4,
          sourcesRemoved: 0,
          linesWritten: 0,
          linesRemoved: 0,
        });
        expect(await dump(store)).toEqual(before);
      });

      it('leaves the store unchanged when a line cannot be stored (duplicate seq)', async () => {
        const store = await loaded();
        const before = await dump(store);
        const bad = source('s02e01.srt', 'S02E01', 'subtitle', [
          cue(0, 'First.'),
          cue(1, 'Second.'),
          cue(1, 'Second again.'),
        ]);
        const good = source('s01e03.txt', 'S01E03', 'transcript', [dialogue(0, 'JACK', 'Fine.')]);
        await expect(
          store.applyIngest(
            batch({
              series: { id: 'tw', title: 'Torchwood (renamed)', manifest: 'tw/canon.yaml' },
              characters: [{ name: 'Rhys', aliases: [], unlisted: false }],
              sources: [good, bad],
              keep: [],
            }),
          ),
        ).rejects.toThrow();
        expect(await dump(store)).toEqual(before);
      });

      it('leaves the store unchanged when a line has an invalid kind', async () => {
        const store = await loaded();
        const before = await dump(store);
        const bad = source('s02e01.srt', 'S02E01', 'subtitle', [
          cue(0, 'Fine.'),
          { ...cue(1, 'Odd.'), kind: 'song' as LineKind },
        ]);
        await expect(
          store.applyIngest(batch({ sources: [bad], keep: paths().slice(0, 3) })),
        ).rejects.toThrow();
        expect(await dump(store)).toEqual(before);
      });

      it('leaves the store unchanged when the progress callback throws', async () => {
        const store = await loaded();
        const before = await dump(store);
        await expect(
          store.applyIngest(
            batch({
              onSourceWritten: () => {
                throw new Error('disk full');
              },
            }),
          ),
        ).rejects.toThrow('disk full');
        expect(await dump(store)).toEqual(before);
      });

      it('keeps series apart', async () => {
        const store = await loaded();
        await store.applyIngest({
          series: { id: 'dw', title: 'Doctor Who', manifest: 'dw/canon.yaml' },
          episodes: [episode('E1', 1, 1, 'Rose')],
          characters: [{ name: 'The Doctor', aliases: ['DOCTOR', 'Jack'], unlisted: false }],
          sources: [
            source('dw/e1.txt', 'E1', 'transcript', [dialogue(0, 'JACK', 'Run, Cardiff!')]),
          ],
          keep: [],
        });
        expect((await store.listSeries()).map((s) => s.id)).toEqual(['tw', 'dw']);
        const hits = await find(store, 'Cardiff', { series: 'dw' });
        expect(lines(hits)).toEqual([['The Doctor', 'Run, Cardiff!']]);
        expect((await find(store, 'Cardiff', { series: 'tw' })).total).toBe(3);
        const jackTw = await find(store, 'Cardiff', { speaker: 'Jack Harkness' });
        expect(lines(jackTw).map((l) => l[0])).toEqual(['Jack Harkness']);
        expect((await store.stats()).series).toBe(2);
        expect((await store.stats('dw')).episodes).toBe(1);
      });
    });

    describe('search', () => {
      it('finds a phrase with apostrophes, straight or curly, and not its words apart', async () => {
        const store = await loaded();
        const r = await find(store, '"I don\'t know"');
        expect(lines(r).map((l) => l[1])).toEqual([
          "I don't know what you mean.",
          'I don’t know, Ianto.',
        ]);
        expect((await find(store, '"I don’t know"')).total).toBe(2);
        expect((await find(store, "don't")).total).toBe(3);
      });

      it('requires every bare word, in any order', async () => {
        const store = await loaded();
        expect(lines(await find(store, 'coffee Ianto')).map((l) => l[1])).toEqual([
          'Ianto, coffee please.',
        ]);
        expect((await find(store, 'coffee Ianto pterodactyl')).total).toBe(0);
      });

      it('matches a prefix', async () => {
        const store = await loaded();
        expect(lines(await find(store, 'miss*')).map((l) => l[1])).toEqual([
          'I missed you.',
          'Missing, presumed dead.',
        ]);
      });

      it('excludes words and phrases', async () => {
        const store = await loaded();
        expect((await find(store, 'know')).total).toBe(2);
        expect(lines(await find(store, 'know -Ianto')).map((l) => l[1])).toEqual([
          "I don't know what you mean.",
        ]);
        expect(lines(await find(store, 'know -"what you mean"')).map((l) => l[1])).toEqual([
          'I don’t know, Ianto.',
        ]);
      });

      it('matches either side of OR', async () => {
        const store = await loaded();
        expect((await find(store, 'pterodactyl OR weevil')).total).toBe(5);
      });

      it('ignores case and Latin diacritics', async () => {
        const store = await loaded();
        const expected = ['Meet me at the café.', 'The CAFE is shut.'];
        expect(lines(await find(store, 'cafe')).map((l) => l[1])).toEqual(expected);
        expect(lines(await find(store, 'CAFÉ')).map((l) => l[1])).toEqual(expected);
      });

      it('marks the matched words in the snippet', async () => {
        const store = await loaded();
        const [hit] = (await find(store, '"don\'t know"')).groups[0]!.hits;
        const { open: o, close: c } = HIGHLIGHT;
        expect(hit!.snippet).toBe(`I ${o}don't know${c} what you mean.`);
      });

      it('reports the line, its time, speaker, qualifier and source', async () => {
        const store = await loaded();
        const sub = (await find(store, 'pterodactyl', { kinds: ['cue'] })).groups[0]!;
        expect(sub.hits[0]).toMatchObject({
          kind: 'cue',
          startMs: 3000,
          endMs: 4000,
          source: { file: 's01e01.srt', line: 9 },
        });
        expect(sub.series).toEqual({ id: 'tw', title: 'Torchwood' });
        expect(sub.episode).toEqual({
          id: 'S01E01',
          title: 'Everything Changes',
          season: 1,
          number: 1,
        });
        const oc = (await find(store, 'where hub')).groups[0]!.hits[0]!;
        expect(oc).toMatchObject({ speaker: 'Gwen Cooper', qualifier: 'OC' });
      });

      it('filters by series, season and episode range', async () => {
        const store = await loaded();
        expect((await find(store, 'Cardiff')).total).toBe(3);
        expect((await find(store, 'Cardiff', { series: 'tw' })).total).toBe(3);
        expect((await find(store, 'Cardiff', { season: 1 })).total).toBe(2);
        expect((await find(store, 'Cardiff', { season: 2 })).total).toBe(1);
        expect(
          (await find(store, 'Cardiff', { episodeFrom: 'S01E01', episodeTo: 'S01E03' })).total,
        ).toBe(2);
        expect(
          (await find(store, 'Cardiff', { episodeFrom: 'S01E02', episodeTo: 'S01E02' })).total,
        ).toBe(1);
        expect(
          (await find(store, 'Cardiff', { episodeFrom: 'S01E03', episodeTo: 'S02E01' })).total,
        ).toBe(1);
        expect((await find(store, 'Cardiff', { series: 'tw', episodeFrom: 'S02E01' })).total).toBe(
          1,
        );
      });

      it('filters by speaker, by canonical name or any alias in any case', async () => {
        const store = await loaded();
        for (const who of ['Jack Harkness', 'captain jack', 'JACK']) {
          const r = await find(store, 'cardiff OR cafe OR echo OR you OR coffee', { speaker: who });
          expect(lines(r).every(([speaker]) => speaker === 'Jack Harkness')).toBe(true);
          expect(r.total).toBe(5);
        }
        const unlisted = await find(store, 'you', { speaker: 'suzie costello' });
        expect(lines(unlisted)).toEqual([['Suzie Costello', 'I missed you.']]);
      });

      it('filters by kind', async () => {
        const store = await loaded();
        expect((await find(store, 'pterodactyl', { kinds: ['cue'] })).total).toBe(2);
        expect((await find(store, 'pterodactyl', { kinds: ['action'] })).total).toBe(1);
        expect((await find(store, 'pterodactyl', { kinds: ['dialogue', 'scene'] })).total).toBe(0);
        expect((await find(store, 'Hub', { kinds: ['scene'] })).total).toBe(1);
        // Scene headings alone, by prefix, by relevance, and never a speaker's.
        expect(lines(await find(store, 'Hub*', { kinds: ['scene'] }))).toEqual([[null, 'The Hub']]);
        const ranked = await find(store, 'hub', { kinds: ['scene'] }, { order: 'relevance' });
        expect(lines(ranked)).toEqual([[null, 'The Hub']]);
        expect((await find(store, 'Hub', { kinds: ['scene'], speaker: 'Gwen' })).total).toBe(0);
      });

      it('returns canon order even when episodes were ingested out of order', async () => {
        const store = await fresh();
        const all = batch();
        const later = all.sources.filter((s) => s.episodeId !== 'S01E01');
        const first = all.sources.filter((s) => s.episodeId === 'S01E01');
        await store.applyIngest({ ...all, sources: later });
        await store.applyIngest({ ...all, sources: first, keep: later.map((s) => s.path) });
        const r = await find(store, 'Cardiff OR pterodactyl OR weevil OR you');
        const order = r.groups.map((g) => g.episode.id);
        expect(order).toEqual([...order].sort());
        expect(order[0]).toBe('S01E01');
      });

      it('follows a new episode order from the manifest without re-reading files', async () => {
        const store = await loaded();
        const reordered = batch({ sources: [], keep: paths() });
        const episodes = [...reordered.episodes].reverse();
        await store.applyIngest({ ...reordered, episodes });
        const r = await find(store, 'Cardiff');
        expect(r.groups.map((g) => g.episode.id)).toEqual(['S02E01', 'S01E02', 'S01E01']);
        expect((await store.listEpisodes('tw')).map((e) => e.id)).toEqual(
          episodes.map((e) => e.id),
        );
        const range = await find(store, 'Cardiff', { episodeFrom: 'S02E01', episodeTo: 'S01E03' });
        expect(range.total).toBe(1);
      });

      it('groups adjacent hits of one source, with context from that source only', async () => {
        const store = await loaded();
        const r = await find(store, 'echo', {}, { context: 1 });
        expect(r.groups).toHaveLength(2);
        const [g1, g2] = r.groups;
        expect(g1!.hits.map((h) => h.seq)).toEqual([2, 3]);
        expect(g1!.before.map((l) => l.seq)).toEqual([1]);
        expect(g1!.after.map((l) => l.seq)).toEqual([4]);
        expect(g2!.hits.map((h) => h.seq)).toEqual([0]);
        expect(g2!.before).toEqual([]); // seq 0 of its source: nothing before it
        expect(g2!.after.map((l) => l.text)).toEqual(['Is that a pterodactyl?']);
        const wide = await find(store, 'echo', {}, { context: 3 });
        expect(wide.groups[0]!.before.map((l) => l.seq)).toEqual([0, 1]);
        expect(wide.groups[0]!.after.map((l) => l.seq)).toEqual([4, 5]);
      });

      it('pages with limit and offset in canon order', async () => {
        const store = await loaded();
        const all = await find(store, 'you', {}, { limit: 100 });
        const ids = hitIds(all);
        const page = await find(store, 'you', {}, { limit: 2, offset: 1 });
        expect(hitIds(page)).toEqual(ids.slice(1, 3));
        expect(page.total).toBe(all.total);
        expect(page.rankedCandidates).toBeNull();
      });

      it('orders by relevance over a bounded candidate set', async () => {
        const store = await loaded();
        const r = await find(store, 'echo', {}, { order: 'relevance', context: 0 });
        expect(r.rankedCandidates).toBe(3);
        expect(r.groups[0]!.hits[0]!.text).toBe('Echo, echo, echo.');
        expect(hitIds(r).sort()).toEqual(hitIds(await find(store, 'echo')).sort());
      });

      it('counts many matches up to a cap and says when it capped', async () => {
        const store = await fresh();
        const many = Array.from({ length: 12_000 }, (_, i) => cue(i, `Line ${i}: hello there.`));
        await store.applyIngest(
          batch({ sources: [source('big.srt', 'S01E01', 'subtitle', many)], keep: [] }),
        );
        const r = await find(store, 'hello', {}, { limit: 5 });
        expect(r.totalCapped).toBe(true);
        expect(r.total).toBeGreaterThanOrEqual(5);
        expect(r.total).toBeLessThan(12_000);
        const ranked = await find(store, 'hello', {}, { limit: 5, order: 'relevance' });
        expect(ranked.rankedCandidates).toBeGreaterThan(0);
        expect(ranked.rankedCandidates).toBeLessThan(12_000);
        const exact = await find(store, '"line 11999"');
        expect([exact.total, exact.totalCapped]).toEqual([1, false]);
      });

      it('resolves speakers through aliases at query time, including an alias added later', async () => {
        const store = await loaded();
        const before = await find(store, 'where hub');
        expect(before.groups[0]!.hits[0]!.speaker).toBe('Gwen Cooper');
        const unresolved = await find(store, 'pizza');
        expect(unresolved.groups[0]!.hits[0]!.speaker).toBe('GWEN COOPER-WILLIAMS');
        const withAlias = batch({ sources: [], keep: paths() });
        await store.applyIngest({
          ...withAlias,
          characters: withAlias.characters.map((c) =>
            c.name === 'Gwen Cooper'
              ? { ...c, aliases: [...c.aliases, 'Gwen Cooper-Williams'] }
              : c,
          ),
        });
        const after = await find(store, 'pizza');
        expect(after.groups[0]!.hits[0]!.speaker).toBe('Gwen Cooper');
        expect((await find(store, 'pizza', { speaker: 'Gwen' })).total).toBe(1);
      });

      it('rejects a bad query or filter, and names what is not in the library', async () => {
        const store = await loaded();
        const code = async (q: string, f: SearchFilters = {}, o: Partial<SearchRequest> = {}) => {
          const e: unknown = await find(store, q, f, o).catch((x: unknown) => x);
          return e instanceof ReceiptsError ? e.code : e;
        };
        expect(await code('"unclosed')).toBe('QUERY_INVALID');
        expect(await code('-only')).toBe('QUERY_INVALID');
        expect(await code('')).toBe('QUERY_INVALID');
        expect(await code('you', {}, { limit: 0 })).toBe('QUERY_INVALID');
        expect(await code('you', { kinds: [] })).toBe('QUERY_INVALID');
        expect(await code('you', { series: 'nope' })).toBe('NOT_FOUND');
        expect(await code('you', { episodeFrom: 'S09E09' })).toBe('NOT_FOUND');
        expect(await code('you', { speaker: 'Nobody Atall' })).toBe('NOT_FOUND');
        expect(await code('you', { season: 7 })).toBe('NOT_FOUND');
        expect(await code('you', { episodeFrom: 'S02E01', episodeTo: 'S01E01' })).toBe(
          'QUERY_INVALID',
        );
        const listed: unknown = await store.listEpisodes('nope').catch((x: unknown) => x);
        expect(listed instanceof ReceiptsError && listed.code).toBe('NOT_FOUND');
      });
    });

    describe('stats', () => {
      it('counts lines by kind, characters and the top speakers', async () => {
        const store = await loaded();
        const s = await store.stats();
        expect(s).toMatchObject({
          series: 1,
          episodes: 4,
          characters: 5,
          unlistedCharacters: 1,
          sources: 4,
          linesByKind: { cue: 9, dialogue: 11, action: 1, scene: 1 },
        });
        expect(s.topSpeakers[0]).toEqual({ name: 'Jack Harkness', lines: 5 });
        expect(s.topSpeakers.map((t) => t.name)).toContain('GWEN COOPER-WILLIAMS');
      });
    });
  });
}

// --- fixture -----------------------------------------------------------------------------------

function episode(id: string, season: number, number: number, title: string): Episode {
  return { id, season, number, title, airDate: null, storyOrder: null };
}

const CHARACTERS: Character[] = [
  { name: 'Jack Harkness', aliases: ['JACK', 'Captain Jack'], unlisted: false },
  { name: 'Ianto Jones', aliases: ['IANTO', 'Mr Jones'], unlisted: false },
  { name: 'Gwen Cooper', aliases: ['GWEN'], unlisted: false },
  { name: 'Owen Harper', aliases: ['OWEN'], unlisted: false },
  { name: 'Suzie Costello', aliases: ['SUZIE'], unlisted: true },
];

function line(
  seq: number,
  kind: LineKind,
  text: string,
  extra: Partial<LineInput> = {},
): LineInput {
  return {
    kind,
    seq,
    line: seq * 4 + 1,
    startMs: null,
    endMs: null,
    speakerLabel: null,
    qualifier: null,
    text,
    styled: null,
    sound: false,
    ...extra,
  };
}

function cue(seq: number, text: string, speakerLabel: string | null = null): LineInput {
  return line(seq, 'cue', text, { startMs: seq * 1500, endMs: seq * 1500 + 1000, speakerLabel });
}

function dialogue(seq: number, speaker: string, text: string, qualifier: string | null = null) {
  return line(seq, 'dialogue', text, { speakerLabel: speaker, qualifier });
}

function source(
  path: string,
  episodeId: string,
  role: 'subtitle' | 'transcript',
  rows: LineInput[],
): SourceInput {
  return {
    path,
    hash: `sha256-of-${path}-${rows.length}`,
    episodeId,
    role,
    format: role === 'subtitle' ? 'srt' : 'chakoteya-text',
    encoding: 'UTF-8',
    language: role === 'subtitle' ? 'en' : null,
    lines: rows,
  };
}

/** Four sources, 20 lines: every search test's numbers come from here. */
function batch(over: Partial<IngestBatch> = {}): IngestBatch {
  const sources = [
    source('s01e01.srt', 'S01E01', 'subtitle', [
      cue(0, 'Welcome to Cardiff.', 'JACK'),
      cue(1, 'I missed you.', 'SUZIE'),
      { ...cue(2, 'Is that a pterodactyl?'), startMs: 3000, endMs: 4000, line: 9 },
      cue(3, "I don't know what you mean.", 'IANTO'),
      cue(4, 'Meet me at the café.', 'JACK'),
      cue(5, 'The CAFE is shut.', 'OWEN'),
    ]),
    source('s01e01.txt', 'S01E01', 'transcript', [
      line(0, 'scene', 'The Hub'),
      dialogue(1, 'GWEN', 'Where is the Hub?', 'OC'),
      dialogue(2, 'JACK', 'Echo, echo, echo.'),
      dialogue(3, 'IANTO', 'Echo.'),
      dialogue(4, 'Captain Jack', 'Do you hear it?'),
      line(5, 'action', 'A pterodactyl screeches.'),
    ]),
    source('s01e02.txt', 'S01E02', 'transcript', [
      dialogue(0, 'OWEN', 'Cardiff again.'),
      dialogue(1, 'IANTO', 'Missing, presumed dead.'),
      dialogue(2, 'GWEN', 'I don’t know, Ianto.'),
      dialogue(3, 'JACK', 'Ianto, coffee please.'),
      dialogue(4, 'GWEN COOPER-WILLIAMS', 'Pizza for everyone.'),
      dialogue(5, 'OWEN', 'A weevil, loose in the Plass.'),
      dialogue(6, 'OWEN', "Don't you dare."),
    ]),
    source('s02e01.srt', 'S02E01', 'subtitle', [
      cue(0, 'Echo in Cardiff.'),
      cue(1, 'Is that a pterodactyl?'),
      cue(2, 'Another weevil.'),
    ]),
  ];
  return {
    series: { id: 'tw', title: 'Torchwood', manifest: 'tw/canon.yaml' },
    episodes: [
      episode('S01E01', 1, 1, 'Everything Changes'),
      episode('S01E02', 1, 2, 'Day One'),
      episode('S01E03', 1, 3, 'Ghost Machine'),
      episode('S02E01', 2, 1, 'Kiss Kiss, Bang Bang'),
    ],
    characters: CHARACTERS,
    sources,
    keep: [],
    ...over,
  };
}

function paths(): string[] {
  return batch().sources.map((s) => s.path);
}

function find(
  store: CanonStore,
  query: string,
  filters: SearchFilters = {},
  options: Partial<SearchRequest> = {},
): Promise<SearchResult> {
  return store.search({
    query,
    filters,
    order: 'canon',
    limit: 20,
    offset: 0,
    context: 0,
    ...options,
  });
}

function lines(r: SearchResult): [string | null, string][] {
  return r.groups.flatMap((g) => g.hits.map((h): [string | null, string] => [h.speaker, h.text]));
}

function hitIds(r: SearchResult): number[] {
  return r.groups.flatMap((g) => g.hits.map((h) => h.id));
}

/** Everything the public interface shows about a library. */
async function dump(store: CanonStore) {
  const everything = await store.search({
    query: 'a OR the OR you OR echo OR cardiff OR hub OR is',
    filters: {},
    order: 'canon',
    limit: 200,
    offset: 0,
    context: 2,
  });
  return {
    series: await store.listSeries(),
    episodes: await store.listEpisodes(),
    characters: await store.listCharacters(),
    stats: { ...(await store.stats()), dbBytes: null },
    hashes: [...(await store.sourceHashes('tw'))],
    everything,
  };
}
