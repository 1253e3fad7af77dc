import { describe, expect, it } from 'vitest';
import { PeopleIndex } from './people-index.js';
import { addresseesInSpeech, namesInSpeech, titledInSpeech } from './speech-names.js';

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

  it('leaves out a name only spoken of', () => {
    const said = 'Fetch Owen before Elsa finds out. Where is Kit? It is Mara Toll’s.';
    expect(addresseesInSpeech(said, people)).toEqual([]);
    expect(namesInSpeech(said, people)).toEqual(['OWEN', 'ELSA', 'KIT', 'MARA TOLL']);
  });
});

describe('titledInSpeech', () => {
  it('reads the gender a title before a name tells', () => {
    expect(titledInSpeech('Thank you, Mister Kit. Miss Elsa will see you.', people)).toEqual([
      { name: 'KIT', gender: 'm' },
      { name: 'ELSA', gender: 'f' },
    ]);
    expect(titledInSpeech('Captain Owen is late.', people)).toEqual([]);
  });
});
