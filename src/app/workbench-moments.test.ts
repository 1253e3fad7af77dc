import { describe, expect, it } from 'vitest';
import { byLinesSpoken } from './workbench-moments.js';

describe('byLinesSpoken', () => {
  const characters = [
    { name: 'Ada Byrne', aliases: ['ADA'], unlisted: false },
    { name: 'Cole Dunn', aliases: ['COLE'], unlisted: false },
    { name: 'Bea Ames', aliases: ['BEA', 'Doctor Ames'], unlisted: false },
  ];
  const said = (...labels: (string | null)[]) => labels.map((speakerLabel) => ({ speakerLabel }));

  it('puts the characters with the most lines first, by any alias, then the rest by name', () => {
    const lines = said('COLE', 'doctor ames', 'Cole', null, 'NARRATOR', 'COLE');
    expect(byLinesSpoken(characters, lines)).toEqual(['Cole Dunn', 'Bea Ames', 'Ada Byrne']);
  });

  it('is alphabetical in an episode nobody speaks in', () => {
    expect(byLinesSpoken(characters, [])).toEqual(['Ada Byrne', 'Bea Ames', 'Cole Dunn']);
  });
});
