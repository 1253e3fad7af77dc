/**
 * Progress of an ffmpeg run from one line of its stderr. Understands the `-progress` key=value
 * lines (`out_time_us=`, `out_time=`, `progress=end`) and the classic status line
 * (`frame=  24 fps=0.0 ... time=00:00:01.00 ...`). Pure, so it is tested on literal lines.
 */

/** Media time reached, in ms, or `'end'` when ffmpeg says it finished; null for other lines. */
export function parseFfmpegTime(line: string): number | 'end' | null {
  const text = line.trim();
  if (text === 'progress=end') return 'end';
  const us = /^out_time_us=(\d+)$/.exec(text);
  if (us) return Math.round(Number(us[1]) / 1000);
  const clock = /(?:^out_time=|\btime=)(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(text);
  if (!clock) return null;
  if (clock[1] === '-') return 0; // ffmpeg prints a negative time before the first frame
  const ms = (Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4])) * 1000;
  return Math.round(ms);
}

/**
 * Percentage done (0-100, one decimal) for a line, given the duration of the media ffmpeg
 * reads; null when the line says nothing about progress or the duration is unknown.
 */
export function parseFfmpegProgress(line: string, durationMs: number): number | null {
  const t = parseFfmpegTime(line);
  if (t === null) return null;
  if (t === 'end') return 100;
  if (!(durationMs > 0)) return null;
  return Math.min(100, Math.round((1000 * t) / durationMs) / 10);
}
