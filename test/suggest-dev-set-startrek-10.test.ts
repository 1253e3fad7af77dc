import { describeStarTrekSet } from './startrek-dev-set.js';

// The tenth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-10.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first nine sets
// use all 683 pages, so every pool drew from their pages. 32 random places and the 4 the
// handshake pool left (only 2 candidates matched its words). The fixture holds no page text.

describeStarTrekSet(10, {
  pages: 110,
  pagesWithTwo: 10,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 8,
  random: { count: 36, withEvents: ['voy/312.htm:153'] },
  keywordWithEvents: 56,
  keywordFromTas: 2,
  events: 73,
  withEvents: 57,
  mutual: 9,
  agentless: 1,
  parts: ['cheek', 'face', 'face', 'neck', 'neck', 'neck', 'shoulder'],
  perAction: {
    kiss: 11,
    hug: 14,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 3,
    caress: 1,
    handshake: 3,
    slap: 4,
    punch: 15,
    shove: 7,
    grab: 14,
  },
  perTag: {
    pronoun: 44,
    inline: 30,
    coordinated: 21,
    passive: 13,
    group: 6,
    multiple: 15,
    negation: 11,
    object: 22,
    random: 36,
  },
});
