import { SingleBar } from 'cli-progress';

export interface ProgressBar<T> {
  readonly update: (progress: T) => void;
  readonly stop: () => void;
}

const SILENT = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr when it is a terminal (and silent for pipes, CI and --json):
 * `read` turns each progress event into a value out of a total and a label, shown in
 * `format` as `{value}`, `{total}`, `{percentage}` and `{label}`.
 */
export function progressBar<T>(
  enabled: boolean,
  format: string,
  read: (progress: T) => { value: number; total: number; label?: string },
): ProgressBar<T> {
  if (!enabled) return SILENT;
  let bar: SingleBar | null = null;
  return {
    update(progress) {
      const { value, total, label = '' } = read(progress);
      if (bar === null) {
        bar = new SingleBar({
          format,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(total, 0, { label });
      }
      bar.update(value, { label });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

/** A bar for work reported as a percentage (ffmpeg). */
export const percentBar = (enabled: boolean, what: string): ProgressBar<number> =>
  progressBar(enabled, `${what} [{bar}] {percentage}%`, (percent: number) => ({
    value: Math.floor(percent),
    total: 100,
  }));
