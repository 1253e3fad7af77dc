import type { Gender } from './words.js';

// People by what they do or are to someone, of either gender, whom the tagger does not mark as
// people (`the killer grabs Vina`).
const UNMARKED_PEOPLE = [
  'killer',
  'attacker',
  'assailant',
  'intruder',
  'thug',
  'thief',
  'pirate',
  'bandit',
  'assassin',
  'kidnapper',
  'mugger',
  'burglar',
  'gunman',
  'rebel',
  'victim',
  'cop',
  'constable',
  'sentry',
  'jailer',
  'warder',
  'inmate',
  'convict',
  'captive',
  'neighbour',
  'neighbor',
  'cousin',
  'twin',
  'partner',
  'colleague',
  'student',
  'pupil',
  'owner',
  'shopkeeper',
  'bartender',
  'engineer',
  'medic',
  'paramedic',
  'assistant',
  'survivor',
  'teenager',
  'youth',
  'toddler',
  'infant',
  'vampire',
  'werewolf',
  'scarecrow',
  // Trades, ranks and stations of people in a story.
  ...['blacksmith', 'peasant', 'miner', 'porter', 'knight', 'squire', 'senator', 'ambassador'],
  ...['warden', 'hunter', 'navigator', 'deckhand', 'steward', 'stewardess', 'valet', 'slave'],
  ...['barbarian', 'chieftain', 'healer', 'janitor', 'bellboy', 'bellhop', 'bouncer'],
  ...['bodyguard', 'sheriff', 'marshal', 'gunslinger', 'messenger', 'boxer', 'intern'],
  ...['passerby', 'pedestrian', 'beggar', 'teen', 'caller', 'judge'],
];

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
  // Beings of science fiction that act as people do: `the lifeform knocks out Neelix`.
  ['angel', null],
  ['entity', null],
  ['lifeform', null],
  ['hologram', null],
  ['son', 'm'],
  ['daughter', 'f'],
  ['mother', 'f'],
  ['father', 'm'],
  ['brother', 'm'],
  ['sister', 'f'],
  ['bride', 'f'],
  ['groom', 'm'],
  ['friend', null],
  // Guests and bystanders of a scene: `shakes hands with the attendees`.
  ['attendee', null],
  ['delegate', null],
  ['passenger', null],
  ['spectator', null],
  ['onlooker', null],
  ['bystander', null],
  ['hostage', null],
  ['customer', null],
  ['colonist', null],
  ['settler', null],
  ['refugee', null],
  ['tourist', null],
  ['cadet', null],
  ['ensign', null],
  ['lover', null],
  ['fiance', 'm'],
  ['fiancee', 'f'],
  ...UNMARKED_PEOPLE.map((w) => [w, null] as const),
  ['butler', 'm'],
  ['king', 'm'],
  ['queen', 'f'],
  ['prince', 'm'],
  ['princess', 'f'],
  ['duke', 'm'],
  ['duchess', 'f'],
  ['emperor', 'm'],
  ['empress', 'f'],
  ['landlord', 'm'],
  ['landlady', 'f'],
  ['barmaid', 'f'],
  ['vicar', 'm'],
  ['monk', 'm'],
  ['nun', 'f'],
  ['chap', 'm'],
  ['bloke', 'm'],
  ['guy', 'm'],
  ['lass', 'f'],
  ['niece', 'f'],
  ['nephew', 'm'],
  ['aunt', 'f'],
  ['uncle', 'm'],
  ['grandmother', 'f'],
  ['grandfather', 'm'],
  ['granny', 'f'],
  ['grandma', 'f'],
  ['gran', 'f'],
  ['grandad', 'm'],
  ['grandpa', 'm'],
  ['widow', 'f'],
  ['widower', 'm'],
  ['hostess', 'f'],
  ['nanny', 'f'],
  ['governess', 'f'],
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

// Bodies of people, never one person: `the police`, `the crowd`.
const GROUPS = ['police', 'crowd', 'mob'];
const PLURAL_PEOPLE = new Set(['men', 'women', 'people', 'children', ...GROUPS]);

/**
 * Nouns for a body of people, who act as one group: `the police`, `Security enter` (though
 * `the second security` is one officer).
 */
export const COLLECTIVES: ReadonlySet<string> = new Set([...GROUPS, 'security']);

/**
 * Whether a name is a role written as a plural (`THUGS`, `ATTACKERS`, `MEN`): a group, which
 * `him` or `her` never stands for.
 */
export function isPluralRole(name: string): boolean {
  const last = name.slice(name.lastIndexOf(' ') + 1).toLowerCase();
  return PLURAL_PEOPLE.has(last) || (/[^s]s$/.test(last) && PERSON_NOUNS.has(last.slice(0, -1)));
}
