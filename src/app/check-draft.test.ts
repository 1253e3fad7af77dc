import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonStore } from '../store/canon-store.js';
import { openSqliteStore } from '../store/sqlite/canon-store.js';
import { checkDraft } from './check-draft.js';
import { ingestCanon } from './ingest-canon.js';
import { TEST_CANON, writeTestCanon } from './moments-test-canon.js';
import { addMoment } from './moments.js';
import { rejectionOf } from '../../test/receipts-error.js';

let dir: string;
let store: CanonStore;

// The test canon (Ianto, Jack, Gwen; S01E01 Rain, S01E02 Fog) with four confirmed moments and
// both episodes reviewed, so never and only can be supported.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receipts-check-draft-'));
  store = await openSqliteStore(join(dir, 'library.db'));
  await ingestCanon(writeTestCanon(dir), store, { cwd: dir });
  const who = { author: 'tester' };
  const moments = [
    ['S01E01', 'kiss', 'Ianto', 'Jack'],
    ['S01E01', 'slap', 'Gwen', 'Jack'],
    ['S01E01', 'hug', 'Jack', 'Ianto'],
    ['S01E02', 'hug', 'Gwen', 'Ianto'],
  ] as const;
  for (const [episode, term, initiator, recipients] of moments) {
    await addMoment(store, { episode, term, initiator, recipients, from: '1:00' }, who);
  }
  await store.setReviewed(TEST_CANON.id, ['S01E01', 'S01E02'], '*', true, 'tester');
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const DRAFT = `# who reaches first

Everyone remembers Jack as the touchy one, but the only time anyone gets kissed in Rain
it's Ianto who kisses Jack. Jack never kisses Ianto (and honestly? the show knows it).

Meanwhile Gwen hugs Ianto more than she hugs Jack. Gwen almost never slaps Jack, but when
she does it's earned. Every time Jack leaves, Ianto waits.

Ianto never says "I love you" to Jack. Owen never hugs anybody.
`;

function draftFile(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('checkDraft', () => {
  it('finds the claims of a draft, reads them, and checks each against the library', async () => {
    const r = await checkDraft(store, draftFile('draft.md', DRAFT), { shownAs: 'draft.md' });
    const rows = r.findings.map((f) => [
      f.line,
      f.column,
      f.cue,
      f.verdict?.verdict ?? 'not checkable',
      f.ruleId,
      f.severity,
    ]);
    expect(rows).toEqual([
      [3, 1, 'the only time', 'supported', 'claim-supported', 'info'],
      [4, 29, 'never', 'supported', 'claim-supported', 'info'],
      [6, 1, 'more ... than', 'supported', 'claim-supported', 'info'],
      [6, 52, 'never', 'contradicted', 'claim-hedged', 'warning'],
      [7, 23, 'every time', 'not checkable', 'claim-not-checkable', 'warning'],
      [9, 1, 'never', 'supported', 'claim-supported', 'info'],
      [9, 40, 'never', 'not checkable', 'claim-not-checkable', 'warning'],
    ]);
    expect(r.findings[0]).toMatchObject({
      claim: {
        quantifier: 'only',
        pattern: { action: 'kiss', initiator: 'Ianto Jones', recipients: ['Jack Harkness'] },
        at: { episode: 'S01E01' },
      },
      place: { file: 'draft.md', line: 3, column: 1 },
      notCheckable: null,
    });
    const hedged = r.findings[3]!;
    expect(hedged.hedges).toEqual([{ text: 'almost', kind: 'quantifier' }]);
    expect(hedged.notes.at(-1)).toMatch(
      /hedged \("almost"\): checked as the strict claim; 1 exception/,
    );
    expect(hedged.verdict?.counterexamples[0]).toMatchObject({ episode: 'S01E01' });
    expect(r.findings[6]!.notCheckable).toMatch(/"Owen" looks like a name/);
    expect(r.summary).toEqual({
      sentences: 8,
      claims: 7,
      checked: 5,
      verdicts: { supported: 4, contradicted: 1, 'insufficient-coverage': 0, 'no-evidence': 0 },
      notCheckable: 2,
      hedged: 1,
    });
  });

  it('reports a never as contradicted, with the moment as counter-example', async () => {
    const r = await checkDraft(store, draftFile('short.txt', 'Gwen never slaps Jack.\n'));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      severity: 'error',
      ruleId: 'claim-contradicted',
      verdict: { verdict: 'contradicted', count: 1 },
    });
    expect(r.findings[0]!.reason).toMatch(/^Contradicted: Gwen Cooper initiating Slap/);
  });

  it('returns no findings for a draft without claims', async () => {
    const r = await checkDraft(store, draftFile('calm.md', 'Jack hugs Ianto on the roof.\n'));
    expect(r.findings).toEqual([]);
    expect(r.summary.sentences).toBe(1);
  });

  it('refuses a missing, empty or binary draft with a clear error', async () => {
    expect((await rejectionOf(checkDraft(store, join(dir, 'nope.md')))).code).toBe(
      'FILE_NOT_FOUND',
    );
    expect((await rejectionOf(checkDraft(store, draftFile('empty.md', ' \n\n')))).code).toBe(
      'FILE_EMPTY',
    );
    const pdf = await rejectionOf(
      checkDraft(store, draftFile('draft.pdf', '%PDF-1.7\n%\u00e2\u00e3')),
    );
    expect([pdf.code, pdf.message]).toEqual([
      'FILE_BINARY',
      'this is a PDF, not a text draft; save the draft as Markdown (.md) or plain text (.txt) and check that',
    ]);
    const png = Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0xff, 0x10, 0x00, 0x00, 0x00]);
    const bin = await rejectionOf(checkDraft(store, draftFile('draft.bin', png)));
    expect(bin.code).toBe('FILE_BINARY');
    expect(bin.message).toMatch(/binary file, not a text draft/);
  });
});
