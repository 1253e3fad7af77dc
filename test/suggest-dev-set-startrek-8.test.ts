import { describeStarTrekSet } from './startrek-dev-set.js';

// The eighth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-8.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first seven sets
// use 682 of the 683 pages; none of the last page's directions matches an act word, and TAS's
// quota left one place, so its one entry is random. The fixture holds no page text.

describeStarTrekSet(8, {
  pages: 105,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 682,
  fresh: { entries: 1, pages: 1, keyword: [] },
  noAct: 4,
  random: { count: 32, withEvents: ['tos/50.htm:1222'] },
  keywordWithEvents: 58,
  events: 75,
  withEvents: 59,
  mutual: 13,
  agentless: 0,
  parts: ['cheek', 'cheek', 'face', 'hair', 'neck', 'neck'],
  perAction: {
    kiss: 16,
    hug: 8,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 2,
    handshake: 5,
    slap: 5,
    punch: 14,
    shove: 8,
    grab: 15,
  },
  perTag: {
    pronoun: 44,
    inline: 22,
    coordinated: 23,
    passive: 8,
    group: 6,
    multiple: 12,
    negation: 8,
    object: 26,
    random: 32,
  },
});
