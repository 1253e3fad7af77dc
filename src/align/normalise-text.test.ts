import { describe, expect, it } from 'vitest';
import { normaliseTokens, normalisedKey } from './normalise-text.js';
import { wordsToNumbers } from './number-words.js';

describe('normaliseTokens', () => {
  it('lower-cases and drops punctuation', () => {
    expect(normaliseTokens('Listen to yourself, Bob!')).toEqual([
      'listen',
      'to',
      'yourself',
      'bob',
    ]);
  });

  it('straightens curly quotes before expanding contractions', () => {
    expect(normaliseTokens('I\u2019m sure you don\u2019t')).toEqual([
      'i',
      'am',
      'sure',
      'you',
      'do',
      'not',
    ]);
  });

  it('expands contractions the same way on both spellings', () => {
    expect(normalisedKey("I can't, we won't, they're, you've, we'll, he'd")).toBe(
      normalisedKey('I cannot, we will not, they are, you have, we will, he would'),
    );
    expect(normalisedKey("It's what's there")).toBe('it is what is there');
    expect(normalisedKey("I'm gonna wanna")).toBe('i am going to want to');
  });

  it('drops the possessive s but keeps the name', () => {
    expect(normaliseTokens("Frasier's dad")).toEqual(['frasier', 'dad']);
  });

  it('writes spelled numbers as digits', () => {
    expect(normaliseTokens('twenty-eight seconds')).toEqual(['28', 'seconds']);
    expect(normalisedKey('we cut to the news thirty seconds ago')).toBe(
      normalisedKey('We cut to the news 30 seconds ago.'),
    );
    expect(normaliseTokens('1,000 dollars')).toEqual(['1000', 'dollars']);
    expect(normaliseTokens('one thousand dollars')).toEqual(['1000', 'dollars']);
  });

  it('splits hyphenated words and collapses stutters', () => {
    expect(normaliseTokens('Rush-Hour and-and I-I')).toEqual(['rush', 'hour', 'and', 'i']);
  });

  it('drops hesitations', () => {
    expect(normaliseTokens('Well, er, uh, you know')).toEqual(['well', 'you', 'know']);
  });

  it('drops SDH descriptions, music notes and markup', () => {
    expect(normaliseTokens('[door slams] <i>Hello</i> (laughs) ♪ there {\\an8}')).toEqual([
      'hello',
      'there',
    ]);
  });

  it("mends OCR's small l read for a capital I", () => {
    expect(normalisedKey("lt's nice. l'm sure l hear lf")).toBe(
      normalisedKey("It's nice. I'm sure I hear if"),
    );
    expect(normaliseTokens('look at lots')).toEqual(['look', 'at', 'lots']);
  });

  it('removes accents', () => {
    expect(normaliseTokens('Café Nervosa, naïve')).toEqual(['cafe', 'nervosa', 'naive']);
  });

  it('gives no tokens for punctuation only', () => {
    expect(normaliseTokens('... -- !')).toEqual([]);
  });
});

describe('wordsToNumbers', () => {
  it('reads compound numbers', () => {
    expect(wordsToNumbers('two hundred and six'.split(' '))).toEqual(['206']);
    expect(wordsToNumbers('twenty five'.split(' '))).toEqual(['25']);
    expect(wordsToNumbers('three thousand four hundred'.split(' '))).toEqual(['3400']);
  });

  it('starts a new number when a unit follows a unit', () => {
    expect(wordsToNumbers('one two three'.split(' '))).toEqual(['1', '2', '3']);
    expect(wordsToNumbers('ten thirty'.split(' '))).toEqual(['10', '30']);
  });

  it('keeps an and that joins no numbers', () => {
    expect(wordsToNumbers('a hundred and then'.split(' '))).toEqual(['a', '100', 'and', 'then']);
  });

  it('writes small ordinals as digits', () => {
    expect(wordsToNumbers(['first', 'date'])).toEqual(['1st', 'date']);
  });
});
