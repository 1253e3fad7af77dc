import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where the library lives unless --db says otherwise: $RECEIPTS_DB, else the user's data
 * folder (~/.local/share/receipts/library.db on Linux), so every command finds the same one.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RECEIPTS_DB) return env.RECEIPTS_DB;
  return join(envPaths('receipts', { suffix: '' }).data, 'library.db');
}

/** Make the library's folder when writing to it for the first time. */
export function ensureDbFolder(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}
