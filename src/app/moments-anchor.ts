import type { CanonStore, StoredSource } from '../store/canon-store.js';
import { invalid } from './moments-validate.js';

/** A transcript line a moment is anchored to: its `seq`, and its file and 1-based line. */
export interface Anchor {
  readonly seq: number;
  readonly file: string;
  readonly line: number;
}

/**
 * The transcript line that starts at 1-based source line `line` of the episode's transcript
 * (`file` picks one when the episode has several). A line inside a wrapped speech or
 * direction is refused with the line it starts at, rather than guessed.
 */
export async function resolveAnchor(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  line: number,
  file?: string,
): Promise<Anchor> {
  const transcripts = (await store.episodeSources(seriesId, episodeId)).filter(
    (s) => s.role === 'transcript',
  );
  const source = pickTranscript(transcripts, episodeId, file);
  const sorted = [...source.lines].sort((a, b) => a.line - b.line);
  // A speech and a direction inside it share a line: anchor to the direction.
  const on = sorted.filter((l) => l.line === line);
  const hit = on.find((l) => l.kind === 'action') ?? on[0];
  if (hit !== undefined) return { seq: hit.seq, file: source.path, line: hit.line };
  const before = sorted.filter((l) => l.line < line).at(-1);
  const after = sorted.find((l) => l.line > line);
  const near = [before, after]
    .filter((l) => l !== undefined)
    .map((l) => `${l.line} (${l.kind === 'action' ? 'direction' : l.kind})`);
  throw invalid(
    'line',
    `line ${line} of ${source.path} starts no speech or direction` +
      (near.length === 0 ? '' : `; the nearest start at lines ${near.join(' and ')}`),
  );
}

function pickTranscript(
  transcripts: readonly StoredSource[],
  episodeId: string,
  file: string | undefined,
): StoredSource {
  const paths = transcripts.map((t) => t.path).join(', ');
  if (transcripts.length === 0) {
    throw invalid('line', `${episodeId} has no transcript to count --line in`);
  }
  if (file !== undefined) {
    const found =
      transcripts.find((t) => t.path === file) ??
      transcripts.find((t) => t.path.endsWith(`/${file}`));
    if (found === undefined) {
      throw invalid('file', `${episodeId} has no transcript "${file}" (it has ${paths})`);
    }
    return found;
  }
  if (transcripts.length > 1) {
    throw invalid(
      'file',
      `${episodeId} has ${transcripts.length} transcripts (${paths}): say which --line counts in with --file`,
    );
  }
  return transcripts[0]!;
}
