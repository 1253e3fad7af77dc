/** `1:02:03.4` / `2:03.4` from ms, as the CLI shows times (tenths are enough to find a line). */
export function timecode(ms: number): string {
  const total = Math.max(0, Math.round(ms / 100));
  const tenths = total % 10;
  const s = Math.floor(total / 10);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}.${tenths}` : `${m}:${sec}.${tenths}`;
}
