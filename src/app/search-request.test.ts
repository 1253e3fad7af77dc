import { describe, expect, it } from 'vitest';
import { toSearchRequest } from './search-request.js';

describe('toSearchRequest', () => {
  it('fills defaults', () => {
    expect(toSearchRequest({ query: 'miss me' })).toEqual({
      query: 'miss me',
      filters: {},
      order: 'canon',
      limit: 20,
      offset: 0,
      context: 1,
    });
  });

  it('reads filters from strings as the CLI and a URL give them', () => {
    const r = toSearchRequest({
      query: 'x',
      season: '2',
      episode: 'S01E01..S01E05',
      kind: 'cue, Dialogue',
      speaker: 'Jack',
      rank: true,
      limit: '5',
    });
    expect(r.filters).toEqual({
      season: 2,
      episodeFrom: 'S01E01',
      episodeTo: 'S01E05',
      kinds: ['cue', 'dialogue'],
      speaker: 'Jack',
    });
    expect(r.order).toBe('relevance');
    expect(r.limit).toBe(5);
    expect(toSearchRequest({ query: 'x', episode: 'S02E03' }).filters).toEqual({
      episodeFrom: 'S02E03',
      episodeTo: 'S02E03',
    });
  });

  it('names the bad option', () => {
    expect(() => toSearchRequest({ query: 'x', kind: 'cues' })).toThrow(
      /--kind: kind must be one of/,
    );
    expect(() => toSearchRequest({ query: 'x', limit: '0' })).toThrow(
      /--limit: limit must be at least 1/,
    );
    expect(() => toSearchRequest({ query: 'x', season: 'two' })).toThrow(/--season/);
    expect(() => toSearchRequest({ query: '  ' })).toThrow(/give something to search for/);
    expect(() => toSearchRequest({ query: 'x', episode: 'S01E01..' })).toThrow(/--episode/);
  });
});
