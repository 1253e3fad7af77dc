import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs `work` in one BEGIN IMMEDIATE transaction (or inside the caller's, during ingest): the
 * write lock is taken first, so a write never fails half-way on a busy library.
 */
export async function inTransaction<T>(
  raw: BetterSqlite3.Database,
  work: () => Promise<T>,
): Promise<T> {
  if (raw.inTransaction) return work();
  raw.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    raw.exec('COMMIT');
    return result;
  } catch (e) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    throw e;
  }
}
