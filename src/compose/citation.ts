import { formatTimecode } from '../domain/time.js';
import type { Citation, Credits } from './post-nodes.js';

/** `2x03`, or the episode id when season or number is unknown. */
export function episodeCode(c: Pick<Citation, 'episodeId' | 'season' | 'number'>): string {
  return c.season !== null && c.number !== null
    ? `${c.season}x${String(c.number).padStart(2, '0')}`
    : c.episodeId;
}

/** `To the Last Man (2x03)`, or just `2x03` without a title. */
export function episodeName(c: Citation): string {
  return c.title === null || c.title === '' ? episodeCode(c) : `${c.title} (${episodeCode(c)})`;
}

/** `To the Last Man (2x03), 41:12`: title, season x episode, whole-second timecode. */
export function formatCitation(c: Citation): string {
  return c.timeMs === null
    ? episodeName(c)
    : `${episodeName(c)}, ${formatTimecode(c.timeMs, { fraction: false })}`;
}

/** The default GIF credit: `gifs by <author>`, or `gifs made with Receipts` without one. */
export function gifCreditOf(settings: { gifCredit?: string; author?: string }): string {
  if (settings.gifCredit !== undefined) return settings.gifCredit;
  return settings.author === undefined ? 'gifs made with Receipts' : `gifs by ${settings.author}`;
}

/** Credits from every citation in the post: each episode once, in canon order. */
export function creditsOf(
  cited: readonly Citation[],
  order: ReadonlyMap<string, number>,
  gifCredit: string | null,
): Credits {
  const byId = new Map<string, Citation>();
  for (const c of cited) if (!byId.has(c.episodeId)) byId.set(c.episodeId, { ...c, timeMs: null });
  const episodes = [...byId.values()].sort(
    (a, b) =>
      (order.get(a.episodeId) ?? Number.MAX_SAFE_INTEGER) -
      (order.get(b.episodeId) ?? Number.MAX_SAFE_INTEGER),
  );
  return { gifCredit, episodes };
}

/** Subtitle markup (`<i>`, `{\an8}`) and line breaks out of a caption, for alt text. */
export function plainCaption(styled: string): string {
  return styled
    .replace(/<[^>]*>/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a GIF shows, for its alt text. */
export interface AltParts {
  /** `Jack Harkness: "You are a lifesaver."`, `Ianto Jones kisses Jack Harkness` ... */
  readonly what: string | null;
  /** The captions burnt into the GIF, in order. */
  readonly captions: readonly string[];
  readonly citation: Citation;
}

/**
 * Alt text for a GIF: what it shows (the line and who says it, or the moment), the captions
 * that are not already that line, and where it is from. Screen readers read it whole, so it
 * stays one or two sentences.
 */
export function altText(p: AltParts): string {
  const said = p.what ?? '';
  const captions = p.captions.filter((c) => c !== '' && !said.includes(c));
  const parts = [
    said === '' ? 'A GIF' : said,
    captions.length === 0 ? '' : `Captions: "${captions.join(' / ')}"`,
  ].filter((x) => x !== '');
  return `${parts.join('. ')} (${formatCitation(p.citation)}).`;
}

/** A moment in words for alt text: `Ianto Jones kiss, to Jack Harkness (love)`. */
export function describeMoment(m: {
  readonly term: string;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
  readonly readings: readonly string[];
  readonly note: string | null;
}): string {
  const who = m.mutual
    ? `${m.recipients.join(' and ')}: ${m.term}`
    : `${m.initiator ?? 'Someone'}: ${m.term}${m.recipients.length > 0 ? `, to ${m.recipients.join(' and ')}` : ''}`;
  const read = m.readings.length > 0 ? ` (read as ${m.readings.join(', ')})` : '';
  const note = m.note !== null && m.note.trim() !== '' ? `. ${m.note.trim()}` : '';
  return `${who}${read}${note}`;
}
