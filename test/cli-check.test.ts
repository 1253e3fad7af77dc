import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestCanon } from '../src/app/moments-test-canon.js';
import { ERROR_CODES } from '../src/domain/errors.js';
import { expectCleanFailure, inProcessRunner } from './run-cli.js';
import { REPO_ROOT } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-cli-check-'));
const db = join(dir, 'library.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const receipts = inProcessRunner(db, dir);

beforeAll(async () => {
  writeTestCanon(dir);
  expect((await receipts('ingest', 'canon.yaml')).code).toBe(0);
}, 30_000);

describe('receipts check', () => {
  it('refuses a draft that is not text with one clear line', async () => {
    writeFileSync(join(dir, 'draft.docx'), Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000'));
    const r = await receipts('check', 'draft.docx');
    expectCleanFailure(
      r,
      ERROR_CODES.FILE_BINARY.exit,
      /^receipts: draft\.docx: this is a ZIP archive \(a \.docx, \.odt or \.pages file\?\), not a text draft; save the draft as Markdown/,
    );
  });

  it('says a missing draft is missing', async () => {
    const r = await receipts('check', 'nowhere.md');
    expectCleanFailure(r, ERROR_CODES.FILE_NOT_FOUND.exit, /nowhere\.md: file not found/);
  });

  it('prints each claim with its place, verdict and reading, then a summary; exit 0', async () => {
    const draft = join(REPO_ROOT, 'test/fixtures/drafts/coffee-and-distance.md');
    copyFileSync(draft, join(dir, 'coffee-and-distance.md'));
    const r = await receipts('check', 'coffee-and-distance.md');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^coffee-and-distance\.md:21:1 {2}supported {2}Ianto never says "I love you" to Jack\.\n {2}read as: never Ianto Jones says "I love you" to Jack Harkness/m,
    );
    expect(r.out).toMatch(/not checkable {2}Every time Jack leaves, Ianto waits\./);
    expect(r.out).toMatch(/\d+ claims found in \d+ sentences, \d+ checked: .*; \d+ not checkable/);
  });

  it('fails with --strict only when a claim is contradicted', async () => {
    writeFileSync(join(dir, 'ok.md'), 'Jack hugs Ianto.\n');
    expect((await receipts('check', 'ok.md', '--strict')).code).toBe(0);
    const json = await receipts('check', 'ok.md', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ file: 'ok.md', findings: [] });
  });
});
