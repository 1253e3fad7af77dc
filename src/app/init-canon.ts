import type { Dirent } from 'node:fs';
import { link, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  cleanShow,
  parseEpisodeName,
  placePaddedStoryCodes,
  seasonEpisodeId,
  readDigitNames,
  subtitleLanguage,
  type EpisodeName,
} from '../domain/episode-naming.js';
import { ReceiptsError } from '../domain/errors.js';
import { csvEpisodes, mergeEpisodes, titlesFromTranscripts } from './init-from-contents.js';
import { pairingNotes } from './init-pairing-notes.js';
import { NO_PAIRING, pairSubtitlesByContent, type ContentPairingReport } from './init-pairing.js';
import {
  slugify,
  stringifyManifest,
  type Manifest,
  type ManifestEpisode,
} from '../formats/canon-manifest.js';

/** `receipts init <folder>`: a first canon.yaml from the names of a series folder's files. */

export type FileRole = 'video' | 'subtitle' | 'transcript';

export interface InitMatch {
  /** Relative to the scanned folder, forward slashes. */
  readonly file: string;
  readonly episodeId: string;
  readonly role: FileRole;
  /** Which naming convention placed it, e.g. `NxNN` or `episode word, season from folder "01"`. */
  readonly how: string;
}

export interface InitUnmatched {
  readonly file: string;
  readonly reason: string;
}

export interface InitReport {
  /** Episodes may be empty when nothing matched; writeManifest refuses to write that. */
  readonly manifest: Manifest;
  readonly matched: readonly InitMatch[];
  readonly unmatched: readonly InitUnmatched[];
  readonly warnings: readonly string[];
  /** How subtitle files were re-paired by their content (empty with `byName`). */
  readonly pairing: ContentPairingReport;
}
// prettier-ignore
const ROLES: Record<string, FileRole> = {
  mkv: 'video', mp4: 'video', m4v: 'video', webm: 'video', avi: 'video', mov: 'video',
  srt: 'subtitle', vtt: 'subtitle', ass: 'subtitle', ssa: 'subtitle',
  txt: 'transcript', htm: 'transcript', html: 'transcript', csv: 'transcript', md: 'transcript',
};

export const MANIFEST_FILE = 'canon.yaml';
export const CSV_REASON = 'a CSV transcript that could not be read';

/** The role a file plays, by extension; null for files Receipts does not read. */
export function roleOf(file: string): FileRole | null {
  const ext = extensionOf(file);
  return ext === null ? null : (ROLES[ext] ?? null);
}

