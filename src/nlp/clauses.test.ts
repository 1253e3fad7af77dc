import { describe, expect, it } from 'vitest';
import { splitClauses, type Clause } from './clauses.js';
import { readSentence } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

function words(c: Clause): string {
  return c.items
    .map((it) => (it.kind === 'tok' ? it.tok.text : it.toks.map((t) => t.text).join(' ')))
    .join(' ');
}

function subjectOf(c: Clause): string | null {
  if (c.subject === null) return null;
  return c.subject.names.join('+') || c.subject.pronoun || c.subject.kind;
}

describe('splitClauses', () => {
  it('splits coordinated verbs and keeps the subject with the first', () => {
    const clauses = splitClauses(readSentence('Ianto grabs Owen and kisses him.', 'IANTO', 'OWEN'));
    expect(clauses.map(words)).toEqual(['Ianto grabs Owen', 'kisses him']);
    expect(clauses.map(subjectOf)).toEqual(['IANTO', null]);
    expect(clauses[1]!.link).toBe('and');
  });

  it('keeps a piece without a verb in the clause before it', () => {
    const clauses = splitClauses(readSentence('Elsa hugs Kit, gently.', 'ELSA', 'KIT'));
    expect(clauses).toHaveLength(1);
  });

  it('gives a new subject to a clause that names one', () => {
    const clauses = splitClauses(
      readSentence('Elsa hugs Kit as Owen kisses Mara.', 'ELSA', 'KIT', 'OWEN', 'MARA'),
    );
    expect(clauses.map(subjectOf)).toEqual(['ELSA', 'OWEN']);
  });

  it('takes a group before the verb as the subject', () => {
    const [c] = splitClauses(readSentence('Elsa and Kit shake hands.', 'ELSA', 'KIT'));
    expect(subjectOf(c!)).toBe('ELSA+KIT');
  });

  it('marks a clause whose subject is a thing', () => {
    const [beam] = splitClauses(readSentence('A blue beam hits Kit.', 'KIT'));
    expect(beam!.thingSubject).toBe(true);
    const [person] = splitClauses(readSentence('In the hall, Kit hugs Elsa.', 'KIT', 'ELSA'));
    expect(person!.thingSubject).toBe(false);
    expect(subjectOf(person!)).toBe('KIT');
  });

  it('reads a body part as standing for its owner', () => {
    const [c] = splitClauses(readSentence("Elsa's hand strokes his cheek.", 'ELSA'));
    expect(subjectOf(c!)).toBe('ELSA');
    expect(c!.thingSubject).toBe(false);
  });
});
