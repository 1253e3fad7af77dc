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
