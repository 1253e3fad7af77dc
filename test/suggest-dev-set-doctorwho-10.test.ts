import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The tenth Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-10.md),
// checked as the sets drawn the same way are (test/doctorwho-dev-set.ts). The counts are those
// the .md states: a fixture that loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(10, {
  events: {
    kiss: 11,
    hug: 7,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 0,
    caress: 0,
    handshake: 0,
    slap: 2,
    punch: 9,
    shove: 6,
    grab: 16,
  },
  tags: {
    pronoun: 22,
    inline: 6,
    coordinated: 3,
    passive: 6,
    group: 2,
    multiple: 3,
    negation: 6,
    object: 36,
    random: 38,
  },
});
