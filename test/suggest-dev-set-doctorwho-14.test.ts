import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The fourteenth Doctor Who stage-direction dev set
// (test/fixtures/suggest-dev-set-doctorwho-14.md), checked as the sets drawn the same way are
// (test/doctorwho-dev-set.ts). Only 32 of its 120 directions hold an act (27 %), below the usual
// third, so the count is stated (see "Limits of the draw" in the .md). The counts are those the
// .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(14, {
  events: {
    kiss: 2,
    hug: 8,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 0,
    caress: 0,
    handshake: 0,
    slap: 0,
    punch: 7,
    shove: 10,
    grab: 16,
  },
  tags: {
    pronoun: 20,
    inline: 4,
    coordinated: 9,
    passive: 10,
    group: 9,
    multiple: 6,
    negation: 7,
    object: 49,
    random: 32,
  },
  withActs: 32,
});
