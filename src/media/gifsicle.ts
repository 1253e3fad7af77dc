import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';
import type { MediaRunOptions } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';

/**
 * gifsicle (Debian package `gifsicle`, GPL-2, a separate binary like ffmpeg) re-encodes a GIF
 * that ffmpeg made: losslessly (`-O2`), or with lossy LZW (`--lossy=N`, what gif makers call
 * "lossy compression"), the size budget's last rung. `-O2` and not `-O3`: on friday.mp4 at
 * 540 px they differ by 0.01 % of the bytes and `-O3` takes three times the CPU
 * (BENCHMARKS.md "GIF quality").
 */

/** The highest lossy level the budget uses; gifsicle's own scale has no fixed top. */
export const MAX_LOSSY = 200;

/** gifsicle arguments re-encoding `input` to `output`: level 0 is lossless, N > 0 lossy. */
export function gifsicleArgs(level: number, input: string, output: string): string[] {
  if (!Number.isInteger(level) || level < 0) {
    throw new Error(`a lossy level is a whole number from 0, not ${level}`);
  }
  return ['--no-warnings', '-O2', ...(level > 0 ? [`--lossy=${level}`] : []), input, '-o', output];
}

/**
 * Re-encode `input` at `level` into `output` through the one spawn site: written to a temp
 * file beside `output` (removed when the run fails or is cancelled), renamed when complete.
 * MEDIA_TOOL_MISSING names the Debian package when gifsicle is not installed.
 */
export async function runGifsicle(
  level: number,
  input: string,
  output: string,
  options: MediaRunOptions = {},
): Promise<void> {
  const temp = join(dirname(output), `.${basename(output)}.${randomBytes(4).toString('hex')}.part`);
  try {
    await runFfmpeg({
      tool: 'gifsicle',
      args: gifsicleArgs(level, input, temp),
      file: input,
      output: temp,
      signal: options.signal,
      onCommand: options.onCommand,
    });
    renameSync(temp, output);
  } catch (e) {
    if (e instanceof ReceiptsError && e.code === 'MEDIA_TOOL_MISSING') {
      throw new ReceiptsError(
        'MEDIA_TOOL_MISSING',
        'gifsicle (Debian package gifsicle) is not installed; GIF size budgets compress with it ' +
          '(scripts/install-system-packages.sh).',
        { file: input },
        { cause: e },
      );
    }
    throw e;
  } finally {
    rmSync(temp, { force: true });
  }
}
