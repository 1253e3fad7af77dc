import type { Ms } from '../domain/time.js';

/** One cue to write: its parts (one per speaker) share the cue's times. */
export interface VttCue {
  readonly startMs: Ms;
  readonly endMs: Ms;
  readonly parts: readonly {
    /** Display text: `\n` line breaks, `<i>..</i>` italics, nothing else. */
    readonly styled: string;
    readonly speaker: string | null;
  }[];
}

/** `01:02:03.456`: WebVTT always has hours here, so every player reads it. */
function vttTime(ms: Ms): string {
  const t = Math.max(0, Math.round(ms));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(t / 3_600_000))}:${pad(Math.floor(t / 60_000) % 60)}:${pad(Math.floor(t / 1000) % 60)}.${pad(t % 1000, 3)}`;
}

/** Cue text is markup: escape it, then let the italics we keep through. */
function escapeText(styled: string): string {
  return styled
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('&lt;i&gt;', '<i>')
    .replaceAll('&lt;/i&gt;', '</i>');
}

// A voice annotation ends at `>`; `&` and `<` would start markup.
const voiceName = (name: string) => name.replace(/[<>&\n\r]/gu, ' ').trim();

/**
 * A WebVTT file. Each part is its own line, in a `<v Speaker>` voice span when the speaker is
 * known, so players show who speaks; a cue with two speakers keeps the dialogue dashes.
 * `notes` become NOTE blocks after the header (provenance: source file, retiming, alignment).
 */
export function writeVtt(cues: readonly VttCue[], notes: readonly string[] = []): string {
  const blocks = ['WEBVTT'];
  for (const n of notes) blocks.push(`NOTE ${n.replaceAll('-->', '->').replace(/\n{2,}/gu, '\n')}`);
  for (const c of cues) {
    const dash = c.parts.length > 1 ? '- ' : '';
    const lines = c.parts.map((p) => {
      const text = escapeText(p.styled);
      const spoken = p.speaker ? `<v ${voiceName(p.speaker)}>${text}</v>` : text;
      return dash + spoken;
    });
    // A blank line would end the cue early: keep every line non-empty.
    const body = lines.join('\n').replace(/\n\s*\n/gu, '\n');
    blocks.push(`${vttTime(c.startMs)} --> ${vttTime(Math.max(c.startMs, c.endMs))}\n${body}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
