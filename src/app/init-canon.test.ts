import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseManifest } from '../formats/canon-manifest.js';
import {
  CSV_REASON,
  episodeId,
  folderTitle,
  naturalCompare,
  roleOf,
  scanCanonFolder,
  writeManifest,
} from './init-canon.js';
import { parseEpisodeName } from '../domain/episode-naming.js';
import { rejectionOf } from '../../test/receipts-error.js';

const made: string[] = [];

/** A temp series folder holding empty files with these relative names. */
async function tree(files: readonly string[], name = 'series'): Promise<string> {
  const root = join(await mkdtemp(join(tmpdir(), 'receipts-init-')), name);
  made.push(dirname(root));
  for (const f of files) {
    await mkdir(dirname(join(root, f)), { recursive: true });
    await writeFile(join(root, f), '');
  }
  await mkdir(root, { recursive: true });
  return root;
}

afterEach(async () => {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
});

const ADDIC7ED = [
  'subs/Cardiff Nights - 01x01 - Pilot.1080p x265 Joy.English.C.updated.Addic7ed.com.srt',
  'subs/Cardiff Nights - 01x02 - Purple rain.720.HDTV.GRPiPHAN.English.C.updated.Addic7ed.com.srt',
  'subs/Cardiff Nights - 01x10 - The last bus.720.HDTV.GRPiPHAN.English.C.updated.Addic7ed.com.srt',
];

