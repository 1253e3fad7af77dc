import { describeDoctorWhoSet } from './doctorwho-dev-set.js';

// The thirteenth Doctor Who stage-direction dev set
// (test/fixtures/suggest-dev-set-doctorwho-13.md), checked as the sets drawn the same way are
// (test/doctorwho-dev-set.ts). The counts are those the .md states: a fixture that loses or gains
// labels fails. The fixture holds no text.

describeDoctorWhoSet(13, {
  events: {
    kiss: 12,
    hug: 5,
    'touch-face': 1,
    'cradle-neck': 0,
    'hold-hands': 2,
    caress: 1,
    handshake: 0,
    slap: 0,
    punch: 17,
    shove: 8,
    grab: 16,
  },
  tags: {
    pronoun: 27,
    inline: 2,
    coordinated: 11,
    passive: 5,
    group: 5,
    multiple: 7,
    negation: 5,
    object: 35,
    random: 38,
  },
});
