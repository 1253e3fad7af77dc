import { describeStarTrekSet } from './startrek-dev-set.js';

// The ninth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-9.md),
// checked as the sets drawn the same way are (test/startrek-dev-set.ts). The first eight sets
// use all 683 pages, so every pool drew from their pages. 32 random places and the 2 the touch
// pool left (TAS alone had keyword quota left, and none of its directions matches a touch word).
// The fixture holds no page text.

describeStarTrekSet(9, {
  pages: 108,
  pagesWithTwo: 12,
  perSeries: { ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 },
  usedPages: 683,
  fresh: { entries: 0, pages: 0, keyword: [] },
  noAct: 3,
  random: { count: 34, withEvents: ['tng/125.htm:935', 'tos/58.htm:257'] },
  keywordWithEvents: 61,
  keywordFromTas: 0,
  events: 75,
  withEvents: 63,
  mutual: 14,
  agentless: 0,
  parts: ['cheek', 'cheek', 'face', 'face', 'hair', 'hand', 'hand', 'neck', 'neck'],
  perAction: {
    kiss: 12,
    hug: 12,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 3,
    handshake: 7,
    slap: 6,
    punch: 10,
    shove: 9,
    grab: 15,
  },
  perTag: {
    pronoun: 50,
    inline: 24,
    coordinated: 20,
    passive: 6,
    group: 3,
    multiple: 12,
    negation: 8,
    object: 21,
    random: 34,
  },
});
