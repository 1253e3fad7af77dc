/** Times inside Receipts are integer milliseconds; timecodes exist only at the edges. */
export type Ms = number;

/**
 * Parse `h:mm:ss.mmm`, `mm:ss.mmm`, `hh:mm:ss,mmm` (SRT) or plain seconds `12.5`.
 * Returns null when the text is not a timecode.
 */
export function parseTimecode(text: string): Ms | null {
  const t = text.trim();
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(t);
  if (m) {
    const [, h, mm, ss, frac] = m;
    const minutes = Number(mm);
    const seconds = Number(ss);
    if (seconds >= 60 || (h !== undefined && minutes >= 60)) return null;
    const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
    return ((Number(h ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + ms;
  }
  const s = /^(\d+)(?:\.(\d{1,3}))?s?$/.exec(t);
  if (s) return Number(s[1]) * 1000 + (s[2] === undefined ? 0 : Number(s[2].padEnd(3, '0')));
  return null;
}

/** `1:02:03.456`, or `2:03.456` under an hour. */
export function formatTimecode(ms: Ms, options: { fraction?: boolean } = {}): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(Math.round(ms));
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const frac = abs % 1000;
  const tail = options.fraction === false ? '' : `.${String(frac).padStart(3, '0')}`;
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}${tail}`;
  return sign + (h > 0 ? `${h}:${mmss}` : mmss);
}
