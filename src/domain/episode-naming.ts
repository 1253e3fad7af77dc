/**
 * Season, episode, show and title from a file's path relative to a series folder, in the
 * conventions media centres, release groups and fan archives use. Pure: names in, values out.
 */

/** Which naming convention a match came from. */
export type NamingConvention =
  | 'SxxEyy' // Show.S01E02.Title, s1e2, S01E01E02, S01E01-E02
  | 'season-episode words' // Season 1 Episode 2
  | 'NxNN' // Show - 01x02 - Title
  | 'story code' // chakoteya archive: 29_10_blink (season 29, story 10)
  | 'episode word' // Episode_3, Episode 3, Ep 3, E03 (season from a folder)
  | 'part' // Part 2, Pt. 2, Part Two
  | 'season+episode digits' // 0101.txt, 101.txt (SSEE)
  | 'bare number' // 1.htm, 01 - Pilot.mkv (an episode or order number)
  | 'order number'; // season+episode digits that do not read as such (tng/101..277)

export interface EpisodeName {
  readonly season: number | null;
  /** The (first) episode number; null only for an in-between special (`28_05`, `3_1_5`). */
  readonly episode: number | null;
  /** Last episode of a multi-episode file (`S01E01E02`, `S01E01-E03`), else null. */
  readonly lastEpisode: number | null;
  /** Position within the season for sorting: the episode, or e.g. 0.5 for an in-between special. */
  readonly order: number;
  /** For `Part N` names without a season: the story the part belongs to (`Demon Quest`). */
  readonly story: string | null;
  readonly show: string | null;
  readonly title: string | null;
  readonly convention: NamingConvention;
  /** The number as written (`S01E02`, `01x02`, `0101`, `28_05`), for messages. */
  readonly code: string;
  /** Human-readable: which convention, and where the season came from. */
  readonly how: string;
}

export type EpisodeNameResult =
  | { readonly name: EpisodeName; readonly reason: null }
  | { readonly name: null; readonly reason: string };

const B = '(?<![\\p{L}\\p{N}])'; // boundary before: not after a letter or digit
const A = '(?![\\p{L}\\p{N}])'; // boundary after

