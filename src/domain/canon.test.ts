import { describe, expect, it } from 'vitest';
import { CharacterIndex, displayName, nameKey } from './canon.js';

describe('character names', () => {
  const index = new CharacterIndex([
    { name: 'The Doctor', aliases: ['DOCTOR', 'Doctor'], unlisted: false },
    { name: 'Jack Harkness', aliases: ['JACK', 'Captain Jack'], unlisted: false },
  ]);

  it('resolves aliases regardless of case, spacing and punctuation', () => {
    expect(index.resolve('THE DOCTOR')).toBe('The Doctor');
    expect(index.resolve('doctor')).toBe('The Doctor');
    expect(index.resolve('  captain   jack ')).toBe('Jack Harkness');
    expect(index.resolve('Jack.')).toBe('Jack Harkness');
    expect(index.resolve('Rose')).toBeNull();
  });

  it('keys names without accents or case', () => {
    expect(nameKey('Zoë  HERIOT')).toBe('zoe heriot');
    expect(nameKey("O'Brien")).toBe('o brien');
  });

  it('makes display names from capitalised labels only', () => {
    expect(displayName('JACK HARKNESS')).toBe('Jack Harkness');
    expect(displayName("O'BRIEN")).toBe("O'Brien");
    expect(displayName('McCoy')).toBe('McCoy');
  });
});
