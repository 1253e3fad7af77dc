import { ReceiptsError } from '../domain/errors.js';
import type { MediaRunOptions } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { editDistance } from '../domain/edit-distance.js';

/**
 * The caption font (`--font`), checked against fontconfig before ffmpeg starts. libass asks
 * fontconfig for the family and silently falls back to another font when it is missing, so a
 * typo would give captions in the wrong face. `fc-match` always answers with some font, so the
 * check lists the installed families (`fc-list : family`); `fc-match` is asked only for a
 * missing family, for the font fontconfig would use instead (its metric aliases know that
 * Times New Roman is Liberation Serif, which no spelling distance finds).
 */

/** `fc-list` arguments printing one line per font with its family names. */
export const FC_LIST_ARGS: readonly string[] = [':', 'family'];

/** `fc-match` arguments printing the first family of the font used in place of `family`. */
export function fcMatchArgs(family: string): string[] {
  return ['-f', '%{family[0]}', family];
}

/** The family names in `fc-list : family` output: each line may hold aliases, comma-separated. */
export function parseFamilies(text: string): string[] {
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/u)) {
    for (const name of line.split(',')) {
      // fc-list escapes some characters (`\-`) in names.
      const clean = name.replace(/\\(.)/gu, '$1').trim();
      if (clean !== '') names.add(clean);
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

const fold = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The installed families closest to `wanted`, best first: those sharing a word with it, then by
 * edit distance over letters and digits (so `liberationsans` and `Liberation-Sans` are near).
 */
export function closeFamilies(wanted: string, families: readonly string[], max = 3): string[] {
  const target = fold(wanted);
  const words = new Set(
    wanted
      .toLowerCase()
      .split(/\s+/u)
      .filter((w) => w.length > 2),
  );
  const score = (family: string) => {
    const shared = family
      .toLowerCase()
      .split(/\s+/u)
      .some((w) => words.has(w));
    const f = fold(family);
    return editDistance(target, f) / Math.max(target.length, f.length, 1) - (shared ? 1 : 0);
  };
  return families
    .map((family) => ({ family, s: score(family) }))
    .sort((x, y) => x.s - y.s || x.family.localeCompare(y.family))
    .slice(0, max)
    .map((x) => x.family);
}

/** A family name that can go into the ASS style line: no comma, no control character. */
export function checkFamilyName(wanted: string): string {
  const name = wanted.trim();
  if (name === '' || /[,\p{Cc}]/u.test(name)) {
    throw new ReceiptsError('USAGE', `--font "${wanted}" is not a font family name.`);
  }
  return name;
}

/**
 * The installed spelling of `wanted` (matched without regard to case or spacing, as
 * fontconfig does), or a USAGE error in one line naming the closest installed families,
 * `substitute` (what fc-match would use) first when it is known.
 */
export function pickFamily(
  wanted: string,
  families: readonly string[],
  substitute: string | null = null,
): string {
  const name = checkFamilyName(wanted);
  const found = families.find((f) => fold(f) === fold(name));
  if (found !== undefined) return found;
  // A near spelling (a typo) beats fc-match's answer, which for an unknown name is only the
  // default font; otherwise fc-match's answer (a metric alias) comes first.
  const spelled = closeFamilies(name, families);
  const typo = spelled.filter((f) => editDistance(fold(name), fold(f)) <= fold(name).length / 4);
  const sub = substitute !== null && families.includes(substitute) ? [substitute] : [];
  const close = [...new Set([...typo, ...sub, ...spelled])].slice(0, 3);
  throw new ReceiptsError(
    'USAGE',
    `The font "${name}" is not installed; ` +
      (close.length === 0
        ? 'fontconfig lists no fonts at all (install fonts-liberation2).'
        : `close installed families: ${close.join(', ')} (all: fc-list : family).`),
  );
}

/**
 * Check a caption font against the installed families and return its installed spelling;
 * USAGE names the close families when it is missing, MEDIA_TOOL_MISSING when fontconfig's
 * tools are not installed.
 */
export async function checkFontFamily(
  wanted: string,
  options: MediaRunOptions = {},
): Promise<string> {
  const name = checkFamilyName(wanted);
  const families = parseFamilies((await fontconfig('fc-list', FC_LIST_ARGS, options)).trim());
  if (families.some((f) => fold(f) === fold(name))) return pickFamily(name, families);
  const substitute = (await fontconfig('fc-match', fcMatchArgs(name), options)).trim();
  return pickFamily(name, families, substitute === '' ? null : substitute);
}

/** Run a fontconfig tool through the one spawn site; its stdout as text. */
async function fontconfig(
  tool: 'fc-list' | 'fc-match',
  args: readonly string[],
  options: MediaRunOptions,
): Promise<string> {
  try {
    const { stdout } = await runFfmpeg({
      tool,
      args,
      file: 'fontconfig',
      signal: options.signal,
      onCommand: options.onCommand,
    });
    return stdout.toString('utf8');
  } catch (e) {
    if (e instanceof ReceiptsError && e.code === 'MEDIA_TOOL_MISSING') {
      throw new ReceiptsError(
        'MEDIA_TOOL_MISSING',
        `${tool} (Debian package fontconfig) is not installed; --font is checked with it.`,
        {},
        { cause: e },
      );
    }
    throw e;
  }
}
