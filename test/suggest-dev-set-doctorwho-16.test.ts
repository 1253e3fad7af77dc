import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The sixteenth Doctor Who stage-direction dev set
// (test/fixtures/suggest-dev-set-doctorwho-16.md), checked as the sets drawn the same way are
// (test/doctorwho-dev-set.ts). 41 of its 120 directions hold an act (34 %), within the usual
// share, so no count of them is stated. The counts are those the .md states: a fixture that
// loses or gains labels fails. The fixture holds no text.

describeDoctorWhoSet(16, {
  events: {
    kiss: 1,
    hug: 8,
    'touch-face': 0,
    'cradle-neck': 0,
    'hold-hands': 3,
    caress: 0,
    handshake: 0,
    slap: 2,
    punch: 6,
    shove: 9,
    grab: 20,
  },
  tags: {
    pronoun: 26,
    inline: 3,
    coordinated: 6,
    passive: 7,
    group: 5,
    multiple: 8,
    negation: 8,
    object: 42,
    random: 32,
  },
});
