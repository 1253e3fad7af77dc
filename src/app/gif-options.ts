import { extname } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';
import { parseTimecode } from '../domain/time.js';
import { DEFAULT_MAX_BYTES, parseByteSize } from '../media/budget.js';
import { parseCrop, WIDTH_PRESETS, type ClipFormat, type Crop } from '../media/clip-plan.js';

/**
 * Parsing of the `gif` and `frame` flags into values: pure, each failure a USAGE error that
 * names the flag.
 */

const usage = (message: string) => new ReceiptsError('USAGE', message);

/** A time on the command line: `41:12.5`, `1:02:03`, `41m12s`, `1h2m`, `95.5s`, `95.5`. */
export function parseClipTime(flag: string, text: string): number {
  const t = text.trim().toLowerCase();
  const hms = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d{1,3})?)s)?$/u.exec(t);
  if (hms && t !== '' && /[hm]/u.test(t)) {
    const [, h, m, s] = hms;
    return Math.round(((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + Number(s ?? 0)) * 1000);
  }
  const ms = parseTimecode(t);
  if (ms === null) {
    throw usage(`${flag} "${text}" is not a time (try 41:12.5, 41m12s or 2472.5).`);
  }
  return ms;
}

/** `--width`: a number of pixels or a preset name (single 540, two 268, three 177). */
export function parseWidth(text: string): number {
  const t = text.trim().toLowerCase();
  if (t in WIDTH_PRESETS) return WIDTH_PRESETS[t as keyof typeof WIDTH_PRESETS];
  if (!/^\d+$/u.test(t)) {
    throw usage(
      `--width "${text}" is not a width: give pixels (540, 268, 177) or single|two|three.`,
    );
  }
  return Number(t);
}

/** `--crop full|square|WxH+X+Y`. */
export function parseCropOption(text: string): Crop {
  const crop = parseCrop(text);
  if (crop === null)
    throw usage(`--crop "${text}" is not full, square or WxH+X+Y (e.g. 300x300+40+0).`);
  return crop;
}

/** A plain number flag within bounds. */
export function parseNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw usage(`${flag} must be a number from ${min} to ${max} (got "${text}").`);
  }
  return n;
}

const FORMATS: readonly ClipFormat[] = ['gif', 'webp', 'mp4', 'png', 'jpg'];

/**
 * The output format: `--format`, else the extension of `--out`, else `fallback`. `allowed`
 * limits it (GIF/WebP/MP4 for `gif`, PNG/JPEG for `frame`).
 */
export function pickFormat(
  format: string | undefined,
  out: string | undefined,
  allowed: readonly ClipFormat[],
  fallback: ClipFormat,
): ClipFormat {
  const fromOut = out === undefined ? '' : extname(out).slice(1).toLowerCase();
  const named = format?.toLowerCase() ?? (fromOut === 'jpeg' ? 'jpg' : fromOut);
  if (named === '' || (format === undefined && !FORMATS.includes(named as ClipFormat))) {
    return fallback;
  }
  if (!allowed.includes(named as ClipFormat)) {
    throw usage(`The format "${named}" is not one of ${allowed.join(', ')}.`);
  }
  return named as ClipFormat;
}

/**
 * The GIF size budget: `--max-bytes` (`2000000`, `300KB`, `10MB`, `5.5MB`), else
 * `$RECEIPTS_MAX_BYTES`, else 10 MB. A budget under 1 KB cannot hold a GIF and is refused.
 */
export function parseMaxBytes(
  text: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const fromEnv = env.RECEIPTS_MAX_BYTES;
  const [flag, given] =
    text !== undefined
      ? ['--max-bytes', text]
      : fromEnv !== undefined && fromEnv.trim() !== ''
        ? ['$RECEIPTS_MAX_BYTES', fromEnv]
        : [null, null];
  if (flag === null) return DEFAULT_MAX_BYTES;
  const bytes = parseByteSize(given);
  if (bytes === null || bytes < 1000) {
    throw usage(`${flag} "${given}" is not a size of at least 1 KB (try 10MB, 5.5MB or 300KB).`);
  }
  return bytes;
}
