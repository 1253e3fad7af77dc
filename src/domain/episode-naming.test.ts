import { describe, expect, it } from 'vitest';
import {
  cleanTitle,
  parseEpisodeName,
  placePaddedStoryCodes,
  readDigitNames,
  subtitleLanguage,
  titleCase,
  type EpisodeName,
} from './episode-naming.js';

function named(path: string): EpisodeName {
  const r = parseEpisodeName(path);
  if (!r.name) throw new Error(`expected a match for ${path}: ${r.reason}`);
  return r.name;
}

function reasonFor(path: string): string {
  const r = parseEpisodeName(path);
  if (r.name) throw new Error(`expected no match for ${path}, got ${r.name.how}`);
  return r.reason;
}

describe('parseEpisodeName: conventions', () => {
  it.each([
    // [path, season, episode, show, title]
    [
      'Cardiff Nights - 01x03 - The Rift Opens.720.HDTV.GROUPiPHAN.English.C.updated.Addic7ed.com.srt',
      1,
      3,
      'Cardiff Nights',
      'The Rift Opens',
    ],
    [
      'Cardiff Nights - 01x01 - Pilot.1080p x265 Joy.English.C.updated.Addic7ed.com.srt',
      1,
      1,
      'Cardiff Nights',
      'Pilot',
    ],
    [
      'Cardiff Nights - 01x18 - Nothing good happens at 2 AM.720.HDTV.GROUP.English.srt',
      1,
      18,
      'Cardiff Nights',
      'Nothing good happens at 2 AM',
    ],
    [
      'Cardiff.Nights.S02E07.The.Long.Night.1080p.x265.srt',
      2,
      7,
      'Cardiff Nights',
      'The Long Night',
    ],
    [
      'Cardiff.Nights.S02E07.The.Long.Night.1080p.WEB-DL.H.264-GRP.mkv',
      2,
      7,
      'Cardiff Nights',
      'The Long Night',
    ],
    ['cardiff nights s1e1.srt', 1, 1, 'Cardiff Nights', null],
    ['S01 E04 - Quiet Hours.mkv', 1, 4, null, 'Quiet Hours'],
    ['Cardiff Nights 1x01.srt', 1, 1, 'Cardiff Nights', null],
    ['Cardiff Nights Season 2 Episode 5.mkv', 2, 5, 'Cardiff Nights', null],
    [
      'Time.Drifter.2005.S01E01.Rose.Garden.720p.HDTV.mkv',
      1,
      1,
      'Time Drifter (2005)',
      'Rose Garden',
    ],
    ['[SubGroup] Cardiff Nights - S01E02 [1080p].mkv', 1, 2, 'Cardiff Nights', null],
  ])('%s', (path, season, episode, show, title) => {
    const n = named(path);
    expect({ season: n.season, episode: n.episode, show: n.show, title: n.title }).toEqual({
      season,
      episode,
      show,
      title,
    });
  });

  it('takes the season from a season folder for Episode_N, E03, Part N and bare numbers', () => {
    expect(named('subtitles/series/01/Episode_3.srt')).toMatchObject({
      season: 1,
      episode: 3,
      convention: 'episode word',
      how: 'episode word, season from folder "01"',
    });
    expect(named('Season 1/Episode 3.srt')).toMatchObject({ season: 1, episode: 3 });
    expect(named('Series 02/Episode 3.srt')).toMatchObject({ season: 2, episode: 3 });
    expect(named('S01/E03.srt')).toMatchObject({ season: 1, episode: 3 });
    expect(named('Cardiff.Nights.S03.1080p.BluRay/E05.mkv')).toMatchObject({
      season: 3,
      episode: 5,
    });
    expect(named('Season 2/Part 2.mkv')).toMatchObject({ season: 2, episode: 2 });
    expect(named('Season 2/01 - Pilot.mkv')).toMatchObject({
      season: 2,
      episode: 1,
      title: 'Pilot',
    });
    expect(named('Season 3/7.srt')).toMatchObject({ season: 3, episode: 7 });
  });

  it('leaves the season empty without a season folder, and ignores year folders', () => {
    expect(named('Episode 3.txt')).toMatchObject({ season: null, episode: 3 });
    expect(named('E03.txt')).toMatchObject({ season: null, episode: 3, code: 'E03' });
    expect(named('Ep.12 - Homecoming.txt')).toMatchObject({ episode: 12, title: 'Homecoming' });
    expect(named('2005/Episode 3.txt')).toMatchObject({ season: null, episode: 3 });
    expect(named('specials/Part 2.mkv')).toMatchObject({ season: null, episode: 2, title: null });
  });

  it('reads SSEE digits (0101, 101) as season and episode', () => {
    expect(named('scripts/0101.txt')).toMatchObject({
      season: 1,
      episode: 1,
      convention: 'season+episode digits',
    });
    expect(named('scripts/1124.txt')).toMatchObject({ season: 11, episode: 24 });
    expect(named('voyager/101.htm')).toMatchObject({ season: 1, episode: 1 });
    expect(named('Cardiff Nights - 203 - Title.mkv')).toMatchObject({
      season: 2,
      episode: 3,
      show: 'Cardiff Nights',
      title: 'Title',
    });
  });

  it('reads one- and two-digit names as episode numbers', () => {
    expect(named('tos/1.htm')).toMatchObject({
      season: null,
      episode: 1,
      convention: 'bare number',
    });
    expect(named('42 - The Answer.mkv')).toMatchObject({ episode: 42, title: 'The Answer' });
    expect(named('[Grp] Cardiff Nights - 05 [720p].mkv')).toMatchObject({
      episode: 5,
      show: 'Cardiff Nights',
    });
    expect(named('animated/TAS004.htm')).toMatchObject({ season: null, episode: 4 });
  });

  it('reads Part N, with number words, and keeps the story it belongs to', () => {
    expect(named('Mini Series Part 3.mkv')).toMatchObject({
      season: null,
      episode: 3,
      story: 'Mini Series',
      title: 'Mini Series Part 3',
      convention: 'part',
    });
    expect(named('audio/StormCall2l_storm_call_part_two_.txt')).toMatchObject({
      episode: 2,
      story: 'Storm Call',
      title: 'Storm Call Part Two',
    });
  });

  it('notes multi-episode files (S01E01E02, S01E01-E02, S01E01-02, 1x01-02)', () => {
    for (const p of [
      'Show.S01E01E02.mkv',
      'Show.S01E01-E02.mkv',
      'Show.S01E01-02.Double.Bill.mkv',
      'Show - 1x01-02 - Double Bill.srt',
      'Show - 1x01-1x02 - Double Bill.srt',
    ])
      expect(named(p), p).toMatchObject({ season: 1, episode: 1, lastEpisode: 2 });
    expect(named('Show.S01E01-E03.mkv')).toMatchObject({ lastEpisode: 3, code: 'S01E01-E03' });
    expect(named('Show.S01E01-02.Double.Bill.mkv').title).toBe('Double Bill');
    expect(named('Show.S01E01.mkv').lastEpisode).toBeNull();
  });

  it('reads an episode folder when the file name has no episode', () => {
    expect(named('Show.S02E03.720p.WEB/Subs/2_English.srt')).toMatchObject({
      season: 2,
      episode: 3,
      how: 'SxxEyy, from folder "Show.S02E03.720p.WEB"',
    });
    expect(named('Season 1/Episode 4/transcript.txt')).toMatchObject({ season: 1, episode: 4 });
  });
});

