import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The eighth Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-8.md),
// checked as the sets drawn the same way are (test/doctorwho-dev-set.ts). The counts are those
// the .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(8, {
  events: {
    kiss: 8,
    hug: 7,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 1,
    caress: 0,
    handshake: 0,
    slap: 5,
    punch: 5,
    shove: 11,
    grab: 16,
  },
  tags: {
    pronoun: 24,
    inline: 4,
    coordinated: 6,
    passive: 10,
    group: 6,
    multiple: 4,
    negation: 12,
    object: 34,
    random: 38,
  },
});
