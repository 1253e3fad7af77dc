import { readFileSync } from 'node:fs';
import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { parseCodebook } from '../formats/codebook-yaml.js';
import { findRefs } from './find-refs.js';
import { PeopleIndex } from './people-index.js';
import type { Item } from './refs.js';
import { suggestMoments } from './suggest-moments.js';
import { tokenize } from './tokens.js';

/** The shipped default codebook, for tests of the suggester. */
export const DEFAULT_CODEBOOK = parseCodebook(
  readFileSync(new URL('../../codebooks/interaction.yaml', import.meta.url), 'utf8'),
  'codebooks/interaction.yaml',
);

// Speakers as transcripts write them: `KIRK`, `D84`, `NEXT DOCTOR`.
const SPEAKER = '[A-Z][A-Z0-9]*(?: [A-Z0-9]+)*';
const INLINE = new RegExp(`^(${SPEAKER}): \\((.*)\\)$`);
const SAID = new RegExp(`^(${SPEAKER})(?: \\[([^\\]]+)\\])?: (.*)$`);

/**
 * A tiny transcript from `SPEAKER: words` (or `SPEAKER [OC]: words`, with a qualifier),
 * `(direction)`, `SPEAKER: (inline direction)` and `[Scene heading]` lines, one source line each.
 */
export function script(...rows: string[]): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  rows.forEach((row, i) => {
    const line = i + 1;
    const inline = INLINE.exec(row);
    const said = SAID.exec(row);
    const heading = /^\[(.*)\]$/.exec(row);
    if (heading) out.push({ kind: 'scene', seq: out.length, line, text: heading[1]! });
    else if (inline)
      out.push({ kind: 'action', seq: out.length, line, text: inline[2]!, speaker: inline[1]! });
    else if (said) {
      out.push({
        kind: 'dialogue',
        seq: out.length,
        line,
        speaker: said[1]!,
        qualifier: said[2] ?? null,
        text: said[3]!,
      });
    } else
      out.push({
        kind: 'action',
        seq: out.length,
        line,
        text: row.replace(/^\(|\)$/g, ''),
        speaker: null,
      });
  });
  return out;
}

/** Suggestions of a script as `line action INITIATOR>RECIPIENT+RECIPIENT` (`*` marks mutual). */
export function suggest(...rows: string[]): string[] {
  return suggestMoments({
    episode: 'E1',
    file: 'e1.txt',
    lines: script(...rows),
    characters: [],
    codebook: DEFAULT_CODEBOOK,
  })
    .filter((s) => s.tier === 'action')
    .map(brief);
}

export function brief(s: Suggestion): string {
  const who = s.mutual
    ? `*${[...s.recipients].sort().join('+')}`
    : `${s.initiator ?? '?'}>${s.recipients.join('+')}`;
  return `${s.source.line} ${s.action} ${who}${s.part ? ` @${s.part}` : ''}`;
}

/** One sentence read into tokens and people, with the given characters known. */
export function readSentence(text: string, ...characters: string[]): Item[] {
  const people = new PeopleIndex(characters.map((name) => ({ name, aliases: [] })));
  return findRefs(tokenize(text)[0] ?? [], people);
}

/** The refs of a sentence, each as its names (or pronoun), `'s` marking a possessive. */
export function refsOf(items: readonly Item[]): string[] {
  return items.flatMap((it) => {
    if (it.kind !== 'ref') return [];
    const who = it.ref.names.length > 0 ? it.ref.names.join('+') : (it.ref.pronoun ?? it.ref.kind);
    return [`${who}${it.ref.possessive ? "'s" : ''}`];
  });
}