/** `Season 1/Pilot.EN.SRT` -> `srt`; null without one (`LICENSE`, `v1.0/README`). */
function extensionOf(file: string): string | null {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

/**
 * Scan a series folder by file names (reading only multi-episode CSVs, and the headers of
 * transcripts whose names give no title) and propose a manifest.
 * Files with the same season and episode become one episode `SxxEyy`; the rest are listed as
 * unmatched with the reason. Output is sorted and does not depend on directory order.
 */
export async function scanCanonFolder(
  folder: string,
  options: { title?: string; byName?: boolean } = {},
): Promise<InitReport> {
  const walkWarnings: string[] = [];
  const files = naturalSort(await listFiles(folder, walkWarnings), (f) => f);
  const warnings = walkWarnings.sort(naturalCompare); // folders are read in parallel
  const unmatched: InitUnmatched[] = [];
  const candidates: { file: string; role: FileRole; name: EpisodeName }[] = [];
  const csvFiles: string[] = [];
  for (const file of files) {
    const role = roleOf(file);
    const ext = extensionOf(file);
    if (role === null) {
      const what = ext === null ? 'no extension' : `.${ext}`;
      unmatched.push({ file, reason: `not a video, subtitle or transcript (${what})` });
    } else if (ext === 'csv') csvFiles.push(file);
    else if (role === 'video' && /(?:^|[\s._/-])sample(?:$|[\s._/-])/iu.test(file))
      unmatched.push({ file, reason: 'a sample clip' });
    else {
      const parsed = parseEpisodeName(file);
      if (parsed.name) candidates.push({ file, role, name: parsed.name });
      else unmatched.push({ file, reason: parsed.reason });
    }
  }

  // Some names only read right beside their siblings: digits within a folder (`0101` is
  // S01E01 but `199` is not S01E99), story codes across the series (`28_05` beside `28_5`).
  const byDir = groupBy(candidates, (c) => c.file.slice(0, c.file.lastIndexOf('/') + 1));
  for (const [dir, group] of byDir) {
    const { names, notes } = readDigitNames(group.map((c) => c.name));
    group.forEach((c, i) => (c.name = names[i]!));
    for (const n of notes) warnings.push(`${dir || './'}: ${n}`);
  }
  const placed = placePaddedStoryCodes(candidates.map((c) => c.name));
  candidates.forEach((c, i) => (c.name = placed.names[i]!));
  warnings.push(...placed.notes);

  const episodes = new Map<string, Draft>();
  const matched: InitMatch[] = [];
  for (const c of candidates) {
    const id = episodeId(c.name);
    let ep = episodes.get(id);
    if (!ep) episodes.set(id, (ep = { id, name: c.name, titles: [], files: [] }));
    if (c.role === 'video' && ep.files.some((f) => f.role === 'video')) {
      const kept = ep.files.find((f) => f.role === 'video')!.file;
      unmatched.push({
        file: c.file,
        reason: `another video already stands for ${id} (${kept}); a manifest lists one video per episode`,
      });
      continue;
    }
    ep.files.push({ file: c.file, role: c.role });
    if (c.name.title) ep.titles.push(c.name.title);
    if (c.name.lastEpisode !== null)
      warnings.push(
        `${c.file}: covers episodes ${c.name.episode}-${c.name.lastEpisode}; listed under ${id}`,
      );
    matched.push({ file: c.file, episodeId: id, role: c.role, how: c.name.how });
  }

  const drafts = [...episodes.values()].sort(compareDrafts);
  let manifestEpisodes = drafts.map((d) => toManifestEpisode(d, warnings));
  for (const file of csvFiles) {
    const fromCsv = await csvEpisodes(folder, file).catch((e: unknown) => {
      unmatched.push({
        file,
        reason: `${CSV_REASON} (${e instanceof Error ? e.message : String(e)})`,
      });
      return [];
    });
    if (fromCsv.length) {
      manifestEpisodes = mergeEpisodes(manifestEpisodes, fromCsv);
      for (const e of fromCsv)
        matched.push({
          file,
          episodeId: e.id,
          role: 'transcript',
          how: `CSV part ${e.transcripts[0]?.part ?? ''}`,
        });
    }
  }
  manifestEpisodes = await titlesFromTranscripts(folder, manifestEpisodes);
  const title = seriesTitle(folder, options.title, candidates, warnings);
  if (!manifestEpisodes.length)
    warnings.push(`no file in ${folder} is named like an episode; nothing to write`);
  const named = { id: slugify(title), title, characters: [], episodes: manifestEpisodes };
  const { manifest, report: pairing } = options.byName
    ? { manifest: named, report: NO_PAIRING }
    : await pairSubtitlesByContent(folder, named);
  return {
    manifest,
    matched, // already in file order
    unmatched: naturalSort(unmatched, (u) => u.file),
    warnings,
    pairing,
  };
}

/**
 * Write `<folder>/canon.yaml` (or `out`) atomically (a temp file, then link or rename). Refuses to replace
 * an existing manifest unless `force`. Returns the path written.
 */
export async function writeManifest(
  folder: string,
  report: InitReport,
  options: { force?: boolean; out?: string } = {},
): Promise<string> {
  // With `out`, the manifest lives elsewhere (the media folder may be read-only); `root`
  // points back at the folder, so file paths stay relative to the folder that was scanned.
  const target = options.out ?? join(folder, MANIFEST_FILE);
  const dir = dirname(target);
  const root = relative(dir, resolve(folder)).split(sep).join('/');
  report = { ...report, manifest: { ...report.manifest, ...(root ? { root } : {}) } };
  const exists = () =>
    new ReceiptsError('USAGE', `${target} already exists; pass --force to replace it`, {
      file: target,
    });
  if (!report.manifest.episodes.length)
    throw new ReceiptsError('USAGE', `no episodes were recognised in ${folder}; nothing to write`);
  if (!options.force && (await stat(target).catch(() => null))) throw exists();
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const cannotWrite = (e: unknown) =>
    new ReceiptsError(
      'FILE_UNWRITABLE',
      `cannot write ${target} (${errno(e) ?? 'error'})`,
      { file: target },
      { cause: e },
    );
  try {
    await writeFile(tmp, stringifyManifest(report.manifest, manifestHeader(report)), {
      flag: 'wx',
    });
    if (options.force) await rename(tmp, target);
    else {
      // link() fails if the target appeared meanwhile, where rename() would replace it.
      try {
        await link(tmp, target);
      } catch (e) {
        if (errno(e) === 'EEXIST') throw exists();
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errno(e) ?? '')) throw e;
        await rename(tmp, target); // file systems without hard links
      }
    }
  } catch (e) {
    throw e instanceof ReceiptsError ? e : cannotWrite(e);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return target;
}

