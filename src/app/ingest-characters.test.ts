import { describe, expect, it } from 'vitest';
import type { Manifest } from '../formats/canon-manifest.js';
import { charactersOf, pickLabel } from './ingest-characters.js';

const manifest = (characters: Manifest['characters']): Manifest => ({
  id: 'show',
  title: 'Show',
  characters,
  episodes: [],
});

describe('unlisted characters', () => {
  it('are named by a clean label, not a typo with punctuation, preferring mixed case', () => {
    expect(pickLabel(['.DOCTOR', 'DOCTOR'])).toBe('DOCTOR');
    expect(pickLabel(['MCCOY', 'McCoy'])).toBe('McCoy');
    expect(pickLabel(['...'])).toBe('...');
  });

  it('become one character per name key, after the listed ones', () => {
    const chars = charactersOf(manifest([{ name: 'Rose Tyler', aliases: ['ROSE'] }]), [
      'ROSE',
      '.DOCTOR',
      'DOCTOR',
      null,
      'Doctor',
    ]);
    expect(chars).toEqual([
      { name: 'Rose Tyler', aliases: ['ROSE'], unlisted: false },
      { name: 'Doctor', aliases: [], unlisted: true },
    ]);
  });
});
