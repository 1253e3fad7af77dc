import { ReceiptsError, type Finding } from '../domain/errors.js';
import type { ParsedTranscript, TranscriptDialect } from '../domain/transcript.js';
import { decodeText } from './decode-text.js';
import { rankTranscriptDialects } from './detect-transcript-dialect.js';
import type { DialectResult } from './inline-directions.js';
import { parseChakoteyaHtml } from './transcript-chakoteya-html.js';
import { parseChakoteyaText } from './transcript-chakoteya-text.js';
import { parseTranscriptCsv } from './transcript-csv.js';
import { parseFrasierTranscript } from './transcript-frasier.js';

/** One episode read from a transcript file. A CSV holds many; the other dialects one. */
export interface TranscriptPart {
  /** Null for a single-episode file; for a CSV, the Episode column, so a manifest can pick it. */
  readonly key: string | null;
  readonly season: number | null;
  readonly number: number | null;
  readonly title: string | null;
  readonly transcript: ParsedTranscript;
}

export interface ReadTranscriptResult {
  /** The encoding the bytes were decoded from (`UTF-8`, `windows-1252`...). */
  readonly encoding: string;
  readonly parts: TranscriptPart[];
  readonly findings: Finding[];
}

export interface ReadTranscriptOptions {
  /** Read as this dialect instead of detecting one. */
  readonly dialect?: TranscriptDialect;
}

const ALL: readonly TranscriptDialect[] = ['chakoteya-text', 'chakoteya-html', 'csv', 'frasier'];

/**
 * Read a transcript file of any dialect Receipts knows: decode the bytes, detect the dialect
 * from the content (extension as a hint) unless one is given, and parse.
 * When the detected dialect finds no dialogue, the next likely one is tried.
 * Throws FILE_EMPTY / FILE_BINARY / ENCODING_UNDETECTED from decoding, and
 * TRANSCRIPT_MALFORMED when no dialect finds a speaker line.
 */
export function readTranscript(
  bytes: Uint8Array,
  file: string,
  options: ReadTranscriptOptions = {},
): ReadTranscriptResult {
  const { text, encoding } = decodeText(bytes, file);
  const candidates =
    options.dialect !== undefined ? [options.dialect] : rankTranscriptDialects(text, file);
  let firstError: ReceiptsError | null = null;
  for (const dialect of candidates) {
    let result: { parts: TranscriptPart[]; findings: Finding[] };
    try {
      result = parseAs(dialect, text, file);
    } catch (e) {
      if (!(e instanceof ReceiptsError)) {
        throw new ReceiptsError(
          'INTERNAL',
          `reading the ${dialect} transcript failed`,
          { file },
          { cause: e },
        );
      }
      firstError ??= e;
      continue;
    }
    if (result.parts.some((p) => p.transcript.lines.some((l) => l.kind === 'dialogue'))) {
      return { encoding, parts: result.parts, findings: result.findings };
    }
  }
  if (firstError !== null) throw firstError;
  const tried = (options.dialect !== undefined ? [options.dialect] : ALL).join(', ');
  throw new ReceiptsError(
    'TRANSCRIPT_MALFORMED',
    `no speaker lines found: this is not a transcript in a known dialect (${tried})`,
    { file },
  );
}

/** Parse decoded text as one dialect; exported for tools that already hold the text. */
export function parseAs(
  dialect: TranscriptDialect,
  text: string,
  file: string,
): { parts: TranscriptPart[]; findings: Finding[] } {
  switch (dialect) {
    case 'csv':
      return parseTranscriptCsv(text, file);
    case 'chakoteya-html':
      return single(parseChakoteyaHtml(text, file));
    case 'chakoteya-text':
      return single(parseChakoteyaText(text, file));
    case 'frasier':
      return single(parseFrasierTranscript(text, file));
  }
}

function single(r: DialectResult): { parts: TranscriptPart[]; findings: Finding[] } {
  const { transcript, season, number, findings } = r;
  return { parts: [{ key: null, season, number, title: transcript.title, transcript }], findings };
}