interface Draft {
  readonly id: string;
  readonly name: EpisodeName;
  readonly titles: string[];
  readonly files: { file: string; role: FileRole }[];
}

/** `S01E03`; `S28E00.5` for an in-between special; `E07` without a season; `demon-quest-part-2`. */
export function episodeId(n: EpisodeName): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  const whole = Math.floor(n.order);
  const e = n.episode ?? `${pad(whole)}.${Math.round((n.order - whole) * 10)}`;
  const num = typeof e === 'number' ? pad(e) : e;
  if (n.season !== null) return seasonEpisodeId(n.season, num);
  if (n.story !== null) return `${slugify(n.story)}-part-${n.episode ?? num}`;
  return `E${num}`;
}

function toManifestEpisode(d: Draft, warnings: string[]): ManifestEpisode {
  const of = (role: FileRole) => d.files.filter((f) => f.role === role).map((f) => f.file);
  const transcripts = of('transcript');
  const subtitles = of('subtitle').map((file) => ({
    file,
    language: subtitleLanguage(file),
    cues: null,
  }));
  if (transcripts.length > 1)
    warnings.push(`${d.id}: ${transcripts.length} transcripts (${transcripts.join(', ')})`);
  const byLanguage = groupBy(subtitles, (s) => s.language ?? '(unknown)');
  for (const [lang, subs] of byLanguage)
    if (subs.length > 1)
      warnings.push(
        `${d.id}: ${subs.length} subtitles in ${lang} (${subs.map((s) => s.file).join(', ')})`,
      );
  const distinct = [...new Map(d.titles.map((t) => [titleKey(t), t])).entries()];
  const disagree = distinct.filter(
    ([k]) => !distinct.every(([o]) => o.includes(k) || k.includes(o)),
  );
  if (disagree.length)
    warnings.push(
      `${d.id}: names disagree on the title (${distinct.map(([, t]) => `"${t}"`).join(', ')}); check the numbering`,
    );
  return {
    id: d.id,
    season: d.name.season,
    number: d.name.episode,
    title: bestTitle(d.titles),
    airDate: null,
    storyOrder: null,
    video: of('video')[0] ?? null,
    subtitles,
    transcripts: transcripts.map((file) => ({ file, dialect: null, part: null })),
  };
}

/** The longest title (most complete: "Orphan 55" over "Orphan"), then the most frequent. */
function bestTitle(titles: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  const ranked = [...counts].sort(
    ([a, ca], [b, cb]) => b.length - a.length || cb - ca || naturalCompare(a, b),
  );
  return ranked[0]?.[0] ?? null;
}

