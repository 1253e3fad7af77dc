import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT } from '../../domain/search.js';
import { matchesQuery, parseSearchQuery, tokenize } from '../../domain/search-query.js';
import { parseFtsAverages } from './rank.js';
import { highlight } from './search-results.js';
import { textExpression } from './search.js';

// An in-memory FTS5 table with the library's tokenizer, to check our side against SQLite's.
const db = new Database(':memory:');
db.exec(`
  CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
  CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance');
`);
afterAll(() => db.close());
const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
const terms = db
  .prepare<[number], string>('SELECT term FROM v WHERE doc = ? ORDER BY offset')
  .pluck();
const matchIds = db
  .prepare<[string], number>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid')
  .pluck();

/** Text from the scripts and punctuation subtitles are written in. */
const realistic = fc.string({
  unit: fc.constantFrom(
    ...'aAbBzZ09 ,.!?-—_\'’"“”…:;()[]/\n\téÉèàçÇñÑüÜöÖßøØæÆœŒıİſÅ',
    ...'\u0301\u0308\u0327\u0300', // combining diacritics (NFD text)
    ...'αβγΆΈάέωςΩкирЁёйЙ日本語テ한국어',
  ),
  maxLength: 24,
});

describe('tokenizer agreement with FTS5 unicode61 remove_diacritics 2', () => {
  let row = 0;
  it('splits and folds text exactly as SQLite indexes it', () => {
    fc.assert(
      fc.property(realistic, (text) => {
        insert.run(++row, text);
        expect(tokenize(text)).toEqual(terms.all(row));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with FTS5 on which lines a parsed query matches', () => {
    const lines = [
      "I don't know.",
      'I don’t know, Ianto.',
      'I dont know.',
      'Café au lait',
      'CAFE NOIR',
      'Missed you. Missing you.',
      'Mister Jones',
      'know-how',
      'you know what I mean',
    ];
    const base = 1_000_000;
    lines.forEach((l, i) => insert.run(base + i, l));
    const queries = [
      '"I don\'t know"',
      "don't",
      'cafe',
      'CAFÉ -noir',
      'miss*',
      'mis* -you',
      '"know how"',
      'know -"what I mean"',
      'jones OR noir',
      '"you know"*',
    ];
    for (const q of queries) {
      const parsed = parseSearchQuery(q);
      const expected = lines.flatMap((l, i) => (matchesQuery(l, parsed) ? [base + i] : []));
      const got = matchIds.all(textExpression(parsed)).filter((id) => id >= base);
      expect([q, got]).toEqual([q, expected]);
    }
  });
});

describe('textExpression', () => {
  it('quotes every phrase as written and restricts the query to the text column', () => {
    expect(textExpression(parseSearchQuery('tea OR "hot chocolate" miss* -"no way" -NEAR'))).toBe(
      'text : (((("tea" OR "hot chocolate") AND "miss" *) NOT "no way") NOT "NEAR")',
    );
  });

  it('keeps FTS5 operators typed by the user as words', () => {
    const q = parseSearchQuery('NOT AND NEAR(x) col:name');
    expect(textExpression(q)).toBe('text : ("NOT" AND "AND" AND "NEAR(x)" AND "col:name")');
    expect(() => matchIds.all(textExpression(q))).not.toThrow();
  });
});

describe('highlight', () => {
  it('wraps each match in the HIGHLIGHT markers', () => {
    const { open: o, close: c } = HIGHLIGHT;
    expect(highlight('You missed me? I missed you.', parseSearchQuery('"missed you"'))).toBe(
      `You missed me? I ${o}missed you${c}.`,
    );
  });
});

describe('parseFtsAverages', () => {
  it('reads the row and token counts FTS5 keeps', () => {
    const m = new Database(':memory:');
    m.exec(`CREATE VIRTUAL TABLE f USING fts5 (text, kind, columnsize = 0)`);
    const add = m.prepare('INSERT INTO f (text, kind) VALUES (?, ?)');
    for (let i = 0; i < 300; i++) add.run(`one two three ${i}`, 'cue');
    const block = m.prepare('SELECT block FROM f_data WHERE id = 1').pluck().get() as Buffer;
    expect(parseFtsAverages(block)).toEqual({ docs: 300, avgTokens: 4 });
    expect(parseFtsAverages(undefined)).toBeNull();
    m.close();
  });
});