describe('scanCanonFolder', () => {
  it('turns Addic7ed-style subtitles into titled episodes of the common show', async () => {
    const report = await scanCanonFolder(await tree([...ADDIC7ED, 'README.md']));
    const m = report.manifest;
    expect(m.title).toBe('Cardiff Nights');
    expect(m.id).toBe('cardiff-nights');
    expect(m.episodes.map((e) => [e.id, e.season, e.number, e.title])).toEqual([
      ['S01E01', 1, 1, 'Pilot'],
      ['S01E02', 1, 2, 'Purple rain'],
      ['S01E10', 1, 10, 'The last bus'],
    ]);
    expect(m.episodes[0]!.subtitles).toEqual([{ file: ADDIC7ED[0], language: 'en', cues: null }]);
    expect(report.matched.map((x) => [x.episodeId, x.role, x.how])).toEqual([
      ['S01E01', 'subtitle', 'NxNN'],
      ['S01E02', 'subtitle', 'NxNN'],
      ['S01E10', 'subtitle', 'NxNN'],
    ]);
    expect(report.unmatched).toEqual([
      { file: 'README.md', reason: 'no season/episode number in "README"' },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('pairs SSEE transcripts with Episode_N subtitles in numbered season folders', async () => {
    const folder = await tree([
      'scripts/0101.txt',
      'scripts/0102.txt',
      'scripts/0210.txt',
      'subtitles/series/01/Episode_1.srt',
      'subtitles/series/01/Episode_2.srt',
      'subtitles/series/02/Episode_10.srt',
      'subtitles/series/02/Episode_11.srt',
    ]);
    const report = await scanCanonFolder(folder, { title: 'Radio Days' });
    const eps = report.manifest.episodes;
    expect(eps.map((e) => e.id)).toEqual(['S01E01', 'S01E02', 'S02E10', 'S02E11']);
    expect(eps[0]).toMatchObject({
      transcripts: [{ file: 'scripts/0101.txt', dialect: null }],
      subtitles: [{ file: 'subtitles/series/01/Episode_1.srt', language: null }],
      title: null,
      video: null,
    });
    expect(eps[3]!.transcripts).toEqual([]);
    expect(report.manifest).toMatchObject({ title: 'Radio Days', id: 'radio-days' });
    expect(report.matched.find((x) => x.file.endsWith('Episode_10.srt'))?.how).toBe(
      'episode word, season from folder "02"',
    );
  });

  it('groups video, subtitles in two languages and a transcript into one episode', async () => {
    const folder = await tree([
      'Season 1/Cardiff.Nights.S01E03.The.Long.Night.1080p.x265.mkv',
      'Season 1/Cardiff.Nights.S01E03.The.Long.Night.en.srt',
      'Season 1/Cardiff.Nights.S01E03.fr.srt',
      'transcripts/Cardiff Nights - 1x03 - The Long Night.txt',
      'Season 1/Cardiff.Nights.S01E04.720p.mkv',
    ]);
    const report = await scanCanonFolder(folder);
    const [e3, e4] = report.manifest.episodes;
    expect(e3).toEqual({
      id: 'S01E03',
      season: 1,
      number: 3,
      title: 'The Long Night',
      airDate: null,
      storyOrder: null,
      video: 'Season 1/Cardiff.Nights.S01E03.The.Long.Night.1080p.x265.mkv',
      subtitles: [
        { file: 'Season 1/Cardiff.Nights.S01E03.fr.srt', language: 'fr', cues: null },
        {
          file: 'Season 1/Cardiff.Nights.S01E03.The.Long.Night.en.srt',
          language: 'en',
          cues: null,
        },
      ],
      transcripts: [
        {
          file: 'transcripts/Cardiff Nights - 1x03 - The Long Night.txt',
          dialect: null,
          part: null,
        },
      ],
    });
    expect(e4).toMatchObject({
      id: 'S01E04',
      title: null,
      video: 'Season 1/Cardiff.Nights.S01E04.720p.mkv',
    });
    expect(report.matched.map((x) => x.role)).toEqual([
      'subtitle',
      'video',
      'subtitle',
      'video',
      'transcript',
    ]);
  });

  it('takes a title from the transcript header when the file names give none', async () => {
    const folder = await tree(['series/01/Episode_1.srt']);
    await writeFile(
      join(folder, '0101.txt'),
      '[1.1]The Good Son\n\nThe Good Son      Written by Someone\n\nFrasier: Hello, this is Dr. Crane.\n   Roz: Line one.\n',
    );
    const report = await scanCanonFolder(folder);
    expect(report.manifest.episodes.map((e) => [e.id, e.title])).toEqual([
      ['S01E01', 'The Good Son'],
    ]);
  });

  it('expands a multi-episode CSV transcript into its episodes, numbered within each season', async () => {
    const folder = await tree(['Show.S01E01.Pilot.mkv']);
    await writeFile(
      join(folder, 'all.csv'),
      [
        'Episode,Season,Title,Location,Speaker,Context,Text',
        '1,1,Pilot,bridge,Kirk,,Hello.',
        '2,1,Second,bridge,Spock,,Fascinating.',
        '3,2,Third,deck,Kirk,,Again.',
      ].join('\n'),
    );
    const report = await scanCanonFolder(folder);
    expect(report.manifest.episodes.map((e) => [e.id, e.title, e.video, e.transcripts])).toEqual([
      [
        'S01E01',
        'Pilot',
        'Show.S01E01.Pilot.mkv',
        [{ file: 'all.csv', dialect: 'csv', part: '1' }],
      ],
      ['S01E02', 'Second', null, [{ file: 'all.csv', dialect: 'csv', part: '2' }]],
      ['S02E01', 'Third', null, [{ file: 'all.csv', dialect: 'csv', part: '3' }]],
    ]);
    expect(report.unmatched).toEqual([]);
  });

  it('skips hidden files, .receipts and canon.yaml, and explains every other unmatched file', async () => {
    const folder = await tree([
      '.hidden.srt',
      '.receipts/cache/S01E01.srt',
      'canon.yaml',
      'cover.jpg',
      'LICENSE',
      'v1.0/NOTICE',
      'all-episodes.csv',
      'Sample/show.s01e01.sample.mkv',
      'Show.S01E01.mkv',
      'Show.S01E01.REPACK.mkv',
      'Show.2005.1080p.mkv',
    ]);
    const report = await scanCanonFolder(folder);
    expect(report.matched.map((x) => x.file)).toEqual(['Show.S01E01.mkv']);
    expect(report.unmatched).toEqual([
      { file: 'all-episodes.csv', reason: `${CSV_REASON} (the file is empty)` },
      { file: 'cover.jpg', reason: 'not a video, subtitle or transcript (.jpg)' },
      { file: 'LICENSE', reason: 'not a video, subtitle or transcript (no extension)' },
      { file: 'Sample/show.s01e01.sample.mkv', reason: 'a sample clip' },
      { file: 'Show.2005.1080p.mkv', reason: 'no season/episode number in "Show.2005.1080p"' },
      {
        file: 'Show.S01E01.REPACK.mkv',
        reason:
          'another video already stands for S01E01 (Show.S01E01.mkv); a manifest lists one video per episode',
      },
      { file: 'v1.0/NOTICE', reason: 'not a video, subtitle or transcript (no extension)' },
    ]);
  });

  it('lists a multi-episode file under its first episode, with a warning', async () => {
    const report = await scanCanonFolder(
      await tree(['Show.S02E01E02.Double.mkv', 'Show.S02E02.srt']),
    );
    expect(report.manifest.episodes.map((e) => e.id)).toEqual(['S02E01', 'S02E02']);
    expect(report.warnings).toContain(
      'Show.S02E01E02.Double.mkv: covers episodes 1-2; listed under S02E01',
    );
  });

  it('warns when names disagree on the title, and prefers the longest title', async () => {
    const report = await scanCanonFolder(
      await tree(['x/9_3_orphan_.txt', 'x/9_3_orphan_77.txt', 'x/9_4_quiet.txt', 'x/9_4_loud.txt']),
    );
    const [a, b] = report.manifest.episodes;
    expect(a).toMatchObject({ id: 'S09E03', title: 'Orphan 77' });
    expect(b).toMatchObject({ id: 'S09E04', title: 'Quiet' });
    expect(report.warnings).toEqual([
      'S09E03: 2 transcripts (x/9_3_orphan_77.txt, x/9_3_orphan_.txt)',
      'S09E04: 2 transcripts (x/9_4_loud.txt, x/9_4_quiet.txt)',
      'S09E04: names disagree on the title ("Loud", "Quiet"); check the numbering',
      'series title "Series" comes from the folder name; give a title to change it',
    ]);
  });

  it('reads production-number folders as order numbers and in-between specials by code', async () => {
    const folder = await tree([
      'next/101.htm',
      'next/102.htm',
      'next/150.htm',
      'voyage/101.htm',
      'voyage/225.htm',
      'who/28_0_winter.txt',
      'who/28_05_reborn.txt',
      'who/28_5_steel.txt',
      'who/3_1_5_mission.txt',
      'who/audio/StormCall1l_storm_call_part_one_.txt',
    ]);
    const report = await scanCanonFolder(folder);
    expect(report.manifest.episodes.map((e) => e.id)).toEqual([
      'S01E01',
      'S02E25',
      'S03E01.5',
      'S28E00',
      'S28E00.5',
      'S28E05',
      'E101',
      'E102',
      'E150',
      'storm-call-part-1',
    ]);
    const reborn = report.manifest.episodes.find((e) => e.id === 'S28E00.5');
    expect(reborn).toMatchObject({ season: 28, number: null, title: 'Reborn' });
    expect(report.warnings).toEqual([
      'next/: names 101..150 do not read as season+episode ("150" would be S1E50); used them as order numbers',
      '"28_05" beside an unpadded story 5: read as an in-between special (0.5)',
      'series title "Series" comes from the folder name; give a title to change it',
    ]);
  });

  it('sorts naturally and gives the same report on every run', async () => {
    const files = ['s/Episode_10.srt', 's/Episode_2.srt', 's/Episode_1.srt'];
    const folder = await tree(files);
    const a = await scanCanonFolder(folder);
    const b = await scanCanonFolder(folder);
    expect(a).toEqual(b);
    expect(a.manifest.episodes.map((e) => e.id)).toEqual(['E01', 'E02', 'E10']);
    expect(a.matched.map((x) => x.file)).toEqual([
      's/Episode_1.srt',
      's/Episode_2.srt',
      's/Episode_10.srt',
    ]);
  });

  it('takes the series title from a cleaned folder name, or its parent for generic names', async () => {
    const a = await scanCanonFolder(await tree(['Episode 1.srt'], 'radio-days-s01-srt'));
    expect(a.manifest.title).toBe('Radio Days');
    expect(a.warnings).toEqual([
      'series title "Radio Days" comes from the folder name; give a title to change it',
    ]);
    const b = await scanCanonFolder(await tree(['0101.txt'], 'data'));
    expect(b.manifest.title).not.toBe('Data');
  });

  it('reports no episodes instead of failing, so the unmatched reasons can be shown', async () => {
    const report = await scanCanonFolder(await tree(['notes.txt']));
    expect(report.manifest.episodes).toEqual([]);
    expect(report.unmatched).toEqual([
      { file: 'notes.txt', reason: 'no season/episode number in "notes"' },
    ]);
    expect(report.warnings.at(-1)).toMatch(/is named like an episode; nothing to write$/);
  });

  it('fails clearly for a missing folder and for a file', async () => {
    const folder = await tree(['Show.S01E01.srt']);
    const missing = await rejectionOf(scanCanonFolder(join(folder, 'nope')));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    const file = await rejectionOf(scanCanonFolder(join(folder, 'Show.S01E01.srt')));
    expect(file.code).toBe('USAGE');
    expect(file.message).toMatch(/is a file; give the series folder$/);
  });
});

describe('writeManifest', () => {
  it('writes canon.yaml that parseManifest reads back as the scanned manifest', async () => {
    const folder = await tree([...ADDIC7ED, 'README.md']);
    const report = await scanCanonFolder(folder);
    const path = await writeManifest(folder, report);
    expect(path).toBe(join(folder, 'canon.yaml'));
    const text = await readFile(path, 'utf8');
    expect(parseManifest(text, path)).toEqual(report.manifest);
    expect(text).toContain('#   README.md: no season/episode number in "README"');
    // No temp file is left behind, and a re-scan skips the manifest.
    expect((await readdir(folder)).sort()).toEqual(['README.md', 'canon.yaml', 'subs']);
    expect(await scanCanonFolder(folder)).toEqual(report);
  });

  it('refuses to replace an existing canon.yaml without force', async () => {
    const folder = await tree(['Show.S01E01.srt']);
    await writeFile(join(folder, 'canon.yaml'), 'title: Mine\n');
    const report = await scanCanonFolder(folder);
    const e = await rejectionOf(writeManifest(folder, report));
    expect(e.code).toBe('USAGE');
    expect(e.message).toBe(
      `${join(folder, 'canon.yaml')} already exists; pass --force to replace it`,
    );
    expect(await readFile(join(folder, 'canon.yaml'), 'utf8')).toBe('title: Mine\n');
    await writeManifest(folder, report, { force: true });
    const again = parseManifest(await readFile(join(folder, 'canon.yaml'), 'utf8'), 'canon.yaml');
    expect(again.episodes.map((x) => x.id)).toEqual(['S01E01']);
    expect((await readdir(folder)).sort()).toEqual(['Show.S01E01.srt', 'canon.yaml']);
  });

  it('reports a folder it cannot write to as unwritable', async () => {
    const folder = await tree(['Show.S01E01.srt']);
    const report = await scanCanonFolder(folder);
    const e = await rejectionOf(writeManifest(join(folder, 'gone'), report));
    expect(e.code).toBe('FILE_UNWRITABLE');
    expect(e.message).toBe(`cannot write ${join(folder, 'gone', 'canon.yaml')} (ENOENT)`);
  });

  it('writes the manifest elsewhere, its root pointing back at the scanned folder', async () => {
    const folder = await tree(['Show - 01x01 - Pilot.srt', 'video/Show.S01E01.mkv']);
    const out = join(dirname(folder), 'lib', 'show.yaml');
    await mkdir(dirname(out));
    expect(await writeManifest(folder, await scanCanonFolder(folder), { out })).toBe(out);
    const m = parseManifest(await readFile(out, 'utf8'), out);
    expect(m.root).toBe('../series');
    expect(m.episodes[0]).toMatchObject({
      video: 'video/Show.S01E01.mkv',
      subtitles: [{ file: 'Show - 01x01 - Pilot.srt' }],
    });
  });

  it('refuses to write a manifest without episodes', async () => {
    const folder = await tree(['notes.txt']);
    const e = await rejectionOf(writeManifest(folder, await scanCanonFolder(folder)));
    expect(e.code).toBe('USAGE');
    expect(e.message).toMatch(/no episodes were recognised/);
  });

  it('keeps a file name with a line break inside the header comment', async () => {
    const folder = await tree(['Show.S01E01.srt', 'odd\nname.nfo']);
    const report = await scanCanonFolder(folder);
    const text = await readFile(await writeManifest(folder, report), 'utf8');
    expect(parseManifest(text, 'canon.yaml').episodes).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('assigns roles by extension', () => {
    expect(
      ['a.MKV', 'a.webm', 'a.ssa', 'a.vtt', 'a.htm', 'a.md', 'a.nfo', 'LICENSE'].map(roleOf),
    ).toEqual(['video', 'video', 'subtitle', 'subtitle', 'transcript', 'transcript', null, null]);
  });

  it('builds zero-padded ids', () => {
    const id = (p: string) => episodeId(parseEpisodeName(p).name!);
    expect(id('Show.S1E3.srt')).toBe('S01E03');
    expect(id('Show.S12E103.srt')).toBe('S12E103');
    expect(id('E7.srt')).toBe('E07');
    expect(id('x/3_1_5_mission.txt')).toBe('S03E01.5');
    expect(id('Storm Call Part 2.mkv')).toBe('storm-call-part-2');
  });

  it('cleans folder names into titles', () => {
    expect(folderTitle('cardiff-nights-s01-addic7ed-srt')).toBe('Cardiff Nights');
    expect(folderTitle('radio-transcripts-and-srt')).toBe('Radio');
    expect(folderTitle('Time Drifter (2005) Season 1')).toBe('Time Drifter (2005)');
  });

  it('compares naturally and deterministically', () => {
    expect(['b10', 'b2', 'a', 'b02', 'B1'].sort(naturalCompare)).toEqual([
      'a',
      'B1',
      'b2',
      'b02',
      'b10',
    ]);
  });
});
