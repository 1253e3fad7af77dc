import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The sixth Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-6.md),
// checked as the sets drawn the same way are (test/doctorwho-dev-set.ts). The counts are those
// the .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(6, {
  events: {
    kiss: 11,
    hug: 7,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 0,
    caress: 0,
    handshake: 10,
    slap: 4,
    punch: 14,
    shove: 8,
    grab: 14,
  },
  tags: {
    pronoun: 35,
    inline: 4,
    coordinated: 8,
    passive: 10,
    group: 7,
    multiple: 8,
    negation: 3,
    object: 32,
    random: 32,
  },
});
