import { describeStarTrekSet } from './startrek-dev-set.js';

// The eleventh Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-11.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first ten sets use
// all 683 pages, so every pool drew from their pages. No candidate is left for the handshake
// pool, so the random pool took its 32 places and the handshake pool's 6. The fixture holds no
// page text.

describeStarTrekSet(11, {
  pages: 112,
  pagesWithTwo: 8,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 5,
  random: { count: 38, withEvents: ['ds9/519.htm:510'] },
  keywordWithEvents: 59,
  keywordFromTas: 2,
  events: 81,
  withEvents: 60,
  mutual: 11,
  agentless: 4,
  parts: [
    'cheek',
    'face',
    'face',
    'face',
    'hand',
    'hand',
    'hand',
    'neck',
    'neck',
    'neck',
    'shoulder',
  ],
  perAction: {
    kiss: 14,
    hug: 10,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 4,
    caress: 1,
    handshake: 0,
    slap: 6,
    punch: 17,
    shove: 11,
    grab: 17,
  },
  perTag: {
    pronoun: 49,
    inline: 22,
    coordinated: 22,
    passive: 10,
    group: 4,
    multiple: 16,
    negation: 9,
    object: 17,
    random: 38,
  },
});
