import { describe, expect, it } from 'vitest';
import { PeopleIndex } from './people-index.js';
import {
  addresseesInSpeech,
  gendersCalled,
  namesInSpeech,
  pronounsAfterNames,
  titledInSpeech,
} from './speech-names.js';

// Lines written for these tests; none is copied from a transcript.

const people = new PeopleIndex(
  ['ELSA', 'OWEN', 'KIT', 'MARA TOLL'].map((name) => ({ name, aliases: [] })),
);

describe('addresseesInSpeech', () => {
  it('finds a name set off by punctuation as the one the speech calls', () => {
    expect(addresseesInSpeech('Elsa, wait for me.', people)).toEqual(['ELSA']);
    expect(addresseesInSpeech('Well done, Owen.', people)).toEqual(['OWEN']);
    expect(addresseesInSpeech('Um, Kit? Take care.', people)).toEqual(['KIT']);
    expect(addresseesInSpeech('Oh, Mara Toll!', people)).toEqual(['MARA TOLL']);
  });

  it('finds a name called after `And` opening a sentence, not one joined by `and`', () => {
    expect(addresseesInSpeech('And Owen!', people)).toEqual(['OWEN']);
    expect(addresseesInSpeech('Elsa! And Kit!', people)).toEqual(['ELSA', 'KIT']);
    expect(addresseesInSpeech('It is just me and Owen.', people)).toEqual([]);
  });

  it('leaves out a name only spoken of', () => {
    const said = 'Fetch Owen before Elsa finds out. Where is Kit? It is Mara Toll’s.';
    expect(addresseesInSpeech(said, people)).toEqual([]);
    expect(namesInSpeech(said, people)).toEqual(['OWEN', 'ELSA', 'KIT', 'MARA TOLL']);
  });
});

describe('titledInSpeech', () => {
  it('reads the gender a title before a name tells', () => {
    expect(titledInSpeech('Thank you, Mister Kit. Miss Elsa will see you.', people)).toEqual([
      { name: 'KIT', gender: 'm', called: true },
      { name: 'ELSA', gender: 'f', called: false },
    ]);
    expect(titledInSpeech('Captain Owen is late.', people)).toEqual([]);
  });
});

describe('gendersCalled', () => {
  it("finds a parent or `ma'am` the speech calls its listener", () => {
    expect(gendersCalled('Yes, ma’am.')).toEqual(["ma'am"]);
    expect(gendersCalled('Mother, please. Dad, you too.')).toEqual(['mother', 'dad']);
    expect(gendersCalled('My mother is late. Ask your dad.')).toEqual([]);
  });
});

describe('pronounsAfterNames', () => {
  it('reads the pronoun a sentence opens with after one that names one person', () => {
    expect(pronounsAfterNames('Where did Kit go? He left early.', people, null)).toEqual([
      { name: 'KIT', gender: 'm' },
    ]);
    expect(pronounsAfterNames('Well, she took the train.', people, null, 'Is Elsa home?')).toEqual([
      { name: 'ELSA', gender: 'f' },
    ]);
  });

  it('skips a name called, two names, the speaker, and a sentence that has a pronoun', () => {
    expect(pronounsAfterNames('Elsa, look. He is back.', people, null)).toEqual([]);
    expect(pronounsAfterNames('Kit met Owen. He was glad.', people, null)).toEqual([]);
    expect(pronounsAfterNames('I saw Owen. She was there.', people, 'OWEN')).toEqual([]);
    expect(pronounsAfterNames('Kit saw her at noon. She waved.', people, null)).toEqual([]);
  });
});
