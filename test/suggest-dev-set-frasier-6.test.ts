import { describeFrasierSet } from './frasier-dev-set.js';

// The sixth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-6.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text.

describeFrasierSet(6, {
  episodes: 92,
  episodesWithTwo: 28,
  noAct: 5,
  events: 50,
  mutual: 13,
  withEvents: 46,
  random: 38,
  perAction: {
    kiss: 14,
    hug: 13,
    'touch-face': 2,
    'cradle-neck': 0,
    'hold-hands': 0,
    caress: 0,
    handshake: 8,
    slap: 4,
    punch: 2,
    shove: 3,
    grab: 4,
  },
  perTag: {
    pronoun: 37,
    inline: 40,
    coordinated: 17,
    passive: 0,
    group: 3,
    multiple: 4,
    negation: 9,
    object: 29,
    random: 38,
  },
});
