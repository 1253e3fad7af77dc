import { describeFrasierSet } from './frasier-dev-set.js';

// The eighth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-8.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text. Only 1 look-alike without an act: the look-alike pool matched only 4 candidates, and the
// earlier sets took nearly every attempt and blown kiss of the corpus (see the .md).

describeFrasierSet(8, {
  episodes: 96,
  episodesWithTwo: 24,
  noAct: 1,
  events: 59,
  mutual: 14,
  withEvents: 53,
  random: 39,
  perAction: {
    kiss: 14,
    hug: 15,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 2,
    caress: 1,
    handshake: 9,
    slap: 3,
    punch: 5,
    shove: 6,
    grab: 4,
  },
  perTag: {
    pronoun: 40,
    inline: 52,
    coordinated: 11,
    passive: 0,
    group: 2,
    multiple: 6,
    negation: 1,
    object: 27,
    random: 39,
  },
});
