import { describeStarTrekSet } from './startrek-dev-set.js';

// The thirteenth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-13.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first twelve sets
// use all 683 pages, so every pool drew from their pages. No candidate is left for the
// handshake pool and the slap pool found only 1, so their 11 places went round the other
// act-word pools, as in the twelfth set, and the random pool kept its 32. The fixture holds no
// page text.

describeStarTrekSet(13, {
  pages: 106,
  pagesWithTwo: 14,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 10,
  random: { count: 32, withEvents: [] },
  keywordWithEvents: 57,
  keywordFromTas: 2,
  events: 70,
  withEvents: 57,
  mutual: 10,
  agentless: 1,
  parts: ['cheek', 'face', 'forehead', 'neck', 'neck', 'neck', 'neck'],
  perAction: {
    kiss: 16,
    hug: 14,
    'touch-face': 2,
    'cradle-neck': 1,
    'hold-hands': 1,
    caress: 0,
    handshake: 1,
    slap: 1,
    punch: 12,
    shove: 6,
    grab: 16,
  },
  perTag: {
    pronoun: 43,
    inline: 31,
    coordinated: 17,
    passive: 4,
    group: 2,
    multiple: 11,
    negation: 16,
    object: 20,
    random: 32,
  },
});
