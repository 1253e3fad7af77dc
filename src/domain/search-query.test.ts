import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReceiptsError } from './errors.js';
import {
  MAX_QUERY_PHRASES,
  findMatches,
  matchesQuery,
  parseSearchQuery,
  tokenSpans,
  tokenize,
  type SearchQuery,
} from './search-query.js';

function phrases(q: SearchQuery): string[][] {
  return q.required.map((c) => c.anyOf.map((p) => p.tokens.join(' ') + (p.prefix ? '*' : '')));
}

function invalidMessage(input: string): string {
  try {
    parseSearchQuery(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ReceiptsError);
    expect((e as ReceiptsError).code).toBe('QUERY_INVALID');
    return (e as ReceiptsError).message;
  }
  throw new Error(`expected ${input} to be rejected`);
}

describe('parseSearchQuery', () => {
  it('reads bare words as clauses that must all match', () => {
    expect(phrases(parseSearchQuery('Jack  coffee'))).toEqual([['jack'], ['coffee']]);
  });

  it('reads a quoted phrase as one clause', () => {
    const q = parseSearchQuery('"the right hand" man');
    expect(phrases(q)).toEqual([['the right hand'], ['man']]);
    expect(q.required[0]!.anyOf[0]!.text).toBe('the right hand');
  });

  it('reads a trailing * as a prefix, on words and phrases', () => {
    expect(phrases(parseSearchQuery('miss* "i don"*'))).toEqual([['miss*'], ['i don*']]);
  });

  it('reads -word and -"a phrase" as exclusions', () => {
    const q = parseSearchQuery('doctor -who -"the master"');
    expect(phrases(q)).toEqual([['doctor']]);
    expect(q.excluded.map((p) => p.tokens.join(' '))).toEqual(['who', 'the master']);
  });

  it('reads OR between two terms as alternatives, binding tighter than AND', () => {
    const q = parseSearchQuery('coffee tea OR "hot chocolate" please');
    expect(phrases(q)).toEqual([['coffee'], ['tea', 'hot chocolate'], ['please']]);
  });

  it('treats lower-case or as a word', () => {
    expect(phrases(parseSearchQuery('now or never'))).toEqual([['now'], ['or'], ['never']]);
  });

  it('splits words at apostrophes the way the index does, keeping them one phrase', () => {
    expect(phrases(parseSearchQuery("don't I'm"))).toEqual([['don t'], ['i m']]);
    expect(phrases(parseSearchQuery('"I don\'t know"'))).toEqual([['i don t know']]);
    expect(phrases(parseSearchQuery('"I don’t know"'))).toEqual([['i don t know']]);
  });

  it('folds case and Latin diacritics', () => {
    expect(phrases(parseSearchQuery('CAFÉ Naïve'))).toEqual([['cafe'], ['naive']]);
  });

  it('keeps a hyphenated word as one phrase and ignores lone dashes', () => {
    expect(phrases(parseSearchQuery('x-ray - vision'))).toEqual([['x ray'], ['vision']]);
  });

  it('ignores terms that hold no letters or digits', () => {
    expect(phrases(parseSearchQuery('wait ... "?!" what'))).toEqual([['wait'], ['what']]);
  });

  it('rejects an empty query', () => {
    expect(invalidMessage('')).toMatch(/empty/);
    expect(invalidMessage('   ')).toMatch(/empty/);
    expect(invalidMessage('... ?!')).toMatch(/no words/);
  });

  it('rejects an unclosed quote and says where it opened', () => {
    expect(invalidMessage('say "hello')).toMatch(/quote opened at column 5 is not closed/);
  });

  it('reads a query still being typed: an open quote runs to the end, a trailing OR waits', () => {
    const typing = { asYouType: true };
    expect(phrases(parseSearchQuery('say "hello th', typing))).toEqual([['say'], ['hello th']]);
    expect(() => parseSearchQuery('"', typing)).toThrow(/no words to find/);
    expect(phrases(parseSearchQuery('tea OR', typing))).toEqual([['tea']]);
    // Everything else is read as strictly as a finished query.
    expect(() => parseSearchQuery('wh*', typing)).toThrow(/at least 3 letters/);
    expect(() => parseSearchQuery('OR tea', typing)).toThrow(/OR needs/);
  });

  it('rejects a query made only of exclusions', () => {
    expect(invalidMessage('-who -"the master"')).toMatch(/exclusions/);
  });

  it('rejects a misplaced OR', () => {
    expect(invalidMessage('OR tea')).toMatch(/OR needs/);
    expect(invalidMessage('tea OR')).toMatch(/OR needs/);
    expect(invalidMessage('tea OR OR coffee')).toMatch(/OR needs/);
    expect(invalidMessage('tea OR -coffee')).toMatch(/OR needs/);
  });

  it('rejects a prefix shorter than three letters', () => {
    expect(invalidMessage('wh*')).toMatch(/at least 3 letters/);
    expect(invalidMessage("don't*")).toMatch(/at least 3 letters/);
  });

  it('rejects too many phrases', () => {
    expect(invalidMessage(Array.from({ length: MAX_QUERY_PHRASES + 1 }, () => 'a').join(' ')));
  });

  it('never throws anything but QUERY_INVALID, and a parsed query is never empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        try {
          const q = parseSearchQuery(s);
          expect(q.required.length).toBeGreaterThan(0);
          for (const p of [...q.required.flatMap((c) => c.anyOf), ...q.excluded]) {
            expect(p.tokens.length).toBeGreaterThan(0);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(ReceiptsError);
          expect((e as ReceiptsError).code).toBe('QUERY_INVALID');
        }
      }),
    );
  });
});

