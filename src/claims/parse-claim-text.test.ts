import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import { parseClaimText, type ClaimVocabulary } from './parse-claim-text.js';

const PEOPLE: Record<string, string> = {
  jack: 'Jack Harkness',
  'captain jack': 'Jack Harkness',
  ianto: 'Ianto Jones',
  lisa: 'Lisa',
  'the doctor': 'The Doctor',
  rose: 'Rose',
};
const TERMS: Record<string, string> = {
  kiss: 'kiss',
  kisses: 'kiss',
  'a kiss': 'kiss',
  affection: 'affection',
  hug: 'hug',
  'hold hands': 'hold-hands',
  love: 'love',
};
const vocab: ClaimVocabulary = {
  person: (p) => PEOPLE[p.toLowerCase()] ?? null,
  term: (p) => TERMS[p.toLowerCase()] ?? null,
  hint: (w) => (w.toLowerCase() === 'jak' ? '; closest: Jack Harkness' : ''),
};
const parse = (t: string) => parseClaimText(t, vocab);

describe('parseClaimText', () => {
  it('reads initiator, act and recipients around the act word', () => {
    expect(parse('only Jack kiss Rose')).toEqual({
      quantifier: 'only',
      pattern: { action: 'kiss', initiator: 'Jack Harkness', recipients: ['Rose'] },
    });
    expect(parse('find Ianto initiates a kiss with Captain Jack at S01E05').pattern).toEqual({
      action: 'kiss',
      initiator: 'Ianto Jones',
      recipients: ['Jack Harkness'],
    });
  });
  it('reads several people before the act as participants, and mutual', () => {
    expect(parse('never Jack and Ianto hold hands').pattern).toEqual({
      action: 'hold-hands',
      participants: ['Jack Harkness', 'Ianto Jones'],
    });
    expect(parse('count mutual Jack and Ianto kiss').pattern.mutual).toBe(true);
  });
  it('reads dialogue: says, a quoted phrase, a listener', () => {
    expect(parse('never Ianto says "I love you" to Jack')).toEqual({
      quantifier: 'never',
      pattern: { initiator: 'Ianto Jones', says: 'I love you', listener: 'Jack Harkness' },
    });
    expect(parse('first The Doctor says “Allons-y”').pattern).toEqual({
      initiator: 'The Doctor',
      says: 'Allons-y',
    });
  });
  it('reads ranges, references, readings, parts and story order', () => {
    expect(
      parse('first Jack kiss on cheek as love in S01E01-S01E13 S02E01 at S01E05 story order'),
    ).toEqual({
      quantifier: 'first',
      pattern: {
        action: 'kiss',
        initiator: 'Jack Harkness',
        part: 'cheek',
        readings: ['love'],
        episodes: ['S01E01-S01E13', 'S02E01'],
      },
      at: { episode: 'S01E05' },
      order: 'story',
    });
    expect(parse('only Jack kiss at moment #12').at).toEqual({ moment: '12' });
  });
  it('reads compare with both patterns, sharing a trailing range', () => {
    expect(parse('compare Ianto affection Lisa > Ianto affection Jack in S01E04')).toEqual({
      quantifier: 'compare',
      op: '>',
      pattern: {
        action: 'affection',
        initiator: 'Ianto Jones',
        recipients: ['Lisa'],
        episodes: ['S01E04'],
      },
      other: {
        action: 'affection',
        initiator: 'Ianto Jones',
        recipients: ['Jack Harkness'],
        episodes: ['S01E04'],
      },
    });
  });
  it('reads count with a comparison and a number', () => {
    expect(parse('count Rose hug >= 3')).toMatchObject({ op: '>=', value: 3 });
  });
  it('says what is wrong, with the closest names', () => {
    const msg = (t: string) => {
      try {
        parse(t);
      } catch (e) {
        if (e instanceof ReceiptsError) return `${e.code}: ${e.message}`;
      }
      return 'no error';
    };
    expect(msg('always Jack kiss')).toMatch(
      /^CLAIM_INVALID: a claim starts with one of only, never/,
    );
    expect(msg('only Jak kiss Rose')).toBe(
      'CLAIM_INVALID: "Jak" is neither a character of this canon nor a codebook term; closest: Jack Harkness',
    );
    expect(msg('compare Jack kiss')).toMatch(/compare needs two patterns/);
    expect(msg('count Jack kiss >= lots')).toMatch(/needs a whole number/);
    expect(msg('never Jack says')).toMatch(/"says" needs a quoted phrase/);
    expect(msg('only Jack kiss > Rose kiss')).toMatch(/belongs in compare or count/);
  });
});
