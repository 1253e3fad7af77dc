import { describe, expect, it } from 'vitest';
import { countPairs } from './pair-stats.js';

const m = (
  episode: string,
  term: string,
  initiator: string | null,
  recipients: string[],
  mutual = false,
) => ({ episode, term, initiator, recipients, mutual });

const own = { perEpisode: false, termOf: (t: string) => t };

describe('countPairs', () => {
  it('counts each recipient of a moment once, initiator first', () => {
    const s = countPairs(
      [
        m('E1', 'kiss', 'Ianto', ['Jack']),
        m('E2', 'kiss', 'Ianto', ['Jack']),
        m('E2', 'kiss', 'Jack', ['Ianto', 'Gwen']),
      ],
      own,
    );
    expect(s.pairs).toEqual([
      {
        episode: null,
        term: 'kiss',
        initiator: 'Ianto',
        recipient: 'Jack',
        mutual: false,
        count: 2,
      },
      {
        episode: null,
        term: 'kiss',
        initiator: 'Jack',
        recipient: 'Gwen',
        mutual: false,
        count: 1,
      },
      {
        episode: null,
        term: 'kiss',
        initiator: 'Jack',
        recipient: 'Ianto',
        mutual: false,
        count: 1,
      },
    ]);
    expect(s.moments).toBe(3);
  });

  it('counts a mutual moment once per unordered pair, whatever order names come in', () => {
    const s = countPairs(
      [
        m('E1', 'hug', null, ['Jack', 'Ianto'], true),
        m('E1', 'hug', null, ['Ianto', 'Jack'], true),
        m('E1', 'hug', null, ['Gwen', 'Jack', 'Ianto'], true),
        m('E1', 'hug', 'Jack', ['Ianto']),
      ],
      own,
    );
    expect(
      s.pairs.map((p) => `${p.initiator}${p.mutual ? '<->' : '->'}${p.recipient} ${p.count}`),
    ).toEqual(['Ianto<->Jack 3', 'Gwen<->Ianto 1', 'Gwen<->Jack 1', 'Jack->Ianto 1']);
  });

  it('counts per episode in the order episodes come, and under a subtree root', () => {
    const s = countPairs(
      [
        m('E2', 'kiss', 'Ianto', ['Jack']),
        m('E1', 'hug', 'Ianto', ['Jack']),
        m('E1', 'kiss', 'Ianto', ['Jack']),
        m('E2', 'hug', 'Jack', ['Ianto']),
      ],
      { perEpisode: true, termOf: () => 'affection' },
    );
    expect(
      s.pairs.map((p) => `${p.episode} ${p.term} ${p.initiator}->${p.recipient} ${p.count}`),
    ).toEqual([
      'E2 affection Ianto->Jack 1',
      'E2 affection Jack->Ianto 1',
      'E1 affection Ianto->Jack 2',
    ]);
  });

  it('keeps unknown initiators and counts moments nobody receives apart', () => {
    const s = countPairs([m('E1', 'slap', null, ['Jack']), m('E1', 'look-away', 'Jack', [])], own);
    expect(s.pairs).toEqual([
      { episode: null, term: 'slap', initiator: null, recipient: 'Jack', mutual: false, count: 1 },
    ]);
    expect(s.withoutPair).toBe(1);
  });
});
