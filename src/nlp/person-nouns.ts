import type { Gender } from './words.js';

/** Common nouns for people: `the guard`, `a young woman`. Gender where the word tells it. */
export const PERSON_NOUNS: ReadonlyMap<string, Gender | null> = new Map([
  ['man', 'm'],
  ['woman', 'f'],
  ['boy', 'm'],
  ['girl', 'f'],
  ['guard', null],
  ['soldier', null],
  ['nurse', null],
  ['child', null],
  ['kid', null],
  ['baby', null],
  ['mum', 'f'],
  ['mom', 'f'],
  ['dad', 'm'],
  ['wife', 'f'],
  ['husband', 'm'],
  ['girlfriend', 'f'],
  ['boyfriend', 'm'],
  ['policeman', 'm'],
  ['policewoman', 'f'],
  ['gentleman', 'm'],
  ['stranger', null],
  ['waiter', 'm'],
  ['waitress', 'f'],
  ['officer', null],
  ['doctor', null],
  ['priest', 'm'],
  ['maid', 'f'],
  ['servant', null],
  ['prisoner', null],
  ['patient', null],
  ['driver', null],
  ['person', null],
  ['figure', null],
  ['lady', 'f'],
  ['scientist', null],
  ['technician', null],
  ['worker', null],
  ['warrior', null],
  ['villager', null],
  ['native', null],
  ['android', null],
  ['drone', null],
  ['robot', null],
  ['cyborg', null],
  ['creature', null],
  ['monster', null],
  ['alien', null],
  ['beast', null],
  ['zombie', null],
  ['ghost', null],
  ['son', 'm'],
  ['daughter', 'f'],
  ['mother', 'f'],
  ['father', 'm'],
  ['brother', 'm'],
  ['sister', 'f'],
  ['bride', 'f'],
  ['groom', 'm'],
  ['friend', null],
]);

// Speaker labels that are no one a stage direction's `him` or `her` can be, nor anyone in the
// conversation one hugs: a machine or an unseen voice (`COMPUTER`, `MALE VOICE`, `TANNOY`),
// or everyone speaking at once (`ALL`, `BOTH`, `CROWD`).
const MACHINE_WORDS = new Set([
  'COMPUTER',
  'VOICE',
  'VOICES',
  'TANNOY',
  'INTERCOM',
  'RADIO',
  'TV',
  'ANNOUNCER',
]);
const CHORUS = new Set(['ALL', 'BOTH', 'CROWD', 'EVERYONE', 'TOGETHER', 'OTHERS']);

/** Whether a speaker's name stands for no one present to act on (a machine, a chorus). */
export function isNoOnePresent(name: string): boolean {
  if (CHORUS.has(name)) return true;
  return name.split(/[\s']+/).some((w) => MACHINE_WORDS.has(w));
}
