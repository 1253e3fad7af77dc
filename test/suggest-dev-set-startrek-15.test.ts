import { describeStarTrekSet } from './startrek-dev-set.js';

// The fifteenth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-15.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first fourteen sets
// use all 683 pages, so every pool drew from their pages. The handshake and slap pools, empty
// under the old words, took new words for this set and filled their 6 places each; the touch
// pool ran 2 short under the series quotas, so those 2 places went round the other act-word
// pools, as in the twelfth to fourteenth sets, and the random pool kept its 32. The fixture holds
// no page text.

describeStarTrekSet(15, {
  pages: 104,
  pagesWithTwo: 16,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 9,
  random: { count: 32, withEvents: ['tos/32.htm:423'] },
  keywordWithEvents: 52,
  keywordFromTas: 2,
  events: 61,
  withEvents: 53,
  mutual: 8,
  agentless: 1,
  parts: ['cheek', 'cheek', 'cheek', 'face', 'face', 'hand', 'hand', 'neck', 'neck'],
  perAction: {
    kiss: 12,
    hug: 9,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 1,
    handshake: 1,
    slap: 0,
    punch: 16,
    shove: 6,
    grab: 14,
  },
  perTag: {
    pronoun: 34,
    inline: 24,
    coordinated: 17,
    passive: 8,
    group: 5,
    multiple: 6,
    negation: 17,
    object: 19,
    random: 32,
  },
});
