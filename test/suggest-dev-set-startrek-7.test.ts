import { describeStarTrekSet } from './startrek-dev-set.js';

// The seventh Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-7.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first six sets use
// 670 of the 683 pages; only 2 of the unused pages' directions match an act word, the other 20
// entries from them are random. The fixture holds no page text.

describeStarTrekSet(7, {
  pages: 99,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 670,
  fresh: { entries: 22, pages: 12, keyword: ['voy/318.htm:1036', 'voy/604.htm:459'] },
  noAct: 9,
  random: { count: 32, withEvents: ['tos/77.htm:1358'] },
  keywordWithEvents: 55,
  events: 74,
  withEvents: 56,
  mutual: 12,
  agentless: 1,
  parts: ['face', 'face', 'face', 'lips', 'neck', 'neck'],
  perAction: {
    kiss: 11,
    hug: 9,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 0,
    caress: 4,
    handshake: 6,
    slap: 4,
    punch: 15,
    shove: 4,
    grab: 21,
  },
  perTag: {
    pronoun: 42,
    inline: 28,
    coordinated: 12,
    passive: 8,
    group: 5,
    multiple: 15,
    negation: 10,
    object: 21,
    random: 32,
  },
});
