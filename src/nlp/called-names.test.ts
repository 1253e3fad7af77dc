import { describe, expect, it } from 'vitest';
import { calledNames, learnCalledNames } from './called-names.js';
import { PeopleIndex } from './people-index.js';
import { seriesCalledNames, suggestMoments } from './suggest-moments.js';
import { DEFAULT_CODEBOOK, script } from './test-helpers.js';

// Lines written for these tests; none is copied from a transcript.

const labels = (...names: string[]): PeopleIndex =>
  new PeopleIndex(names.map((name) => ({ name, aliases: [] })));
const byLabel =
  (people: PeopleIndex) =>
  (l: string): string =>
    people.resolve(l) ?? l.toUpperCase();

// VANCE is called Rolo by the others, three times, and always answers.
const calls = script(
  'ORLA: Rolo, bring the lamp over here.',
  'VANCE: On my way.',
  'ORLA: Thank you, Rolo.',
  'VANCE: Any time.',
  'BREE: Rolo? Are you awake?',
  'VANCE: I am now.',
  'BREE: Where did Rolo put the map?',
  'ORLA: Ask him yourself.',
);

describe('calledNames', () => {
  it('finds a name no one has, set off as a call', () => {
    const people = labels('ORLA', 'VANCE');
    expect(calledNames('Rolo, bring the lamp.', people)).toEqual(['Rolo']);
    expect(calledNames('Thank you, Mister Rolo.', people)).toEqual(['Rolo']);
    expect(calledNames('Where did Rolo put it?', people)).toEqual([]);
    expect(calledNames('Orla, wait. Well, fine.', people)).toEqual([]);
  });
});

describe('learnCalledNames', () => {
  it('links a name to the speaker who answers its calls', () => {
    const people = labels('ORLA', 'VANCE', 'BREE');
    expect([...learnCalledNames(calls, people, byLabel(people))]).toEqual([['Rolo', 'VANCE']]);
  });

  it('needs several answers from one speaker', () => {
    const people = labels('ORLA', 'VANCE', 'BREE');
    const few = calls.slice(0, 4);
    expect(learnCalledNames(few, people, byLabel(people)).size).toBe(0);
    const mixed = script(
      'ORLA: Rolo, come here.',
      'VANCE: Yes.',
      'ORLA: Rolo, sit.',
      'BREE: He is busy.',
      'ORLA: Rolo, now.',
      'VANCE: Coming.',
      'ORLA: Rolo, please.',
      'BREE: Leave him.',
    );
    expect(learnCalledNames(mixed, people, byLabel(people)).size).toBe(0);
  });

  it('never links a name the answerer calls someone by too (a pet)', () => {
    const people = labels('ORLA', 'VANCE');
    const pet = script(
      'ORLA: Biscuit, down!',
      'VANCE: He never listens.',
      'ORLA: Biscuit, off the sofa.',
      'VANCE: Let him be.',
      'VANCE: Biscuit, fetch.',
      'ORLA: He will not.',
      'ORLA: Biscuit, stop.',
      'VANCE: Good dog.',
      'ORLA: Biscuit!',
      'VANCE: Leave him.',
    );
    expect(learnCalledNames(pet, people, byLabel(people)).size).toBe(0);
  });

  it('leaves a word the transcript also writes in lower case', () => {
    const people = labels('ORLA', 'VANCE');
    const word = script(
      'ORLA: Steady, we are nearly there.',
      'VANCE: I am steady.',
      'ORLA: Steady, hold it.',
      'VANCE: Holding.',
      'ORLA: Steady, now.',
      'VANCE: Yes.',
    );
    expect(learnCalledNames(word, people, byLabel(people)).size).toBe(0);
  });
});

describe('called names in suggestions', () => {
  it('reads a direction naming a speaker by the name the others call them', () => {
    const lines = [...calls, ...script('(Orla hugs Rolo.)')];
    const characters = ['ORLA', 'VANCE', 'BREE'].map((name) => ({ name, aliases: [] }));
    const got = suggestMoments({
      episode: 'E1',
      file: 'e1.txt',
      lines,
      characters,
      codebook: DEFAULT_CODEBOOK,
    });
    expect(got.map((s) => [s.action, s.initiator, s.recipients])).toContainEqual([
      'hug',
      'ORLA',
      ['VANCE'],
    ]);
  });

  it('pools the calls of a series, never relinking a name a character has', () => {
    const one = calls.slice(0, 4);
    const two = calls.slice(4);
    expect([...seriesCalledNames([one, two, calls], [])]).toEqual([['Rolo', 'VANCE']]);
    const rolo = [{ name: 'ROLO', aliases: [] }];
    expect(seriesCalledNames([calls], rolo).size).toBe(0);
  });

  it('gives a name the series learnt to the character whatever its case (`VANCE` is `Vance`)', () => {
    // Characters as a transcript writes its labels, names learnt as the series capitalises them.
    const characters = ['Orla', 'Vance'].map((name) => ({ name, aliases: [] }));
    const got = suggestMoments({
      episode: 'E1',
      file: 'e1.txt',
      lines: script('(Orla hugs Rolo.)'),
      characters,
      codebook: DEFAULT_CODEBOOK,
      calledNames: new Map([['Rolo', 'VANCE']]),
    });
    expect(got.map((s) => [s.initiator, s.recipients])).toEqual([['Orla', ['Vance']]]);
  });
});
