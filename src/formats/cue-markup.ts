import * as mediaCaptions from 'media-captions';
import type { Ms } from '../domain/time.js';
import { plainLine, tidyLine, type RichLine, type Run } from './rich-text.js';

// The subset of media-captions we use, typed here: its published .d.ts files re-export
// with extensionless paths, which NodeNext resolution cannot follow, so TypeScript sees
// an empty module. (The runtime exports are fine.)
type VTTNode =
  | { readonly type: 'text'; readonly data: string }
  // `voice` is missing for a `<v` tag the text never closes with `>`.
  | { readonly type: 'v'; readonly voice?: string; readonly children: readonly VTTNode[] }
  | {
      readonly type: 'c' | 'i' | 'b' | 'u' | 'ruby' | 'rt' | 'lang' | 'timestamp';
      readonly children: readonly VTTNode[];
    };
interface CueLike {
  text: string;
  startTime: number;
  endTime: number;
}
const { tokenizeVTTCue } = mediaCaptions as unknown as {
  // Declared for a VTTCue, but reads only these three fields; a plain object avoids
  // constructing an EventTarget per cue.
  tokenizeVTTCue: (cue: CueLike) => VTTNode[];
};

/**
 * WebVTT cue text -> display lines, via media-captions' cue-text tokenizer (tags, classes,
 * `<v>` voices, entities, ruby, inline timestamps). Italics survive as italic runs; a
 * voice applies to the lines it starts on; ruby text (`<rt>`) is dropped because it
 * duplicates the base text for search.
 */
export function vttTextToLines(text: string, startMs: Ms, endMs: Ms): RichLine[] {
  if (!/[<&]/.test(text)) return plainLines(text); // most cues: no markup at all
  // In-range inline timestamps are compared with the cue times, in seconds.
  const nodes = tokenizeVTTCue({ text, startTime: startMs / 1000, endTime: endMs / 1000 });
  const lines: { runs: Run[]; voice: string | null }[] = [{ runs: [], voice: null }];
  const push = (data: string, italic: boolean, voice: string | null): void => {
    const pieces = data.split('\n');
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) lines.push({ runs: [], voice: null });
      const piece = pieces[i] ?? '';
      const line = lines[lines.length - 1];
      if (!line || piece === '') continue;
      line.runs.push({ text: piece, italic });
      if (line.voice === null && voice !== null && piece.trim() !== '') line.voice = voice;
    }
  };
  const walk = (list: readonly VTTNode[], italic: boolean, voice: string | null): void => {
    for (const node of list) {
      if (node.type === 'text') push(node.data, italic, voice);
      else if (node.type !== 'rt') {
        const v = node.type === 'v' ? node.voice?.trim() || null : voice;
        walk(node.children, italic || node.type === 'i', v);
      }
    }
  };
  walk(nodes, false, null);
  return lines.map(tidyLine);
}

// An HTML-ish tag, an ASS override block `{\...}` (common in SRTs made from ASS), or a
// `<` that starts no tag.
// Attributes must start with a space, so name and attributes cannot trade characters.
const SRT_MARKUP = /<(\/?)([A-Za-z][\w-]*)(?:\s[^<>]*)?>|\{\\([^{}]*)\}|</g;
const KEPT_TAGS = new Set(['i', 'b', 'u']);

/**
 * SubRip cue text -> display lines. SubRip has no markup spec: players honour `<i>`,
 * `<b>`, `<u>`, `<font ..>` and ASS-style `{\i1}`; everything else is shown or hidden
 * inconsistently. We keep `<i>`/`{\i1}` italics, drop every other tag and override block
 * (`{\an8}` positions, `<font>`), and keep a `<` that opens no tag as text ("I <3 you").
 */
export function srtTextToLines(text: string, startMs: Ms, endMs: Ms): RichLine[] {
  if (!/[<{&]/.test(text)) return plainLines(text);
  const vtt = text.replace(
    SRT_MARKUP,
    (whole, close: string | undefined, name: string | undefined, ass: string | undefined) => {
      if (ass !== undefined) return assItalicsAsTags(ass);
      if (name !== undefined) {
        const tag = name.toLowerCase();
        return KEPT_TAGS.has(tag) ? `<${close ?? ''}${tag}>` : '';
      }
      return whole === '<' ? '&lt;' : '';
    },
  );
  return vttTextToLines(vtt, startMs, endMs);
}

function plainLines(text: string): RichLine[] {
  return text.split('\n').map((l) => tidyLine(plainLine(l)));
}

/** `i1\an8` (the inside of `{\i1\an8}`) -> `<i>`; `\i0` or a bare `\i` -> `</i>`. */
function assItalicsAsTags(block: string): string {
  let out = '';
  for (const tag of block.split('\\')) {
    const m = /^i(\d*)$/.exec(tag.trim());
    if (m) out += m[1] !== '' && m[1] !== '0' ? '<i>' : '</i>';
  }
  return out;
}
