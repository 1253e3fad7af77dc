import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The twelfth Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-12.md),
// checked as the sets drawn the same way are (test/doctorwho-dev-set.ts). The counts are those
// the .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(12, {
  events: {
    kiss: 10,
    hug: 8,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 0,
    handshake: 0,
    slap: 0,
    punch: 13,
    shove: 5,
    grab: 12,
  },
  tags: {
    pronoun: 23,
    inline: 4,
    coordinated: 3,
    passive: 7,
    group: 4,
    multiple: 5,
    negation: 7,
    object: 39,
    random: 38,
  },
});