const SXXEYY = new RegExp(`${B}s(\\d{1,4})[ ._-]?e(\\d{1,4})`, 'iu');
const SXXEYY_MORE = /^(?:[ ._]?-?[ ._]?e(\d{1,4})|-(\d{1,4})(?![\p{L}\p{N}]))+/iu;
const WORDS = new RegExp(
  `${B}(?:season|series)[ ._-]*(\\d{1,3})[ ._,-]*(?:episode|ep)[ ._-]*(\\d{1,4})${A}`,
  'iu',
);
const NXNN = new RegExp(`${B}(\\d{1,2})x(\\d{2,3})(?:(?:-|x)(?:\\d{1,2}x)?(\\d{2,3}))?${A}`, 'iu');
const STORY_CODE = /^(\d{1,3})_(\d{1,2})(?:_(\d))?l?_(.*[\p{L}\p{N}].*)$/u;
const EPISODE_WORD = new RegExp(`${B}(?:episode|ep|e)[ ._-]?(\\d{1,4})${A}`, 'iu');
// prettier-ignore
const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen',
  'nineteen', 'twenty',
];
const PART = new RegExp(`${B}(?:part|pt)[ ._-]*(\\d{1,2}|${NUMBER_WORDS.join('|')})${A}`, 'iu');
const DASHED_NUMBER = /^(.*?\S)\s+-\s+(\d{1,4})(?:\s+-\s+(.*)|\s*[[(].*)?$/u;
const LEADING_NUMBER = /^(\d{1,4})(?:\s*[-.]\s+|\s+-?\s*|_)(.*\p{L}.*)$/u;
// An archive's series code and a number: `TAS001` (not `CD1`, `DVD01`, `Vol 2`).
const CODE_NUMBER =
  /^(?!(?:cd|dvd|disc|disk|vol|part|pt|ep)[ ._-]?\d)([a-z]{2,5})[ ._-]?(\d{2,3})$/iu;
const PAGE_CODE = /^([\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*)_([^\p{Lu}]*\p{L}[^\p{Lu}]*)$/u;

const SEASON_DIRS = [
  /^(?:season|series|saison|staffel|temporada|stagione|seizoen)[ ._-]*(\d{1,4})$/iu,
  /^s(\d{1,3})$/iu,
  /^(\d{1,2})$/u,
  new RegExp(`${B}(?:season|series)[ ._-]*(\\d{1,3})${A}`, 'iu'),
  new RegExp(`${B}s(\\d{1,2})${A}`, 'iu'),
];

// Release junk: a title ends where these begin. STRONG tokens end it after any separator;
// WEAK ones only after `.`, `[` or `(` ("The Web Planet" keeps its Web, "Title.WEB" does not).
const STRONG_JUNK =
  '\\d{3,4}[pi]|[48]k|uhd|hdtv|pdtv|sdtv|web-?dl|web-?rip|blu-?ray|bdrip|brrip|dvdrip|dvdscr|hdrip|' +
  'remux|x26[45]|h\\.?26[45]|hevc|xvid|divx|aac(?:2\\.0)?|e?ac3|dts|ddp?5\\.1|10bit|hdr(?:10)?|' +
  'addic7ed(?:\\.com)?|amzn|dsnp|hmax|atvp';
// prettier-ignore
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', french: 'fr', français: 'fr', francais: 'fr', german: 'de', deutsch: 'de',
  spanish: 'es', español: 'es', espanol: 'es', castellano: 'es', italian: 'it', italiano: 'it',
  portuguese: 'pt', português: 'pt', portugues: 'pt', brazilian: 'pt-BR', dutch: 'nl',
  nederlands: 'nl', swedish: 'sv', svenska: 'sv', norwegian: 'no', norsk: 'no', danish: 'da',
  dansk: 'da', finnish: 'fi', suomi: 'fi', polish: 'pl', polski: 'pl', russian: 'ru',
  japanese: 'ja', chinese: 'zh', korean: 'ko', arabic: 'ar', hebrew: 'he', greek: 'el',
  turkish: 'tr', czech: 'cs', hungarian: 'hu', romanian: 'ro', welsh: 'cy', irish: 'ga',
  eng: 'en', fre: 'fr', fra: 'fr', ger: 'de', deu: 'de', spa: 'es', ita: 'it', por: 'pt',
  dut: 'nl', nld: 'nl', swe: 'sv', nor: 'no', dan: 'da', fin: 'fi', pol: 'pl', rus: 'ru',
  jpn: 'ja', chi: 'zh', zho: 'zh', kor: 'ko', ara: 'ar', heb: 'he', gre: 'el', ell: 'el',
  tur: 'tr', cze: 'cs', ces: 'cs', hun: 'hu', rum: 'ro', ron: 'ro', wel: 'cy', cym: 'cy',
};
const ISO_639_1 = new Set(Object.values(LANGUAGE_NAMES).filter((c) => c.length === 2));
// Only full language names end a title ("Dan" and "Fin" are titles as well as codes).
const LANGUAGE_WORDS = Object.keys(LANGUAGE_NAMES).filter((w) => w.length > 3);
const WEAK_JUNK = `\\d{3,4}|web|dvd|proper|repack|rerip|internal|limited|extended|uncut|complete|multi|subbed|dubbed|nf|eng|${LANGUAGE_WORDS.join('|')}`;
// A language code or subtitle tag at the very end: `Pilot.en.forced`, `Pilot.pt-BR`, `Pilot.ita`.
const TRAILING_LANGUAGE = new RegExp(
  `(?:\\.(?:forced|sdh|hi|cc|default|${Object.keys(LANGUAGE_NAMES).join('|')}|${[...ISO_639_1].join('|')})(?:[-_][a-z]{2})?)+$`,
  'iu',
);
const JUNK = new RegExp(
  `(?:^|[\\s._\\-[(])(?:${STRONG_JUNK})(?=$|[\\s._\\-\\])])|[.[(](?:${WEAK_JUNK})(?=$|[\\s._\\-\\])])`,
  'iu',
);
const JUNK_TOKEN = new RegExp(`^(?:${STRONG_JUNK}|\\d{3,4})$`, 'iu');
// Tokens that may follow a subtitle's language: `.en.forced.srt`, `.English.C.updated.Addic7ed.com`.
const SUBTITLE_TAGS = new Set(
  'forced sdh hi cc default full c updated orig original addic7ed com'.split(' '),
);

const SMALL_WORDS = new Set(
  'a an and as at but by for from in into nor of on or the to vs with'.split(' '),
);

/**
 * Recognise season and episode (and show and title where present) from a relative path.
 * Folder names count: a season folder (`Season 1/`, `S01/`, `series/01/`) supplies the season
 * for `Episode_3.srt`, and an episode folder (`Show.S01E02.720p/Subs/English.srt`) the episode.
 * Returns the reason when nothing matches.
 */
export function parseEpisodeName(relativePath: string): EpisodeNameResult {
  const parts = relativePath.split(/[\\/]+/u).filter(Boolean);
  const file = parts.pop() ?? '';
  const base = stripExtension(file);
  const folders = parts.reverse(); // nearest first
  const fromBase = matchName(base);
  // A bare number yields to an episode folder: `Show.S01E02.720p/Subs/2_English.srt`.
  if (fromBase && fromBase.convention !== 'bare number')
    return { name: withFolderSeason(fromBase, folders), reason: null };
  for (const [i, folder] of folders.entries()) {
    const m = matchName(folder, true);
    if (!m || (fromBase && m.convention === 'episode word')) continue;
    const name = withFolderSeason(m, folders.slice(i + 1));
    return { name: { ...name, how: `${name.how}, from folder "${folder}"` }, reason: null };
  }
  if (fromBase) return { name: withFolderSeason(fromBase, folders), reason: null };
  const yearLike = /^(19|20)\d\d$/u.test(base);
  if (yearLike) return { name: null, reason: `"${base}" looks like a year, not an episode` };
  return { name: null, reason: `no season/episode number in "${base}"` };
}

/** Strip one extension: `Pilot.en.srt` -> `Pilot.en`. */
function stripExtension(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

type Draft = Omit<EpisodeName, 'how' | 'order' | 'story' | 'lastEpisode'> &
  Partial<Pick<EpisodeName, 'order' | 'story' | 'lastEpisode'>>;

function result(d: Draft): EpisodeName {
  return { lastEpisode: null, story: null, order: d.episode ?? 0, ...d, how: d.convention };
}

/** Try each convention on one path segment (without extension). Folders get the strict ones. */
function matchName(raw: string, isFolder = false): EpisodeName | null {
  const name = raw.replace(/^\s*\[[^\]]*\]\s*/u, ''); // leading [Group] tag
  let m = SXXEYY.exec(name);
  if (m) {
    const after = name.slice(m.index + m[0].length);
    if (!/^[\p{L}\p{N}]/u.test(after) || /^e\d/iu.test(after) || /^-\d/u.test(after)) {
      const more = SXXEYY_MORE.exec(after);
      const nums = more ? [...more[0].matchAll(/\d+/gu)].map((x) => Number(x[0])) : [];
      const rest = more ? after.slice(more[0].length) : after;
      const first = Number(m[2]);
      const last = nums.length ? Math.max(...nums) : null;
      return result({
        season: Number(m[1]),
        episode: first,
        lastEpisode: last !== null && last > first ? last : null,
        show: cleanShow(name.slice(0, m.index)),
        title: cleanTitle(rest),
        convention: 'SxxEyy',
        code: m[0] + (more ? more[0] : ''),
      });
    }
  }
  m = WORDS.exec(name);
  if (m)
    return result({
      season: Number(m[1]),
      episode: Number(m[2]),
      show: cleanShow(name.slice(0, m.index)),
      title: cleanTitle(name.slice(m.index + m[0].length)),
      convention: 'season-episode words',
      code: m[0],
    });
  m = NXNN.exec(name);
  if (m) {
    const first = Number(m[2]);
    const last = m[3] ? Number(m[3]) : null;
    return result({
      season: Number(m[1]),
      episode: first,
      lastEpisode: last !== null && last > first ? last : null,
      show: cleanShow(name.slice(0, m.index)),
      title: cleanTitle(name.slice(m.index + m[0].length)),
      convention: 'NxNN',
      code: m[0],
    });
  }
  if (isFolder) {
    m = EPISODE_WORD.exec(name);
    if (m && /^(?:episode|ep)\b/iu.test(m[0])) return episodeWord(name, m);
    return null;
  }
  m = STORY_CODE.exec(name);
  if (m) {
    const [s, n, half, rest] = [m[1]!, m[2]!, m[3], m[4]!];
    const title = cleanTitle(rest);
    const code = name.slice(0, name.length - rest.length - 1);
    // `3_1_5_...` sits between stories 1 and 2 (Mission to the Unknown). A zero-padded `05` may
    // be the same (0.5) or plain padding: placePaddedStoryCodes decides, seeing the whole series.
    if (half !== undefined)
      return result({
        season: Number(s),
        episode: null,
        order: Number(n) + Number(half) / 10,
        show: null,
        title,
        convention: 'story code',
        code,
      });
    return result({
      season: Number(s),
      episode: Number(n),
      show: null,
      title,
      convention: 'story code',
      code,
    });
  }
  m = EPISODE_WORD.exec(name);
  if (m) return episodeWord(name, m);
  // An archive's page code before a lower-case title: `DemonQuest1l_demon_quest_part_one_`.
  const page = PAGE_CODE.exec(name);
  const text = page ? page[2]! : name;
  m = PART.exec(text);
  if (m) {
    const n = /^\d+$/u.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS.indexOf(m[1]!.toLowerCase());
    const story = cleanTitle(text.slice(0, m.index));
    const after = cleanTitle(text.slice(m.index + m[0].length));
    return result({
      season: null,
      episode: n,
      story,
      show: null,
      title: story === null && after === null ? null : cleanTitle(text),
      convention: 'part',
      code: m[0],
    });
  }
  if (/^\d{1,4}$/u.test(name)) return digits(name, null, null);
  m = CODE_NUMBER.exec(name);
  if (m)
    return result({
      season: null,
      episode: Number(m[2]),
      show: null,
      title: null,
      convention: 'bare number',
      code: name,
    });
  m = DASHED_NUMBER.exec(name);
  if (m) return digits(m[2]!, cleanShow(m[1]!), m[3] === undefined ? null : cleanTitle(m[3]));
  m = LEADING_NUMBER.exec(name);
  if (m) return digits(m[1]!, null, cleanTitle(m[2]!));
  return null;
}

function episodeWord(name: string, m: RegExpExecArray): EpisodeName {
  return result({
    season: null,
    episode: Number(m[1]),
    show: cleanShow(name.slice(0, m.index)),
    title: cleanTitle(name.slice(m.index + m[0].length)),
    convention: 'episode word',
    code: m[0].replace(/^[ ._-]+/u, ''),
  });
}

/** `7` / `07` -> episode 7; `101` / `0101` -> season 1 episode 1 (checked per folder later). */
function digits(code: string, show: string | null, title: string | null): EpisodeName | null {
  const n = Number(code);
  if (code.length <= 2)
    return result({ season: null, episode: n, show, title, convention: 'bare number', code });
  if (code.length === 4 && /^(19|20)/u.test(code)) return null; // a year
  return result({
    season: Math.floor(n / 100),
    episode: n % 100,
    show,
    title,
    convention: 'season+episode digits',
    code,
  });
}

/** Fill a missing season from the nearest season folder (`Season 1`, `S01`, `series/01`). */
function withFolderSeason(name: EpisodeName, folders: readonly string[]): EpisodeName {
  const seasonless: readonly NamingConvention[] = ['episode word', 'part', 'bare number'];
  if (name.season !== null || !seasonless.includes(name.convention)) return name;
  for (const folder of folders) {
    for (const re of SEASON_DIRS) {
      const m = re.exec(folder);
      if (!m) continue;
      const season = Number(m[1]);
      if (season >= 1900) continue; // `2005/`: a year
      return { ...name, season, story: null, how: `${name.how}, season from folder "${folder}"` };
    }
  }
  return name;
}

/**
 * Season+episode digits only make sense beside their siblings (one folder's names): they are
 * trusted if every one reads as a plausible episode (1-39); otherwise, like Star Trek's
 * `tng/101.htm`..`277.htm` (episode 99?), they are order numbers. Same order out, plus a note.
 */
export function readDigitNames(names: readonly EpisodeName[]): {
  names: EpisodeName[];
  notes: string[];
} {
  const ssee = names.filter((n) => n.convention === 'season+episode digits');
  const implausible = ssee.find((n) => n.episode === null || n.episode < 1 || n.episode > 39);
  if (!implausible) return { names: [...names], notes: [] };
  const codes = ssee.map((n) => Number(n.code)).sort((a, b) => a - b);
  const note =
    `names ${codes[0]}..${codes.at(-1)} do not read as season+episode ("${implausible.code}" ` +
    `would be S${implausible.season}E${implausible.episode}); used them as order numbers`;
  const out = names.map((n): EpisodeName => {
    if (n.convention !== 'season+episode digits') return n;
    const e = Number(n.code);
    return {
      ...n,
      season: null,
      episode: e,
      order: e,
      convention: 'order number',
      how: 'order number',
    };
  });
  return { names: out, notes: [note] };
}

/**
 * A zero-padded story code (`28_05`) beside an unpadded one of the same season and number
 * (`28_5`) anywhere in the series is an in-between special (0.5), not a duplicate; where no
 * unpadded twin exists the padding is just padding. Same order out, plus a note per decision.
 */
export function placePaddedStoryCodes(names: readonly EpisodeName[]): {
  names: EpisodeName[];
  notes: string[];
} {
  const notes: string[] = [];
  const unpadded = new Set(
    names
      .filter((n) => n.convention === 'story code' && n.episode !== null && !/_0\d/u.test(n.code))
      .map((n) => `${n.season}:${n.episode}`),
  );
  const out = names.map((n): EpisodeName => {
    const padded = /_0(\d)/u.exec(n.code);
    if (n.convention !== 'story code' || !padded || !unpadded.has(`${n.season}:${n.episode}`))
      return n;
    const order = Number(`0.${padded[1]}`);
    notes.push(
      `"${n.code}" beside an unpadded story ${n.episode}: read as an in-between special (${order})`,
    );
    return { ...n, episode: null, order, how: `${n.how} (in-between special)` };
  });
  return { names: out, notes };
}

/**
 * The language a subtitle's name states, as a BCP 47 tag: `Pilot.en.srt` -> `en`,
 * `….English.C.updated.Addic7ed.com.srt` -> `en`, `x.pt-BR.srt` -> `pt-BR`, `x.eng.forced.srt`
 * -> `en`. Reads tokens from the end, past tags like `forced`/`sdh` and release junk.
 */
export function subtitleLanguage(fileName: string): string | null {
  const base = stripExtension(fileName.split(/[\\/]/u).pop() ?? '');
  const tokens = base.split(/[\s._[\]()]+/u).filter(Boolean);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const region = /^([a-z]{2})[-_]([a-z]{2})$/iu.exec(t);
    if (region && ISO_639_1.has(region[1]!.toLowerCase()))
      return `${region[1]!.toLowerCase()}-${region[2]!.toUpperCase()}`;
    const lower = t.toLowerCase();
    const named = LANGUAGE_NAMES[lower];
    if (named) return named;
    if (i === tokens.length - 1 || SUBTITLE_TAGS.has(tokens[i + 1]!.toLowerCase()))
      if (lower.length === 2 && ISO_639_1.has(lower)) return lower;
    if (!SUBTITLE_TAGS.has(lower) && !JUNK_TOKEN.test(t)) return null;
  }
  return null;
}

/** `.1080p x265 Joy.English…` -> null; ` - The limo.720.HDTV…` -> `The limo`. */
export function cleanTitle(raw: string): string | null {
  let s = raw.replace(TRAILING_LANGUAGE, '');
  const cut = JUNK.exec(s);
  if (cut) s = s.slice(0, cut.index);
  if (!/\s/u.test(s.trim())) s = s.replace(/\./gu, ' ');
  s = s.replace(/_/gu, ' ').replace(/\s+/gu, ' ');
  s = s.replace(/^[\s\-–—:.,]+|[\s\-–—:.,([{]+$/gu, '').replace(/\s+part$/iu, '');
  if (!/[\p{L}\p{N}]/u.test(s)) return null;
  return s === s.toLowerCase() ? titleCase(s) : s;
}

/** `How.I.Met.Your.Mother.` -> `How I Met Your Mother`; `Doctor.Who.2005` -> `Doctor Who (2005)`. */
export function cleanShow(raw: string): string | null {
  const noGroup = raw.replace(/^\s*\[[^\]]*\]\s*/u, '');
  // A year right before the episode marker names the show (`Doctor.Who.2005.S01E01`).
  const year = /[\s._(]((?:19|20)\d\d)\)?[\s._-]*$/u.exec(noGroup);
  const t = cleanTitle(year ? noGroup.slice(0, year.index) : noGroup);
  if (t === null) return null;
  return year ? `${t} (${year[1]})` : t;
}

/** `the doctor, the widow, and the wardrobe` -> `The Doctor, the Widow, and the Wardrobe`. */
export function titleCase(s: string): string {
  return s
    .split(' ')
    .map((w, i) =>
      i > 0 && SMALL_WORDS.has(w)
        ? w
        : w.replace(/^(\P{L}*)(\p{L})/u, (_m, pre: string, c: string) => pre + c.toUpperCase()),
    )
    .join(' ');
}

/** `S01E03`: the episode id Receipts writes (numbers padded to two digits, text kept as is). */
export function seasonEpisodeId(season: number, episode: number | string): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  return `S${pad(season)}E${typeof episode === 'number' ? pad(episode) : episode}`;
}
