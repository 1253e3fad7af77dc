import { describeFrasierSet } from './frasier-dev-set.js';

// The eleventh Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-11.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text. As in the tenth set, the places of the empty look-alike pool and of the short second
// look-alike pool all went to the act-word pools, so the random share is 30 %; the 3 look-alikes
// without an act are a kiss leaned in for, a hand held out and a hand reached out (see the .md).

describeFrasierSet(11, {
  episodes: 101,
  episodesWithTwo: 19,
  noAct: 3,
  events: 60,
  mutual: 12,
  withEvents: 52,
  random: 36,
  perAction: {
    kiss: 16,
    hug: 16,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 1,
    handshake: 10,
    slap: 3,
    punch: 2,
    shove: 7,
    grab: 4,
  },
  perTag: {
    pronoun: 47,
    inline: 46,
    coordinated: 14,
    passive: 0,
    group: 2,
    multiple: 4,
    negation: 3,
    object: 26,
    random: 36,
  },
});
