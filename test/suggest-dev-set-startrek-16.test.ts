import { describeStarTrekSet } from './startrek-dev-set.js';

// The sixteenth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-16.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first fifteen sets
// use all 683 pages, so every pool drew from their pages. The handshake and slap pools kept the
// fifteenth set's words; the slap pool ran 2 short under the series quotas, so those 2 places
// went round the other act-word pools, as in the twelfth to fifteenth sets, and the random pool
// kept its 32. The fixture holds no page text.

describeStarTrekSet(16, {
  pages: 111,
  pagesWithTwo: 9,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 12,
  random: { count: 32, withEvents: ['ent/35.htm:955'] },
  keywordWithEvents: 54,
  keywordFromTas: 2,
  events: 70,
  withEvents: 55,
  mutual: 12,
  agentless: 0,
  parts: ['hair', 'neck', 'neck'],
  perAction: {
    kiss: 13,
    hug: 7,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 3,
    caress: 3,
    handshake: 3,
    slap: 0,
    punch: 16,
    shove: 7,
    grab: 18,
  },
  perTag: {
    pronoun: 44,
    inline: 32,
    coordinated: 23,
    passive: 7,
    group: 2,
    multiple: 11,
    negation: 18,
    object: 22,
    random: 32,
  },
});