describe('parseEpisodeName: story codes (season_story_title)', () => {
  it('reads season, story and a title-cased title', () => {
    expect(named('doctor_10/29_10_the_quiet_statues.txt')).toMatchObject({
      season: 29,
      episode: 10,
      title: 'The Quiet Statues',
      convention: 'story code',
      code: '29_10',
    });
    expect(named('doctor_12/34_2l_into_the_machine.txt')).toMatchObject({
      season: 34,
      episode: 2,
      code: '34_2l',
    });
    expect(named('x/33_0_the_king,_the_fox,_and_the_snow.txt').title).toBe(
      'The King, the Fox, and the Snow',
    );
    expect(named('x/29_7_42.txt')).toMatchObject({ episode: 7, title: '42' });
    expect(named("x/27_8_father's_garden.txt").title).toBe("Father's Garden");
  });

  it('places a three-number code between two stories', () => {
    expect(named('doctor_1/3_1_5_mission_elsewhere.txt')).toMatchObject({
      season: 3,
      episode: null,
      order: 1.5,
      title: 'Mission Elsewhere',
    });
  });

  it('keeps words that are release junk only after a dot (the_web_planet)', () => {
    expect(named('x/2_5_the_web_planet.txt').title).toBe('The Web Planet');
    expect(named('x/2_6_the_dvd_years.txt').title).toBe('The Dvd Years');
  });

  it('drops a dangling "part" left by a truncated name', () => {
    expect(named('x/38_1l_spyglass_part_.txt').title).toBe('Spyglass');
  });
});

