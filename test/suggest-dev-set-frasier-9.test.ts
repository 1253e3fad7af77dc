import { describeFrasierSet } from './frasier-dev-set.js';

// The ninth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-9.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text. The look-alike pool matched no candidate at all, so its 18 places went to the act-word
// pools; the 4 look-alikes without an act are attempts and a held-out hand (see the .md).

describeFrasierSet(9, {
  episodes: 96,
  episodesWithTwo: 24,
  noAct: 4,
  events: 57,
  mutual: 11,
  withEvents: 47,
  random: 40,
  perAction: {
    kiss: 17,
    hug: 13,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 2,
    caress: 1,
    handshake: 8,
    slap: 4,
    punch: 1,
    shove: 5,
    grab: 5,
  },
  perTag: {
    pronoun: 44,
    inline: 44,
    coordinated: 20,
    passive: 1,
    group: 2,
    multiple: 8,
    negation: 5,
    object: 26,
    random: 40,
  },
});
