import { describeStarTrekSet } from './startrek-dev-set.js';

// The fourteenth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-14.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first thirteen sets
// use all 683 pages, so every pool drew from their pages. No candidate is left for the
// handshake pool or the slap pool, so their 12 places went round the other act-word pools, as
// in the twelfth and thirteenth sets, and the random pool kept its 32. The fixture holds no
// page text.

describeStarTrekSet(14, {
  pages: 107,
  pagesWithTwo: 13,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 4,
  random: { count: 32, withEvents: [] },
  keywordWithEvents: 57,
  keywordFromTas: 2,
  events: 72,
  withEvents: 57,
  mutual: 15,
  agentless: 3,
  parts: ['cheek', 'face', 'forehead', 'hand', 'hand', 'hand', 'shoulder'],
  perAction: {
    kiss: 15,
    hug: 13,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 0,
    handshake: 0,
    slap: 0,
    punch: 16,
    shove: 8,
    grab: 19,
  },
  perTag: {
    pronoun: 46,
    inline: 15,
    coordinated: 17,
    passive: 13,
    group: 5,
    multiple: 10,
    negation: 14,
    object: 25,
    random: 32,
  },
});
