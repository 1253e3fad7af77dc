import { openSqliteStore } from '../store/sqlite/canon-store.js';
import type { CanonStore } from '../store/canon-store.js';
import { defaultDbPath, ensureDbFolder } from './db-path.js';

export interface GlobalOptions {
  readonly db?: string;
  readonly verbose?: boolean;
}

/** Open the library named by --db (or the default), run `fn`, always close it. */
export async function withStore<T>(
  global: GlobalOptions,
  fn: (store: CanonStore, dbFile: string) => Promise<T>,
): Promise<T> {
  const file = global.db ?? defaultDbPath();
  ensureDbFolder(file);
  const store = await openSqliteStore(file);
  try {
    return await fn(store, file);
  } finally {
    await store.close();
  }
}
