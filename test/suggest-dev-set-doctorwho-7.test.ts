import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The seventh Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-7.md),
// checked as the sets drawn the same way are (test/doctorwho-dev-set.ts). The counts are those
// the .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(7, {
  events: {
    kiss: 9,
    hug: 9,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 2,
    caress: 0,
    handshake: 3,
    slap: 5,
    punch: 14,
    shove: 5,
    grab: 15,
  },
  tags: {
    pronoun: 32,
    inline: 6,
    coordinated: 6,
    passive: 4,
    group: 3,
    multiple: 7,
    negation: 12,
    object: 37,
    random: 35,
  },
});
