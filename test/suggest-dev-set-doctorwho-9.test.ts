import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The ninth Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-9.md),
// checked as the sets drawn the same way are (test/doctorwho-dev-set.ts). The counts are those
// the .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(9, {
  events: {
    kiss: 10,
    hug: 8,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 0,
    handshake: 0,
    slap: 4,
    punch: 8,
    shove: 8,
    grab: 16,
  },
  tags: {
    pronoun: 29,
    inline: 2,
    coordinated: 3,
    passive: 3,
    group: 4,
    multiple: 8,
    negation: 9,
    object: 35,
    random: 38,
  },
});
