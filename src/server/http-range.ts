/** A byte span of a file, both ends included (as Content-Range writes it). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Read a `Range` request header against a file of `size` bytes.
 * - no header, or a unit other than bytes: null (answer 200 with the whole file);
 * - `bytes=a-b`, `bytes=a-`, `bytes=-n`: the span, its end clamped to the file;
 * - anything else in bytes (malformed, past the end, an empty file): 'unsatisfiable' (416).
 * Only the first of several ranges is served: browsers ask for one, and one part keeps
 * the answer a plain 206 instead of multipart/byteranges.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const m = /^\s*bytes\s*=\s*(.*)$/iu.exec(header);
  if (!m) return null;
  const first = (m[1] ?? '').split(',')[0]!.trim();
  const spec = /^(\d*)-(\d*)$/u.exec(first);
  if (!spec || (spec[1] === '' && spec[2] === '') || size === 0) return 'unsatisfiable';
  const [, from = '', to = ''] = spec;
  if (from === '') {
    // A suffix: the last n bytes.
    const n = Number(to);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
