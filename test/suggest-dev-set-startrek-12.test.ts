import { describeStarTrekSet } from './startrek-dev-set.js';

// The twelfth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-12.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first eleven sets
// use all 683 pages, so every pool drew from their pages. No candidate is left for the
// handshake pool and the slap pool found only 5, so their 7 places went round the other
// act-word pools, not to the random pool, which kept its 32. The fixture holds no page text.

describeStarTrekSet(12, {
  pages: 105,
  pagesWithTwo: 15,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 4,
  random: { count: 32, withEvents: ['ds9/491.htm:201'] },
  keywordWithEvents: 61,
  keywordFromTas: 2,
  events: 77,
  withEvents: 62,
  mutual: 18,
  agentless: 4,
  parts: ['cheek', 'cheek', 'face', 'face', 'face', 'face', 'face', 'face', 'neck', 'neck', 'neck'],
  perAction: {
    kiss: 12,
    hug: 13,
    'touch-face': 2,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 3,
    handshake: 0,
    slap: 5,
    punch: 17,
    shove: 10,
    grab: 14,
  },
  perTag: {
    pronoun: 48,
    inline: 16,
    coordinated: 22,
    passive: 11,
    group: 4,
    multiple: 12,
    negation: 8,
    object: 24,
    random: 32,
  },
});