function titleKey(t: string): string {
  return t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function compareDrafts(a: Draft, b: Draft): number {
  const sa = a.name.season;
  const sb = b.name.season;
  if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
  return (
    (sa ?? 0) - (sb ?? 0) ||
    naturalCompare(a.name.story ?? '', b.name.story ?? '') ||
    a.name.order - b.name.order ||
    naturalCompare(a.id, b.id)
  );
}

/** The given title; else the show most names agree on; else the folder's name, cleaned. */
function seriesTitle(
  folder: string,
  given: string | undefined,
  candidates: readonly { name: EpisodeName }[],
  warnings: string[],
): string {
  if (given?.trim()) return given.trim();
  const shows = candidates.map((c) => c.name.show).filter((s): s is string => s !== null);
  const byKey = groupBy(shows, titleKey);
  const [top] = [...byKey.values()].sort((a, b) => b.length - a.length);
  if (top && top.length * 2 >= candidates.length) return bestTitle(top)!;
  const abs = resolve(folder);
  // `frasier/data`, `show/subs`: a generic folder name says less than its parent's.
  const generic = /^(?:data|files|media|subs?|subtitles|scripts|transcripts|video|videos|tv)$/iu;
  const name = generic.test(basename(abs)) ? basename(resolve(abs, '..')) : basename(abs);
  const title = folderTitle(name) ?? basename(abs);
  warnings.push(`series title "${title}" comes from the folder name; give a title to change it`);
  return title;
}

const FOLDER_JUNK =
  /(?<![\p{L}\p{N}])(?:s\d{1,2}|season\s*\d+|series\s*\d+|complete|subs?|subtitles|srt|transcripts?|scripts|raw|html?|csv|addic7ed|opensubtitles|subscene|chakoteya)(?![\p{L}\p{N}])/giu;

/** `himym-s01-addic7ed-srt` -> `Himym`; `frasier-transcripts-and-srt` -> `Frasier`. */
export function folderTitle(name: string): string | null {
  const words = name.replace(/[._-]+/gu, ' ').replace(FOLDER_JUNK, ' ');
  const trimmed = words.replace(/(?:\s+(?:and|with|of|&))+\s*$/iu, '');
  return cleanShow(trimmed);
}

function manifestHeader(report: InitReport): string {
  const lines = [
    'Written by `receipts init` from file names and contents: check titles and numbering, add characters.',
  ];
  const shown = report.unmatched.slice(0, 30);
  if (shown.length) {
    lines.push(`${report.unmatched.length} file(s) were not matched to an episode:`);
    // A file name may hold a line break; it must not end the comment.
    for (const u of shown) lines.push(`  ${u.file}: ${u.reason}`.replace(/[\r\n]+/gu, ' '));
    if (report.unmatched.length > shown.length)
      lines.push(`  ...and ${report.unmatched.length - shown.length} more`);
  }
  lines.push(...pairingNotes(report.pairing, 30));
  return lines.join('\n');
}

/** Relative paths (forward slashes) of the files under `folder`; hidden entries are skipped. */
async function listFiles(folder: string, warnings: string[]): Promise<string[]> {
  let top: Dirent[];
  try {
    top = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    const code = errno(e);
    if (code === 'ENOENT')
      throw new ReceiptsError('FILE_NOT_FOUND', `no such folder: ${folder}`, { file: folder });
    if (code === 'ENOTDIR')
      throw new ReceiptsError('USAGE', `${folder} is a file; give the series folder`, {
        file: folder,
      });
    throw new ReceiptsError(
      'FILE_UNREADABLE',
      `cannot read folder ${folder} (${code})`,
      {
        file: folder,
      },
      { cause: e },
    );
  }
  const out: string[] = [];
  const visit = async (entries: Dirent[], rel: string): Promise<void> => {
    const subdirs: Promise<void>[] = [];
    for (const d of entries) {
      if (d.name.startsWith('.')) continue; // hidden files, .receipts, .git
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (!rel && d.name === MANIFEST_FILE) continue;
      let isDir = d.isDirectory();
      if (d.isSymbolicLink()) {
        const s = await stat(join(folder, path)).catch(() => null);
        if (s?.isDirectory()) {
          warnings.push(`${path}/: a symbolic link to a folder; not followed`);
          continue;
        }
        isDir = false;
        if (!s?.isFile()) continue;
      }
      if (isDir)
        subdirs.push(
          readdir(join(folder, path), { withFileTypes: true }).then(
            (sub) => visit(sub, path),
            (e: unknown) => void warnings.push(`${path}/: cannot read (${errno(e) ?? 'error'})`),
          ),
        );
      else if (d.isFile() || d.isSymbolicLink()) out.push(path);
    }
    await Promise.all(subdirs);
  };
  await visit(top, '');
  return out;
}

function errno(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Sort by `naturalCompare` of a key, splitting each key into runs once (thousands of files). */
function naturalSort<T>(items: readonly T[], key: (t: T) => string): T[] {
  const keyed = items.map((item) => ({ item, k: key(item), runs: runsOf(key(item)) }));
  keyed.sort((a, b) => compareRuns(a.runs, b.runs) || codePointCompare(a.k, b.k));
  return keyed.map((x) => x.item);
}

type Run = { readonly text: string; readonly lower: string; readonly num: number | null };

function runsOf(s: string): Run[] {
  return (s.match(/\d+|\D+/gu) ?? []).map((text) => ({
    text,
    lower: text.toLowerCase(),
    num: /^\d/u.test(text) ? Number(text) : null,
  }));
}

function compareRuns(ta: readonly Run[], tb: readonly Run[]): number {
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x.text === y.text) continue;
    if (x.num !== null && y.num !== null) return x.num - y.num || x.text.length - y.text.length; // `01` after `1`
    if (x.lower !== y.lower) return x.lower < y.lower ? -1 : 1;
  }
  return ta.length - tb.length;
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `Episode_2` before `Episode_10`, `fr` before `The`; ties broken by code point, so the order is
 * the same on every machine (no locale).
 */
export function naturalCompare(a: string, b: string): number {
  return compareRuns(runsOf(a), runsOf(b)) || codePointCompare(a, b);
}