describe('parseEpisodeName: no false positives', () => {
  it.each([
    ['Movie.2005.1080p.x264.mkv', 'no season/episode number in "Movie.2005.1080p.x264"'],
    ['Clip.H.264.mkv', 'no season/episode number in "Clip.H.264"'],
    ['Clip.x265.10bit.mkv', 'no season/episode number in "Clip.x265.10bit"'],
    ['1920x1080.mkv', 'no season/episode number in "1920x1080"'],
    ['2005.txt', '"2005" looks like a year, not an episode'],
    ['README.md', 'no season/episode number in "README"'],
    [
      'notes/CIN2011_the_night_special.txt',
      'no season/episode number in "CIN2011_the_night_special"',
    ],
    ['tos/16b.htm', 'no season/episode number in "16b"'],
    ['Disc 2/DVD01.mkv', 'no season/episode number in "DVD01"'],
    ['Extras/Audio 5.1 test.mkv', 'no season/episode number in "Audio 5.1 test"'],
  ])('%s', (path, reason) => {
    expect(reasonFor(path)).toBe(reason);
  });

  it('does not read resolutions, codecs or years inside a matched name as episodes', () => {
    const n = named('Show.2010.S03E04.2160p.x265.HDR10.DDP5.1.mkv');
    expect(n).toMatchObject({ season: 3, episode: 4, show: 'Show (2010)', title: null });
  });
});

describe('readDigitNames', () => {
  const names = (...ps: string[]) => ps.map(named);

  it('trusts digits that all read as plausible season+episode', () => {
    const { names: out, notes } = readDigitNames(names('s/0101.txt', 's/0124.txt', 's/1101.txt'));
    expect(out.map((n) => [n.season, n.episode])).toEqual([
      [1, 1],
      [1, 24],
      [11, 1],
    ]);
    expect(notes).toEqual([]);
  });

  it('reads the whole folder as order numbers when one would be episode 40 or more', () => {
    const { names: out, notes } = readDigitNames(names('t/101.htm', 't/150.htm', 't/277.htm'));
    expect(out.map((n) => [n.season, n.episode, n.convention])).toEqual([
      [null, 101, 'order number'],
      [null, 150, 'order number'],
      [null, 277, 'order number'],
    ]);
    expect(notes).toEqual([
      'names 101..277 do not read as season+episode ("150" would be S1E50); used them as order numbers',
    ]);
  });

  it('leaves other conventions alone', () => {
    const { names: out } = readDigitNames(names('t/200.htm', 't/Show.S01E02.mkv'));
    expect(out.map((n) => n.convention)).toEqual(['order number', 'SxxEyy']);
  });
});

describe('placePaddedStoryCodes', () => {
  it('reads a zero-padded code beside its unpadded twin as an in-between special', () => {
    const input = ['a/28_0_winter.txt', 'a/28_05_reborn.txt', 'b/28_5_steel.txt'].map(named);
    const { names, notes } = placePaddedStoryCodes(input);
    expect(names.map((n) => [n.episode, n.order])).toEqual([
      [0, 0],
      [null, 0.5],
      [5, 5],
    ]);
    expect(notes).toEqual([
      '"28_05" beside an unpadded story 5: read as an in-between special (0.5)',
    ]);
  });

  it('keeps padding as padding when there is no twin', () => {
    const input = ['a/1_01_first.txt', 'a/1_02_second.txt'].map(named);
    expect(placePaddedStoryCodes(input).names.map((n) => n.episode)).toEqual([1, 2]);
  });
});

describe('subtitleLanguage', () => {
  it.each([
    ['Show - 01x01 - Pilot.1080p x265 Joy.English.C.updated.Addic7ed.com.srt', 'en'],
    ['Show.S01E01.en.srt', 'en'],
    ['Show.S01E01.eng.forced.srt', 'en'],
    ['Show.S01E01.Pilot.fr.srt', 'fr'],
    ['Show.S01E01.Pilot.pt-BR.srt', 'pt-BR'],
    ['Show.S01E01.German.srt', 'de'],
    ['Subs/Show.S01E01/2_English.srt', 'en'],
    ['Show.S01E01.720p.HDTV.x264-GRP.srt', null],
    ['The Italian Job.srt', null],
    ['Episode_1.srt', null],
    ['en.srt', 'en'],
  ])('%s -> %s', (file, lang) => {
    expect(subtitleLanguage(file)).toBe(lang);
  });
});

describe('titles', () => {
  it('cuts release junk and language tags from a title', () => {
    expect(cleanTitle(' - Pilot.1080p x265 Joy.English.C.updated.Addic7ed.com')).toBe('Pilot');
    expect(cleanTitle('.The.Long.Night.720p.WEB.x264-GRP')).toBe('The Long Night');
    expect(cleanTitle('.Pilot.en.forced')).toBe('Pilot');
    expect(cleanTitle(' - The limo.720.HDTV.GROUP.English')).toBe('The limo');
    expect(cleanTitle('.1080p.x265')).toBeNull();
  });

  it('title-cases lower-case names but keeps small words small', () => {
    expect(titleCase('the end of time, part one')).toBe('The End of Time, Part One');
    expect(titleCase('a good man goes to war')).toBe('A Good Man Goes to War');
    expect(cleanTitle('Purple giraffe')).toBe('Purple giraffe');
  });
});
