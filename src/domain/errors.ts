/**
 * One registry of error codes. Each code maps to a CLI exit code and an HTTP status,
 * so every edge reports the same failure the same way (see errors.test.ts).
 */
export const ERROR_CODES = {
  USAGE: { exit: 64, http: 400, summary: 'The command was called with bad arguments.' },
  MANIFEST_INVALID: {
    exit: 65,
    http: 422,
    summary: 'canon.yaml is not valid; the message names the path.',
  },
  CODEBOOK_INVALID: {
    exit: 65,
    http: 422,
    summary: 'A codebook YAML is not valid; the message names the file, line and path.',
  },
  FILE_NOT_FOUND: {
    exit: 66,
    http: 404,
    summary: 'A file named on the command line or in the manifest does not exist.',
  },
  FILE_UNREADABLE: {
    exit: 66,
    http: 422,
    summary: 'A file exists but cannot be read (permissions, a folder, an I/O error).',
  },
  FILE_UNWRITABLE: {
    exit: 73,
    http: 500,
    summary: 'Receipts cannot write a file it must create (permissions, a full disk).',
  },
  FILE_EMPTY: { exit: 65, http: 422, summary: 'A subtitle or transcript file holds no content.' },
  FILE_BINARY: { exit: 65, http: 422, summary: 'A file that should be text holds binary data.' },
  FILE_UNSUPPORTED: {
    exit: 65,
    http: 415,
    summary: 'The file type is not one Receipts reads (by extension and content).',
  },
  ENCODING_UNDETECTED: {
    exit: 65,
    http: 422,
    summary: 'The text encoding of a file could not be determined.',
  },
  SUBTITLE_MALFORMED: {
    exit: 65,
    http: 422,
    summary: 'A subtitle file has a malformed timestamp or cue; the message names the line.',
  },
  TRANSCRIPT_MALFORMED: {
    exit: 65,
    http: 422,
    summary:
      'A transcript file could not be read as any known dialect; the message names the line.',
  },
  QUERY_INVALID: {
    exit: 64,
    http: 400,
    summary: 'A search query or filter could not be understood.',
  },
  CLAIM_INVALID: {
    exit: 64,
    http: 400,
    summary:
      'A claim could not be read (unknown character or term, malformed JSON); the message says which part.',
  },
  CLAIM_CONTRADICTED: {
    exit: 1,
    http: 409,
    summary: '`check --strict` (or `compose --strict`) found a claim the canon contradicts.',
  },
  NOT_FOUND: {
    exit: 69,
    http: 404,
    summary: 'An episode, character or other named thing is not in the library.',
  },
  DB_UNREADABLE: {
    exit: 74,
    http: 500,
    summary: 'The library database cannot be opened (not a database, corrupt, or no permission).',
  },
  DB_BUSY: {
    exit: 75,
    http: 503,
    summary: 'The library database is locked by another process; try again.',
  },
  FORBIDDEN: {
    exit: 77,
    http: 403,
    summary: 'The workbench refused a request from another site (Host header or session token).',
  },
  BAD_RANGE: {
    exit: 64,
    http: 416,
    summary: 'A byte range asked of a video lies outside the file or cannot be read.',
  },
  EAF_INVALID: {
    exit: 65,
    http: 422,
    summary:
      'An ELAN .eaf file cannot be read (not XML, not an annotation document, a missing time slot or annotation); the message names the line.',
  },
  MOMENT_INVALID: {
    exit: 65,
    http: 422,
    summary: 'A moment is not valid (times, term, characters); the message says which field.',
  },
  MOMENT_STALE: {
    exit: 75,
    http: 409,
    summary: 'A moment was changed by someone else since it was read; read it again.',
  },
  MEDIA_NOT_FOUND: {
    exit: 66,
    http: 404,
    summary: 'An episode has no video in the manifest, or its video file does not exist.',
  },
  MEDIA_UNREADABLE: {
    exit: 65,
    http: 422,
    summary: 'ffprobe or ffmpeg cannot read a video file (not a video, corrupt, no video stream).',
  },
  MEDIA_TRUNCATED: {
    exit: 65,
    http: 422,
    summary: 'A video file ends before the duration its header gives (an interrupted copy).',
  },
  MEDIA_TOOL_MISSING: {
    exit: 69,
    http: 500,
    summary:
      'ffmpeg, ffprobe, gifsicle or fontconfig is not installed (scripts/install-system-packages.sh).',
  },
  CANCELLED: {
    exit: 75,
    http: 499,
    summary: 'The work was cancelled (Ctrl-C or a signal); nothing partial was kept.',
  },
  INTERNAL: {
    exit: 70,
    http: 500,
    summary: 'A bug in Receipts; please report it with the command you ran.',
  },
} as const satisfies Record<string, { exit: number; http: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in the user's input a problem is. Any subset may be known. */
export interface Place {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** A path inside a structured document, e.g. `episodes[3].subtitles[0]`. */
  readonly path?: string;
  /** A timecode in ms, for media problems. */
  readonly timeMs?: number;
}

export class ReceiptsError extends Error {
  override readonly name = 'ReceiptsError';
  readonly code: ErrorCode;
  readonly place: Place;

  constructor(code: ErrorCode, message: string, place: Place = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.place = place;
  }

  /** One line for a terminal: `file:line: message` or `path: message`. */
  toLine(): string {
    return `${formatPlace(this.place)}${this.message}`;
  }
}

/** `file:line:col: ` / `path: ` / `file: path: ` prefix, empty when nothing is known. */
export function formatPlace(place: Place): string {
  let at = '';
  if (place.file !== undefined) {
    at = place.file;
    if (place.line !== undefined) at += `:${place.line}`;
    if (place.line !== undefined && place.column !== undefined) at += `:${place.column}`;
  }
  if (place.path !== undefined) at = at ? `${at}: ${place.path}` : place.path;
  return at ? `${at}: ` : '';
}

export function isReceiptsError(e: unknown): e is ReceiptsError {
  return e instanceof ReceiptsError;
}

/** A problem in user content that does not stop the work (remark-lint style). */
export interface Finding {
  readonly severity: 'error' | 'warning' | 'info';
  readonly ruleId: string;
  readonly reason: string;
  readonly place: Place;
}
