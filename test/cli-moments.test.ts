import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_CANON, writeTestCanon } from '../src/app/moments-test-canon.js';
import { main } from '../src/cli/program.js';
import { expectCleanFailure, inProcessRunner } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-cli-moments-'));
const db = join(dir, 'library.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const receipts = inProcessRunner(db, dir);

interface JsonSuggestion {
  id: string;
  episode: string;
  source: { file: string; line: number };
  action: string;
  tier: string;
  rule: string;
  initiator: string | null;
  recipients: string[];
  mutual: boolean;
  part: string | null;
  text: string;
  confidence: number;
}

beforeAll(async () => {
  writeTestCanon(dir);
  const r = await receipts('ingest', 'canon.yaml');
  expect(r.code).toBe(0);
}, 30_000);

describe('receipts suggest and moments on a small canon', () => {
  let suggestions: JsonSuggestion[] = [];

  it('suggests moments from stage directions and says what it stored', async () => {
    const r = await receipts('suggest', '--all');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /Hub Three \(hub-three\): read 2 episodes, 2 transcripts, 6 stage directions/,
    );
    expect(r.out).toMatch(
      /suggestions: 5 found; 5 added, 0 earlier ones replaced, 0 already reviewed/,
    );
    expect(r.out).toMatch(
      /S01E01\s+10\s+kiss\s+Ianto Jones -> Jack Harkness\s+0\.\d\d\s+\d+\s+Ianto kisses Jack\./,
    );
  });

  it('prints every suggestion as JSON with its source file and line', async () => {
    const r = await receipts('suggest', '--all', '--json');
    expect(r.code).toBe(0);
    suggestions = JSON.parse(r.out) as JsonSuggestion[];
    expect(suggestions).toHaveLength(5);
    for (const s of suggestions) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'id',
          'episode',
          'source',
          'action',
          'initiator',
          'recipients',
          'mutual',
          'part',
          'text',
          'confidence',
          'tier',
          'rule',
        ]),
      );
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(suggestions.find((s) => s.action === 'slap')).toMatchObject({
      episode: 'S01E01',
      source: { file: TEST_CANON.episode1, line: TEST_CANON.slapLine },
      initiator: 'Gwen Cooper',
      recipients: ['Jack Harkness'],
      mutual: false,
      text: 'Gwen slaps Jack.',
    });
    expect(suggestions.find((s) => s.action === 'handshake')).toMatchObject({
      initiator: null,
      mutual: true,
    });
  });

  it('lists suggestions to review and accepts and rejects them', async () => {
    const list = await receipts('moments', 'list', '--review', 'suggested', '--episode', 'S01E01');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^episode\s+at\s+term\s+who\s+review\s+id$/m);
    expect(list.out).toMatch(
      /S01E01\s+line 10\s+kiss\s+Ianto Jones -> Jack Harkness\s+suggested\s+\d+/,
    );
    const kiss = suggestions.find((s) => s.action === 'kiss')!;
    const slap = suggestions.find((s) => s.action === 'slap')!;
    const accept = await receipts('moments', 'review', kiss.id, '--accept', '--author', 'ana');
    expect(accept.out).toMatch(new RegExp(`Confirmed moment ${kiss.id}: S01E01 line 10 kiss`));
    expect((await receipts('moments', 'review', slap.id, '--reject')).code).toBe(0);
    const shown = JSON.parse((await receipts('moments', 'show', kiss.id, '--json')).out) as Record<
      string,
      unknown
    >;
    expect(shown).toMatchObject({
      review: 'confirmed',
      author: 'ana',
      version: 2,
      sourceText: 'Ianto kisses Jack.',
    });
    expect((await receipts('moments', 'show', kiss.id)).out).toMatch(
      /^source\s+transcripts\/s01e01\.txt:10$/m,
    );
  });

  it('keeps reviewed moments when suggest runs again', async () => {
    const r = await receipts('suggest', '--all');
    expect(r.out).toMatch(/5 found; 3 added, 3 earlier ones replaced, 2 already reviewed/);
    const reviewed = JSON.parse(
      (await receipts('moments', 'list', '--review', 'confirmed,rejected', '--json')).out,
    ) as { term: string; review: string }[];
    expect(reviewed.map((m) => `${m.term} ${m.review}`)).toEqual([
      'kiss confirmed',
      'slap rejected',
    ]);
  });

  it('adds a moment through aliases, and edits it only at the version read', async () => {
    const add = await receipts(
      'moments',
      'add',
      '--episode',
      'S01E02',
      '--term',
      'cuddles',
      '--initiator',
      'Captain Jack',
      '--recipients',
      'mr jones',
      '--from',
      '12:03.5',
      '--to',
      '12:06',
      '--readings',
      'love',
      '--json',
    );
    expect(add.code).toBe(0);
    const m = JSON.parse(add.out) as {
      id: string;
      initiator: string;
      recipients: string[];
      term: string;
      startMs: number;
      endMs: number;
      author: string;
    };
    expect(m).toMatchObject({
      term: 'hug',
      initiator: 'Jack Harkness',
      recipients: ['Ianto Jones'],
      startMs: 723_500,
      endMs: 726_000,
    });
    expect(m.author).toBeTruthy();
    const edit = await receipts('moments', 'edit', m.id, '--mutual', '--note', 'both lean in');
    expect(edit.out).toMatch(
      new RegExp(
        `Moment ${m.id} is now at version 2 \\(changed initiator, recipients, mutual, note\\)`,
      ),
    );
    expectCleanFailure(
      await receipts('moments', 'edit', m.id, '--if-version', '1', '--note', 'late'),
      75,
      new RegExp(`Moment ${m.id} is at version 2, not 1: someone changed it since`),
    );
    expectCleanFailure(
      await receipts('moments', 'rm', m.id, '--if-version', '1'),
      75,
      /at version 2, not 1/,
    );
    expect((await receipts('moments', 'rm', m.id, '--if-version', '2')).out).toMatch(
      `Removed moment ${m.id}`,
    );
    expectCleanFailure(
      await receipts('moments', 'show', m.id),
      69,
      new RegExp(`no moment ${m.id}`),
    );
  });

  it('names the field and the closest names of an invalid moment', async () => {
    expectCleanFailure(
      await receipts(
        'moments',
        'add',
        '--episode',
        'S01E01',
        '--term',
        'kiss',
        '--initiator',
        'Janto',
        '--recipients',
        'Jack',
        '--line',
        '10',
      ),
      65,
      /^receipts: initiator: no character "Janto" in Hub Three; closest: Ianto Jones/,
    );
    expectCleanFailure(
      await receipts(
        'moments',
        'add',
        '--episode',
        'S01E01',
        '--term',
        'kiss',
        '--initiator',
        'Ianto',
        '--recipients',
        'Jack',
      ),
      65,
      /from: a moment needs a time \(--from, --to\) or a transcript line \(--line\)/,
    );
    expectCleanFailure(await receipts('moments', 'review', '1'), 64, /give --accept or --reject/);
  });

  it('counts pairs as a table, CSV and JSON while plain stats still describes the library', async () => {
    await receipts(
      'moments',
      'add',
      '--episode',
      'S01E02',
      '--term',
      'hug',
      '--mutual',
      '--recipients',
      'Jack,Ianto',
      '--from',
      '1:00',
    );
    const table = await receipts('stats', 'pairs', '--term', 'affection');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^term\s+who\s+count$/m);
    expect(table.out).toMatch(/affection\s+Ianto Jones -> Jack Harkness\s+1/);
    expect(table.out).toMatch(/affection\s+Ianto Jones <-> Jack Harkness\s+1/);
    expect(table.out).toMatch(/Hub Three: 2 confirmed moments/);
    const csv = await receipts(
      'stats',
      'pairs',
      '--per-episode',
      '--include-suggested',
      '--format',
      'csv',
    );
    expect(csv.out.split('\n')[0]).toBe('episode,term,initiator,recipient,mutual,count');
    expect(csv.out).toContain('S01E02,hug,Ianto Jones,Jack Harkness,true,1');
    expect(csv.out).toContain('S01E02,hug,Gwen Cooper,Ianto Jones,false,1');
    expect(csv.out).not.toContain('slap');
    const json = JSON.parse(
      (await receipts('stats', 'pairs', '--series', TEST_CANON.id, '--json')).out,
    ) as { moments: number; pairs: unknown[] };
    expect(json.moments).toBe(2);
    expect((await receipts('stats')).out).toMatch(/stage directions\s+6/);
  });
});

describe('help for the moments commands', () => {
  it.each([
    ['moments', 'add'],
    ['moments', 'list'],
    ['moments', 'show'],
    ['moments', 'edit'],
    ['moments', 'review'],
    ['moments', 'rm'],
    ['suggest'],
    ['stats', 'pairs'],
  ])('shows usage and an example for %s %s', async (...command: string[]) => {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      expect(await main([...command, '--help'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(out).toContain(`Usage: receipts ${command.join(' ')}`);
    expect(out).toMatch(new RegExp(`Examples?:\\n  receipts ${command.join(' ')}`));
  });
});
