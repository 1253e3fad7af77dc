import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The fifteenth Doctor Who stage-direction dev set
// (test/fixtures/suggest-dev-set-doctorwho-15.md), checked as the sets drawn the same way are
// (test/doctorwho-dev-set.ts). Only 35 of its 120 directions hold an act (29 %), below the usual
// 30 %, so the count is stated, as for the fourteenth set (see "Limits of the draw" in the .md).
// The counts are those the .md states: a fixture that loses or gains labels fails. The fixture
// holds no text.

describeDoctorWhoSet(15, {
  events: {
    kiss: 1,
    hug: 7,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 0,
    handshake: 1,
    slap: 0,
    punch: 8,
    shove: 11,
    grab: 19,
  },
  tags: {
    pronoun: 17,
    inline: 3,
    coordinated: 10,
    passive: 6,
    group: 7,
    multiple: 8,
    negation: 16,
    object: 42,
    random: 32,
  },
  withActs: 35,
});
