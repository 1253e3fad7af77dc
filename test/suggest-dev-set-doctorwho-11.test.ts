import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The eleventh Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-11.md),
// checked as the sets drawn the same way are (test/doctorwho-dev-set.ts). The counts are those
// the .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(11, {
  events: {
    kiss: 11,
    hug: 4,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 4,
    caress: 0,
    handshake: 0,
    slap: 5,
    punch: 2,
    shove: 11,
    grab: 19,
  },
  tags: {
    pronoun: 26,
    inline: 4,
    coordinated: 13,
    passive: 3,
    group: 5,
    multiple: 8,
    negation: 7,
    object: 30,
    random: 38,
  },
});
