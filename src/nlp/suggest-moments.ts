import { CodebookIndex, type Codebook } from '../domain/codebook.js';
import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { Discourse } from './discourse.js';
import { readDirection } from './read-direction.js';
import { PeopleIndex, type CharacterInput } from './people-index.js';
import { readLines } from './read-lines.js';

export interface SuggestInput {
  /** The episode id the suggestions belong to. */
  readonly episode: string;
  /** The transcript file, as it should appear in provenance. */
  readonly file: string;
  readonly lines: readonly TranscriptLine[];
  /** The canon's characters; speakers of the transcript not among them are added as they are written. */
  readonly characters: readonly CharacterInput[];
  readonly codebook: Codebook;
}

/**
 * Read every stage direction of a transcript and suggest the acts it says happen: who does
 * what (a codebook term of tier `action`, or `gaze`) to whom. Pure: lines in, suggestions out,
 * in line order. Acts not in the codebook are not suggested.
 */
export function suggestMoments(input: SuggestInput): Suggestion[] {
  const known = new Set(input.characters.flatMap((c) => [c.name, ...c.aliases]));
  const people = new PeopleIndex([
    ...input.characters,
    ...speakerLabels(input.lines)
      .filter((l) => !known.has(l))
      .map((l) => ({ name: l.toUpperCase(), aliases: [l] })),
  ]);
  const speakerName = (label: string): string => people.resolve(label) ?? label.toUpperCase();
  const codebook = new CodebookIndex(input.codebook);

  const { sentences, lineNames, addressed, genders } = readLines(input.lines, people, speakerName);
  const discourse = new Discourse(
    input.lines,
    speakerName,
    (i) => lineNames[i] ?? [],
    genders,
    (i) => addressed[i] ?? [],
  );

  const out: Suggestion[] = [];
  const scope = { discourse, groups: [] };
  input.lines.forEach((l, i) => {
    if (l.kind !== 'action') return;
    const setting = { episode: input.episode, file: input.file, line: l, codebook, scope };
    const speaker = l.speaker === null ? null : speakerName(l.speaker);
    out.push(...readDirection({ index: i, sentences: sentences.get(i) ?? [], speaker, setting }));
  });
  return out;
}

/** Every speaker label of the transcript, as written. */
function speakerLabels(lines: readonly TranscriptLine[]): string[] {
  const out = new Set<string>();
  for (const l of lines) if (l.kind === 'dialogue') out.add(l.speaker);
  return [...out];
}
