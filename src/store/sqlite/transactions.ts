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

/**
 * Runs `work` in one read transaction (or inside the caller's): its statements see one
 * snapshot of the library, and the WAL read lock is taken once. Outside a transaction every
 * statement takes and drops that lock, about 5 us each, a few percent of a typed search.
 */
export async function inReadTransaction<T>(
  raw: BetterSqlite3.Database,
  work: () => Promise<T>,
): Promise<T> {
  if (raw.inTransaction) return work();
  const { begin, commit } = readStatements(raw);
  begin.run();
  try {
    return await work();
  } finally {
    if (raw.inTransaction) commit.run();
  }
}

// Prepared once per connection: `exec` parses its SQL on every call.
const prepared = new WeakMap<
  BetterSqlite3.Database,
  { readonly begin: BetterSqlite3.Statement; readonly commit: BetterSqlite3.Statement }
>();

function readStatements(raw: BetterSqlite3.Database) {
  let st = prepared.get(raw);
  if (!st) prepared.set(raw, (st = { begin: raw.prepare('BEGIN'), commit: raw.prepare('COMMIT') }));
  return st;
}
