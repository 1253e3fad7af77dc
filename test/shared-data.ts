import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real data set lives beside the repository (`../shared/data`); a user's fresh clone
 * has none. Tests on it use `describe.skipIf(!HAS_SHARED_DATA)` and say why once.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data');
export const HAS_SHARED_DATA = existsSync(join(SHARED_DATA, 'SOURCES.md'));

let warned = false;
/** Path inside ../shared/data; logs one clear skip message when the folder is absent. */
export function sharedData(...parts: string[]): string {
  if (!HAS_SHARED_DATA && !warned) {
    warned = true;
    console.warn('[receipts] ../shared/data is absent: tests on the real data set are skipped.');
  }
  return join(SHARED_DATA, ...parts);
}
