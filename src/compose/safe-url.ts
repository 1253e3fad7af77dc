/**
 * URLs a post may link to or show: http(s), mailto, and relative ones. Checked the way
 * hast-util-sanitize checks them (white space and control characters removed, then the part
 * before the first `:` is a scheme unless a `/`, `?` or `#` comes first), so `java\tscript:`
 * and `JavaScript:` are caught too.
 */
const SAFE = new Set(['http', 'https', 'mailto']);

export function isSafeUrl(url: string, allowed: ReadonlySet<string> = SAFE): boolean {
  // eslint-disable-next-line no-control-regex
  const u = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const colon = u.indexOf(':');
  if (colon === -1) return true;
  const first = [u.indexOf('/'), u.indexOf('?'), u.indexOf('#')].filter((i) => i !== -1);
  if (first.some((i) => i < colon)) return true;
  return allowed.has(u.slice(0, colon).toLowerCase());
}

/** Is this an absolute http(s) URL (what a platform can fetch)? */
export function isAbsoluteHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** `base` + `/` + `file`, with exactly one slash between them. */
export function joinUrl(base: string, file: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(file)}`;
}
