import { describe, expect, it } from 'vitest';
import { PeopleIndex } from './people-index.js';

describe('PeopleIndex', () => {
  const people = new PeopleIndex([
    { name: 'Jon Harker', aliases: ['HARKER'] },
    { name: 'Professor', aliases: ['PROF'] },
    { name: 'Mrs Lloyd', aliases: [] },
    { name: 'Ann Lloyd', aliases: [] },
    { name: 'Rob Vance', aliases: [] },
    { name: 'Rob Tate', aliases: [] },
    { name: '2ND ELDER', aliases: [] },
  ]);

  it('resolves names and aliases as written, in any case', () => {
    expect(people.resolve('Harker')).toBe('Jon Harker');
    expect(people.resolve('PROF')).toBe('Professor');
    expect(people.resolve('the Professor')).toBe('Professor');
  });

  it('resolves an ordinal written out to the label that numbers it', () => {
    expect(people.resolve('the Second Elder')).toBe('2ND ELDER');
    expect(people.resolve('First Elder')).toBeNull();
  });

  it('resolves a first name alone when no one else has it', () => {
    expect(people.resolve('Jon')).toBe('Jon Harker');
    expect(people.resolve('Ann')).toBe('Ann Lloyd');
  });

  it('resolves a name without its title', () => {
    expect(people.resolve('Lloyd')).toBe('Mrs Lloyd');
  });

  it('leaves a first name two characters share unresolved', () => {
    expect(people.resolve('Rob')).toBeNull();
    expect(people.resolve('Rob Tate')).toBe('Rob Tate');
  });
});
