import { describeFrasierSet } from './frasier-dev-set.js';

// The tenth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-10.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text. The places of the empty look-alike pool and of the short second look-alike pool all
// went to the act-word pools, so the random share is 30 %; the 1 look-alike without an act is
// a hand put out in greeting (see the .md).

describeFrasierSet(10, {
  episodes: 101,
  episodesWithTwo: 19,
  noAct: 1,
  events: 63,
  mutual: 15,
  withEvents: 55,
  random: 36,
  perAction: {
    kiss: 13,
    hug: 18,
    'touch-face': 1,
    'cradle-neck': 1,
    'hold-hands': 2,
    caress: 2,
    handshake: 11,
    slap: 3,
    punch: 2,
    shove: 6,
    grab: 4,
  },
  perTag: {
    pronoun: 49,
    inline: 41,
    coordinated: 23,
    passive: 0,
    group: 3,
    multiple: 8,
    negation: 1,
    object: 29,
    random: 36,
  },
});
