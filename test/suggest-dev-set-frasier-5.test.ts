import { describeFrasierSet } from './frasier-dev-set.js';

// The fifth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-5.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text.

describeFrasierSet(5, {
  episodes: 98,
  episodesWithTwo: 22,
  noAct: 5,
  events: 60,
  mutual: 13,
  withEvents: 51,
  random: 37,
  perAction: {
    kiss: 13,
    hug: 17,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 2,
    caress: 0,
    handshake: 7,
    slap: 4,
    punch: 2,
    shove: 8,
    grab: 7,
  },
  perTag: {
    pronoun: 49,
    inline: 42,
    coordinated: 16,
    passive: 0,
    group: 5,
    multiple: 8,
    negation: 9,
    object: 23,
    random: 37,
  },
});
