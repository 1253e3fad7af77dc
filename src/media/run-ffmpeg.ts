import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ReceiptsError, type ErrorCode } from '../domain/errors.js';
import { ffmpegReason, formatCommand } from './ffmpeg-output.js';

/**
 * The one place Receipts starts a process: ffmpeg and ffprobe run here and nowhere else, so
 * cancelling, progress, partial files and error messages behave the same for every use.
 * fontconfig's `fc-list` and `fc-match` run here too (media/fonts.ts checks a caption font with
 * them): they are short read-only queries, and a second spawn site would mean a second copy of
 * the error, cancel and missing-tool handling. gifsicle (media/gifsicle.ts) runs here for the
 * same reason: the GIF size budget's lossless and lossy re-encodes.
 */
export interface FfmpegRun {
  readonly tool: 'ffmpeg' | 'ffprobe' | 'fc-list' | 'fc-match' | 'gifsicle';
  readonly args: readonly string[];
  /** The input file, named in every error. */
  readonly file: string;
  /** A file the run writes: removed when it fails or is cancelled, so no partial file stays. */
  readonly output?: string;
  readonly signal?: AbortSignal;
  /** Each line of stderr as it arrives (progress lines included). */
  readonly onStderrLine?: (line: string) => void;
  /** Each chunk of stdout as it arrives; stdout is then not kept in the result. */
  readonly onStdout?: (chunk: Buffer) => void;
  /** The exact command line, called before the process starts (for `--verbose`). */
  readonly onCommand?: (command: string) => void;
  /** The code of the error for a non-zero exit (default MEDIA_UNREADABLE). */
  readonly failureCode?: ErrorCode;
}

export interface FfmpegResult {
  /** Everything written to stdout, unless `onStdout` took it. */
  readonly stdout: Buffer;
  /** The last lines of stderr (at most 100). */
  readonly stderr: readonly string[];
}

const STDERR_KEEP = 100;

const TOOL_ENV: Partial<Record<FfmpegRun['tool'], string>> = {
  ffmpeg: 'RECEIPTS_FFMPEG',
  ffprobe: 'RECEIPTS_FFPROBE',
  gifsicle: 'RECEIPTS_GIFSICLE',
};

/**
 * The binary for a tool: `$RECEIPTS_FFMPEG`, `$RECEIPTS_FFPROBE` or `$RECEIPTS_GIFSICLE` when
 * set, else the tool's name found on PATH.
 */
export function toolPath(tool: FfmpegRun['tool']): string {
  const name = TOOL_ENV[tool];
  const env = name === undefined ? undefined : process.env[name];
  return env !== undefined && env !== '' ? env : tool;
}

/**
 * Run a tool (ffmpeg, ffprobe, fontconfig's, gifsicle) to the end. Rejects with a ReceiptsError naming the file and giving
 * ffmpeg's own reason in one line: MEDIA_TOOL_MISSING when the tool is not installed,
 * `failureCode` for a non-zero exit, CANCELLED when `signal` aborts (the process is killed).
 */
export function runFfmpeg(run: FfmpegRun): Promise<FfmpegResult> {
  const place = { file: run.file };
  const removeOutput = () => {
    if (run.output !== undefined) rmSync(run.output, { force: true });
  };
  const cancelled = () =>
    new ReceiptsError('CANCELLED', `${run.tool} was cancelled; nothing was kept.`, place);
  if (run.signal?.aborted) return Promise.reject(cancelled());

  const binary = toolPath(run.tool);
  run.onCommand?.(formatCommand(binary, run.args));
  return new Promise<FfmpegResult>((resolve, reject) => {
    const child = spawn(binary, run.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const stderr: string[] = [];
    let partial = '';
    let failure: Error | null = null;
    let aborted = false;

    const stop = (why: unknown) => {
      failure ??=
        why instanceof Error ? why : new Error('An ffmpeg callback failed.', { cause: why });
      child.kill('SIGKILL');
    };
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    run.signal?.addEventListener('abort', onAbort, { once: true });

    const takeLine = (line: string) => {
      if (line === '') return;
      stderr.push(line);
      if (stderr.length > STDERR_KEEP) stderr.shift();
      try {
        run.onStderrLine?.(line);
      } catch (e) {
        stop(e);
      }
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      const parts = (partial + text).split(/\r\n|\r|\n/u);
      partial = parts.pop() ?? '';
      for (const line of parts) takeLine(line);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (run.onStdout === undefined) {
        chunks.push(chunk);
        return;
      }
      try {
        run.onStdout(chunk);
      } catch (e) {
        stop(e);
      }
    });

    child.on('error', (e: NodeJS.ErrnoException) => {
      failure ??=
        e.code === 'ENOENT'
          ? new ReceiptsError(
              'MEDIA_TOOL_MISSING',
              `${run.tool} is not installed (looked for "${binary}"): run scripts/install-system-packages.sh.`,
              place,
              { cause: e },
            )
          : e;
    });
    child.on('close', (code, signalName) => {
      run.signal?.removeEventListener('abort', onAbort);
      takeLine(partial);
      const done = code === 0 && failure === null && !aborted;
      if (!done) removeOutput();
      if (aborted) return reject(cancelled());
      if (failure !== null) return reject(failure);
      if (code !== 0) {
        const status = code === null ? `killed by ${signalName ?? 'a signal'}` : `exit ${code}`;
        return reject(
          new ReceiptsError(
            run.failureCode ?? 'MEDIA_UNREADABLE',
            `${run.tool} cannot read it: ${ffmpegReason(stderr, run.file)} (${status}).`,
            place,
          ),
        );
      }
      resolve({ stdout: Buffer.concat(chunks), stderr });
    });
  });
}
