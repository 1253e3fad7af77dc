import { describeFrasierSet } from './frasier-dev-set.js';

// The fourteenth Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-14.md),
// checked as the sets drawn the same way are (test/frasier-dev-set.ts). The fixture holds no
// text. As in the tenth to thirteenth sets, the places of the empty look-alike pool and of the
// short second look-alike pool went to the act-word pools: the random share stays at 30 %. The
// slap pool, empty under its old words, drew with new words chosen from match counts alone (see
// the .md); its entries hold two blows labelled `punch` and no slap. The 5 look-alikes without an
// act are kisses and a hug only set out for, a kiss turned away from and a hand held out (see the
// .md). The set holds no slap event.

describeFrasierSet(14, {
  episodes: 95,
  episodesWithTwo: 25,
  noAct: 5,
  events: 56,
  mutual: 15,
  withEvents: 52,
  random: 36,
  perAction: {
    kiss: 14,
    hug: 13,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 3,
    caress: 3,
    handshake: 10,
    slap: 0,
    punch: 5,
    shove: 4,
    grab: 3,
  },
  perTag: {
    pronoun: 36,
    inline: 43,
    coordinated: 20,
    passive: 0,
    group: 2,
    multiple: 4,
    negation: 6,
    object: 25,
    random: 36,
  },
});
