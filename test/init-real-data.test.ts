import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCanonFolder, writeManifest, type InitReport } from '../src/app/init-canon.js';
import { parseManifest } from '../src/formats/canon-manifest.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';

/** `receipts init` on real collections other people named (../shared/data, read-only). */

const byId = (r: InitReport, id: string) => r.manifest.episodes.find((e) => e.id === id);

async function roundTrip(report: InitReport): Promise<void> {
  // The shared folder is read-only: the manifest goes to a temp folder to check it parses.
  const dir = await mkdtemp(join(tmpdir(), 'receipts-init-real-'));
  try {
    const path = await writeManifest(dir, report);
    expect(parseManifest(await readFile(path, 'utf8'), path)).toEqual(report.manifest);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!HAS_SHARED_DATA)('receipts init on real collections', () => {
  it('reads 22 HIMYM Addic7ed subtitles as S01E01..S01E22 with titles', async () => {
    const report = await scanCanonFolder(sharedData('himym-s01-addic7ed-srt'));
    const eps = report.manifest.episodes;
    expect(report.manifest.title).toBe('How I Met Your Mother');
    expect(eps.map((e) => e.id)).toEqual(
      Array.from({ length: 22 }, (_, i) => `S01E${String(i + 1).padStart(2, '0')}`),
    );
    expect(eps[0]!.title).toBe('Pilot');
    expect(byId(report, 'S01E02')!.title).toBe('Purple giraffe');
    expect(byId(report, 'S01E18')!.title).toBe('Nothing good happens after 2 AM');
    expect(byId(report, 'S01E14')!.title).toBe('Zip, zip, zip');
    expect(eps.every((e) => e.subtitles.length === 1 && e.subtitles[0]!.language === 'en')).toBe(
      true,
    );
    expect(eps.every((e) => e.title && !/720|HDTV|Addic7ed|English/u.test(e.title))).toBe(true);
    expect(report.unmatched).toEqual([
      { file: 'README.md', reason: 'no season/episode number in "README"' },
    ]);
    expect(report.warnings).toEqual([]);
    await roundTrip(report);
  });

  it('pairs Frasier transcripts and SRTs by number: 264 episodes, 517 files', async () => {
    const report = await scanCanonFolder(sharedData('frasier-transcripts-and-srt', 'data'), {
      byName: true,
    });
    expect(report.pairing.moved).toEqual([]);
    const eps = report.manifest.episodes;
    expect(eps).toHaveLength(264);
    expect(report.matched).toHaveLength(517);
    expect(report.matched.filter((m) => m.role === 'transcript')).toHaveLength(264);
    expect(report.matched.filter((m) => m.role === 'subtitle')).toHaveLength(253);
    expect(report.unmatched).toEqual([]);
    expect(eps[0]).toMatchObject({
      id: 'S01E01',
      transcripts: [{ file: 'scripts/0101.txt' }],
      subtitles: [{ file: 'subtitles/series/01/Episode_1.srt' }],
    });
    expect(byId(report, 'S03E10')).toMatchObject({
      transcripts: [{ file: 'scripts/0310.txt' }],
      subtitles: [{ file: 'subtitles/series/03/Episode_10.srt' }],
    });
    expect(byId(report, 'S11E23')).toMatchObject({
      transcripts: [{ file: 'scripts/1123.txt' }],
      subtitles: [{ file: 'subtitles/series/11/Episode_23.srt' }],
    });
    // Season 3 has 24 transcripts but 18 subtitles: the rest are transcript-only.
    expect(byId(report, 'S03E19')).toMatchObject({
      subtitles: [],
      transcripts: [{ file: 'scripts/0319.txt' }],
    });
    expect(eps.filter((e) => e.subtitles.length && e.transcripts.length)).toHaveLength(253);
    expect(eps.at(-1)!.id).toBe('S11E24');
    expect(report.manifest.title).toBe('Frasier');
    await roundTrip(report);
  });

  it('re-pairs misnamed Frasier SRTs by what they say', async () => {
    const report = await scanCanonFolder(sharedData('frasier-transcripts-and-srt', 'data'));
    const p = report.pairing;
    expect(p.moved).toHaveLength(169);
    expect(p.moved).toContainEqual({
      file: 'subtitles/series/02/Episode_2.srt',
      from: 'S02E02',
      to: 'S02E10',
    });
    expect(p.duplicates).toHaveLength(30);
    expect(p.duplicates).toContainEqual({
      kept: 'subtitles/series/01/Episode_9.srt',
      dropped: ['subtitles/series/01/Episode_15.srt'],
    });
    expect(p.twoEpisodes.map((t) => [t.file, t.first, t.second, t.split])).toEqual([
      ['subtitles/series/08/Episode_1.srt', 'S08E01', 'S08E02', false],
      ['subtitles/series/09/Episode_1.srt', 'S09E01', 'S09E02', true],
      ['subtitles/series/11/Episode_23.srt', 'S11E23', 'S11E24', true],
    ]);
    expect(byId(report, 'S02E10')?.subtitles).toEqual([
      { file: 'subtitles/series/02/Episode_2.srt', language: null, cues: null },
    ]);
    // Every subtitle file is listed once, under the episode it holds; copies are left out.
    const listed = report.manifest.episodes.flatMap((e) =>
      e.subtitles.map((s) => s.file + (s.cues ? `#${s.cues}` : '')),
    );
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toHaveLength(253 - 30 + 2); // two files split into two parts each
    expect(byId(report, 'S11E24')?.subtitles).toEqual([
      { file: 'subtitles/series/11/Episode_23.srt', language: null, cues: '568-' },
    ]);
    await roundTrip(report);
  });

  it('reads the Doctor Who archive as chakoteya season/story codes without crashing', async () => {
    const report = await scanCanonFolder(sharedData('doctor-who-chakoteya-angewzhao'));
    const eps = report.manifest.episodes;
    const txt = [...report.matched, ...report.unmatched].filter((f) => f.file.endsWith('.txt'));
    expect(txt).toHaveLength(360);
    expect(report.matched).toHaveLength(348);
    expect(eps).toHaveLength(344);
    expect(new Set(eps.map((e) => e.id)).size).toBe(eps.length);
    expect(eps.every((e) => /^(S\d\dE\d\d(\.\d)?|[a-z-]+-part-\d)$/u.test(e.id))).toBe(true);
    // Continuous season numbering: 2005's series 1 is season 27, so Blink is S29E10.
    expect(eps[0]).toMatchObject({ id: 'S01E01', title: 'An Unearthly Child' });
    expect(byId(report, 'S29E10')).toMatchObject({ season: 29, number: 10, title: 'Blink' });
    expect(byId(report, 'S28E00')!.title).toBe('The Christmas Invasion');
    expect(byId(report, 'S28E00.5')).toMatchObject({ number: null, title: 'Born Again' });
    expect(byId(report, 'S03E01.5')!.title).toBe('Mission to the Unknown');
    expect(byId(report, 'S38E03')!.title).toBe('Orphan 55');
    expect(byId(report, 'demon-quest-part-1')!.title).toBe('Demon Quest Part One');
    const ids = eps.map((e) => e.id);
    expect(ids.indexOf('S28E00.5')).toBe(ids.indexOf('S28E00') + 1);
    // Specials without any number stay unmatched, with the reason.
    expect(report.unmatched.map((u) => u.file.split('/').pop())).toEqual([
      'DCTTonlinel_death_comes_to_time.txt',
      'DeathCTTimel_death_comes_to_time.txt',
      'Bountyl_bounty.txt',
      'DeadTimel_dead_time.txt',
      'movie_the_movie.txt',
      "PTemplel_the_people's_temple,_by_paul_leonard.txt",
      'CIN2007_time_crash.txt',
      'Dreamland_dreamland.txt',
      'CIN2012_the_great_detective.txt',
      'TimeRND2011l_comic_relief_red_nose_day_2011_.txt',
      'webS7_the_battle_of_demons_run_.txt',
      'movie_the_movie.txt',
      'README.md',
      'LICENSE',
    ]);
    expect(report.unmatched.at(-1)!.reason).toBe(
      'not a video, subtitle or transcript (no extension)',
    );
    expect(report.unmatched[0]!.reason).toBe(
      'no season/episode number in "DCTTonlinel_death_comes_to_time"',
    );
    // A misnamed file (its text is another story) and duplicate copies are flagged.
    expect(report.warnings).toContain(
      'S31E06: names disagree on the title ("The Time of the Doctor", "The Vampires of Venice"); check the numbering',
    );
    expect(report.warnings.filter((w) => w.includes('2 transcripts'))).toHaveLength(4);
    await roundTrip(report);
  });

  it('reads Star Trek production numbers as order and Voyager digits as season+episode', async () => {
    const tng = await scanCanonFolder(
      sharedData('star-trek-chakoteya-raw-html', 'transcripts', 'tng'),
      { title: 'TNG' },
    );
    expect(tng.manifest.episodes).toHaveLength(176);
    expect(tng.manifest.episodes[0]).toMatchObject({ id: 'E101', season: null, number: 101 });
    expect(tng.warnings[0]).toMatch(/names 101\.\.277 do not read as season\+episode/u);
    const voy = await scanCanonFolder(
      sharedData('star-trek-chakoteya-raw-html', 'transcripts', 'voy'),
      { title: 'VOY' },
    );
    expect(voy.manifest.episodes).toHaveLength(160);
    expect(voy.manifest.episodes.at(-1)).toMatchObject({ id: 'S07E22', season: 7, number: 22 });
    expect(voy.warnings).toEqual([]);
  });
});
