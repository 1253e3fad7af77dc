import { describeFrasierSet } from './frasier-dev-set.js';

// The fourth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-4.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text.

describeFrasierSet(4, {
  episodes: 98,
  episodesWithTwo: 22,
  noAct: 5,
  events: 48,
  mutual: 13,
  withEvents: 46,
  random: 36,
  perAction: {
    kiss: 14,
    hug: 15,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 2,
    caress: 1,
    handshake: 7,
    slap: 3,
    punch: 2,
    shove: 2,
    grab: 1,
  },
  perTag: {
    pronoun: 41,
    inline: 45,
    coordinated: 10,
    passive: 0,
    group: 1,
    multiple: 2,
    negation: 8,
    object: 34,
    random: 36,
  },
});
