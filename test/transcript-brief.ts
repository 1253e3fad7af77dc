import type { TranscriptLine } from '../src/domain/transcript.js';

/** One short string per transcript line (`12 JACK [OC]: text`, `13 (kisses her) ~JACK`), for readable expectations. */
export function brief(lines: readonly TranscriptLine[]): string[] {
  return lines.map((l) => {
    if (l.kind === 'scene') return `${l.line} [${l.text}]`;
    if (l.kind === 'action') return `${l.line} (${l.text})${l.speaker ? ` ~${l.speaker}` : ''}`;
    return `${l.line} ${l.speaker}${l.qualifier ? ` [${l.qualifier}]` : ''}: ${l.text}`;
  });
}
