import { describe, expect, it } from 'vitest';
import { seriesAnimals, suggestMoments } from './suggest-moments.js';
import { DEFAULT_CODEBOOK, script } from './test-helpers.js';

// Directions written for these tests; none is copied from a transcript.

describe('seriesAnimals', () => {
  const one = script('KIT: Walk time.', '(Rufus barks.)', '(Kit strokes Rufus.)');
  const two = script('KIT: Quiet.', '(Rufus whimpers and wags his tail.)', 'BRUNO: Who cares?');
  const three = script('BRUNO: Listen up!', '(Bruno barks at the crew.)', 'BRUNO: Go!');

  it('learns the names that bark or wag more often than they speak', () => {
    // Once is not enough; twice across the series is. Bruno barks orders, but talks more.
    expect([...seriesAnimals([one])]).toEqual([]);
    expect([...seriesAnimals([one, two, three])]).toEqual(['RUFUS']);
  });

  it('drops acts on an animal or by one: no moment between people', () => {
    const read = (animals?: ReadonlySet<string>): string[] =>
      suggestMoments({
        episode: 'E1',
        file: 'e1.txt',
        lines: script('KIT: Come here.', '(Kit strokes Rufus.)', '(Kit hugs Bruno.)'),
        characters: [],
        codebook: DEFAULT_CODEBOOK,
        ...(animals ? { animals } : {}),
      }).map((s) => `${s.action} ${s.initiator}>${s.recipients.join('+')}`);
    expect(read()).toEqual(['caress KIT>RUFUS', 'hug KIT>BRUNO']);
    expect(read(seriesAnimals([one, two, three]))).toEqual(['hug KIT>BRUNO']);
  });
});