describe('tokenize', () => {
  it('separates at punctuation, apostrophes and marks that are not diacritics', () => {
    expect(tokenize("I'm here—aren't you? x_y 3.5")).toEqual([
      'i',
      'm',
      'here',
      'aren',
      't',
      'you',
      'x',
      'y',
      '3',
      '5',
    ]);
  });

  it('folds Latin diacritics, composed or not, but keeps Greek and Cyrillic letters', () => {
    expect(tokenize('Café cafe\u0301 Ærø ſ Ά й')).toEqual(['cafe', 'cafe', 'ærø', 's', 'ά', 'й']);
  });

  it('keeps CJK runs and Hangul syllables whole', () => {
    expect(tokenize('日本語 한국어')).toEqual(['日本語', '한국어']);
  });

  it('gives spans whose text tokenizes to the token', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        for (const span of tokenSpans(s)) {
          expect(tokenize(s.slice(span.start, span.end))).toEqual([span.token]);
        }
        expect(tokenSpans(s).map((t) => t.token)).toEqual(tokenize(s));
      }),
    );
  });
});

describe('findMatches', () => {
  it('covers a whole phrase occurrence, apostrophes included', () => {
    const q = parseSearchQuery('"I don\'t know"');
    const text = 'Well, I don’t know, Jack.';
    expect(findMatches(text, q).map((r) => text.slice(r.start, r.end))).toEqual(['I don’t know']);
  });

  it('marks every occurrence of every positive phrase, prefixes by their stem', () => {
    const q = parseSearchQuery('miss* you -never');
    const text = 'You missed me? I missed you.';
    expect(findMatches(text, q).map((r) => text.slice(r.start, r.end))).toEqual([
      'You',
      'missed',
      'missed',
      'you',
    ]);
  });

  it('agrees with matchesQuery on what a line contains', () => {
    const q = parseSearchQuery('tea OR coffee -milk');
    expect(matchesQuery('Coffee, black.', q)).toBe(true);
    expect(matchesQuery('Tea with milk.', q)).toBe(false);
    expect(matchesQuery('Water.', q)).toBe(false);
  });
});
