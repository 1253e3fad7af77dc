import Database from 'better-sqlite3';
import { ReceiptsError, isReceiptsError } from '../../domain/errors.js';

export interface OpenDatabaseOptions {
  readonly readonly?: boolean;
  /** How long a statement waits for another process's lock before DB_BUSY. Default 5000. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (or creates) a library file with the settings every connection needs: WAL (readers
 * never wait for the writer), `synchronous = NORMAL` (safe in WAL; a power cut can lose the
 * last commit, never corrupt), a busy timeout, and foreign keys on. Reads the schema once so a
 * file that is not a database fails here, as DB_UNREADABLE naming it, and not on first search.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: options.busyTimeoutMs ?? 5000,
    });
    db.pragma('schema_version');
    if (!db.readonly && !db.memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -32000');
    return db;
  } catch (e) {
    db?.close();
    throw toStoreError(e, file);
  }
}

/** SQLite result codes that mean "cannot use this file" and "someone else holds the lock". */
const UNREADABLE = ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];
const BUSY = ['SQLITE_BUSY', 'SQLITE_LOCKED'];

/**
 * Maps driver errors about the file to DB_UNREADABLE / DB_BUSY naming it; anything else is
 * returned unchanged.
 */
export function toStoreError(e: unknown, file: string): unknown {
  if (isReceiptsError(e) || !(e instanceof Error)) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') {
    // better-sqlite3 reports a missing file with fileMustExist as a plain TypeError/Error.
    if (/unable to open|does not exist|directory does not exist/iu.test(e.message)) {
      return new ReceiptsError(
        'DB_UNREADABLE',
        `Cannot open the library: ${e.message}.`,
        { file },
        {
          cause: e,
        },
      );
    }
    return e;
  }
  if (
    UNREADABLE.some((c) => code === c || code.startsWith(`${c}_`)) ||
    code.startsWith('SQLITE_IOERR')
  ) {
    return new ReceiptsError(
      'DB_UNREADABLE',
      `Cannot read the library (${code}): ${e.message}. Is it a Receipts library?`,
      { file },
      { cause: e },
    );
  }
  if (BUSY.some((c) => code === c || code.startsWith(`${c}_`))) {
    return new ReceiptsError(
      'DB_BUSY',
      'The library is locked by another process (an ingest?); try again when it has finished.',
      { file },
      { cause: e },
    );
  }
  return e;
}
