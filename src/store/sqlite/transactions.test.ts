import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inReadTransaction } from './transactions.js';

describe('inReadTransaction', () => {
  let dir: string;
  let reader: Database.Database;
  let writer: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-read-tx-'));
    writer = new Database(join(dir, 'library.db'));
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    reader = new Database(join(dir, 'library.db'));
  });
  afterEach(() => {
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const count = () => reader.prepare('SELECT count(*) FROM t').pluck().get();

  it('reads one snapshot while another connection commits, and ends with the work', async () => {
    const seen = await inReadTransaction(reader, async () => {
      const before = count();
      writer.exec('INSERT INTO t VALUES (2)');
      await Promise.resolve();
      return [before, count()];
    });
    expect(seen).toEqual([1, 1]);
    expect(reader.inTransaction).toBe(false);
    expect(count()).toBe(2);
  });

  it('ends the transaction when the work fails, and joins a transaction already open', async () => {
    await expect(
      inReadTransaction(reader, () => Promise.reject(new Error('bad query'))),
    ).rejects.toThrow('bad query');
    expect(reader.inTransaction).toBe(false);
    reader.exec('BEGIN');
    await inReadTransaction(reader, () => Promise.resolve(count()));
    expect(reader.inTransaction).toBe(true);
    reader.exec('COMMIT');
  });
});
