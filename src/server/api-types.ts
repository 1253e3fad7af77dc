/**
 * The JSON the workbench API answers with. Types only, importing nothing but domain and
 * workbench types, so the web UI can share them with a type-only import.
 */
export type { SearchResult, SearchGroup, SearchHit, LineView } from '../domain/search.js';
export type * from '../app/workbench-types.js';

/** GET /api/session: what the page needs before it can change anything. */
export interface SessionInfo {
  /** Send back in the `x-receipts-token` header on every POST/PUT/PATCH/DELETE. */
  readonly token: string;
  readonly version: string;
}

/** Every error answer: the registry code and one line naming the field or file. */
export interface ApiError {
  readonly error: { readonly code: string; readonly message: string };
}

/** One GIF of a gifset the workbench built, with where the page fetches it. */
export interface GifsetGifView {
  /** Its file name in the set (`S01E01-set-01.gif`), also the download name. */
  readonly file: string;
  readonly url: string;
  readonly episode: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frames: number;
  /** Steps taken to meet the size budget, each with the size after it; empty when it fit. */
  readonly budgetSteps: readonly { readonly step: string; readonly bytes: number }[];
}

/** The result of a `gifset` job (POST /api/jobs/gifset): GIFs rendered alike, in rows. */
export interface GifsetView {
  /** Names the set's folder: GET /api/gifsets/:id/:file serves its files. */
  readonly id: string;
  readonly series: string;
  readonly perRow: number;
  /** File names per row of the layout, in order. */
  readonly rows: readonly (readonly string[])[];
  readonly gifs: readonly GifsetGifView[];
  /** The layout file (`<prefix>.gifset.json`), as `receipts gifset` writes it. */
  readonly layoutFile: string;
  readonly layoutUrl: string;
  readonly totalBytes: number;
  readonly width: number;
  readonly fps: number;
  /** The size budget of each GIF, in bytes. */
  readonly maxBytes: number;
}
