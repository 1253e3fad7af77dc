/**
 * Pure helpers around ffmpeg's text: the command line as a user can paste it, and a
 * one-line reason from what ffmpeg printed when it failed.
 */

const PROGRESS_KEY =
  /^(frame|fps|stream_\d+_\d+_q|bitrate|total_size|out_time_us|out_time_ms|out_time|dup_frames|drop_frames|speed|progress)=/;
const STATUS_LINE = /^frame=\s*\d+\s+fps=/;

/** True for `-progress` key=value lines and the classic status line. */
export function isProgressLine(line: string): boolean {
  const t = line.trim();
  return PROGRESS_KEY.test(t) || STATUS_LINE.test(t);
}

/** Quote one argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./-]+$/u.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** The exact command, as it would be typed in a shell (for `--verbose`). */
export function formatCommand(tool: string, args: readonly string[]): string {
  return [tool, ...args].map(shellQuote).join(' ');
}

/**
 * The reason ffmpeg gave for a failure, as one line: its last two distinct messages, without
 * the `[demuxer @ 0x...]` prefixes and the file name it repeats (the error names the file).
 */
export function ffmpegReason(stderrLines: readonly string[], file?: string): string {
  const messages: string[] = [];
  for (const raw of stderrLines) {
    if (isProgressLine(raw)) continue;
    let line = raw.trim().replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/u, '');
    if (file !== undefined && line.startsWith(`${file}: `)) line = line.slice(file.length + 2);
    if (line === '' || messages.at(-1) === line) continue;
    messages.push(line);
  }
  const last = messages.slice(-2);
  return last.length === 0 ? 'no reason given' : last.join('; ');
}
