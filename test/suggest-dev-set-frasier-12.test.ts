import { describeFrasierSet } from './frasier-dev-set.js';

// The twelfth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-12.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text. As in the tenth and eleventh sets, the places of the empty look-alike pool and of the
// short second look-alike pool all went to the act-word pools, so the random share is 30 %; the 2
// look-alikes without an act are a hand taken back out of a handshake and an offered hand pulled
// away (see the .md).

describeFrasierSet(12, {
  episodes: 100,
  episodesWithTwo: 20,
  noAct: 2,
  events: 61,
  mutual: 15,
  withEvents: 55,
  random: 36,
  perAction: {
    kiss: 15,
    hug: 18,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 3,
    caress: 1,
    handshake: 12,
    slap: 4,
    punch: 2,
    shove: 5,
    grab: 1,
  },
  perTag: {
    pronoun: 43,
    inline: 48,
    coordinated: 12,
    passive: 0,
    group: 2,
    multiple: 5,
    negation: 4,
    object: 26,
    random: 36,
  },
});
