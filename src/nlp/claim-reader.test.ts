import { describe, expect, it } from 'vitest';
import { CharacterIndex, type Episode } from '../domain/canon.js';
import { CodebookIndex } from '../domain/codebook.js';
import { codebookFrom } from '../app/codebooks.js';
import { readClaimSentence } from './claim-reader.js';
import { detectCues } from './claim-sentences.js';

const codebook = new CodebookIndex(codebookFrom(null, 'default'));
const names = new CharacterIndex([
  { name: 'Ianto Jones', aliases: ['Ianto', 'Mr Jones'], unlisted: false },
  { name: 'Jack Harkness', aliases: ['Jack', 'Captain Jack'], unlisted: false },
  { name: 'Lisa Hallett', aliases: ['Lisa'], unlisted: false },
  { name: 'Gwen Cooper', aliases: ['Gwen'], unlisted: false },
]);
const episodes: Episode[] = ['Rain', 'Fog', 'Cyberwoman', 'Kiss Kiss'].map((title, i) => ({
  id: `S0${i < 3 ? 1 : 2}E0${i < 3 ? i + 1 : 1}`,
  season: i < 3 ? 1 : 2,
  number: i < 3 ? i + 1 : 1,
  title,
  airDate: null,
  storyOrder: null,
}));
const options = {
  vocab: {
    person: (p: string) => names.resolve(p),
    term: (p: string) => codebook.lookup(p)?.id ?? null,
    hint: () => '',
  },
  tierOf: (id: string) => codebook.term(id)?.tier ?? null,
  episodes,
};

/** Read a sentence with its first cue that suggests a quantifier (else its first cue). */
function read(sentence: string, previous: string | null = null) {
  const cues = detectCues(sentence);
  const cue = cues.find((c) => c.quantifier !== null) ?? cues[0]!;
  return readClaimSentence(sentence, cue, { ...options, previous });
}
const claimOf = (sentence: string, previous: string | null = null) => {
  const r = read(sentence, previous);
  if (!r.ok) throw new Error(`not read: ${r.reason}`);
  return r.claim;
};
const reasonOf = (sentence: string) => {
  const r = read(sentence);
  if (r.ok) throw new Error(`read as ${JSON.stringify(r.claim)}`);
  return r.reason;
};

describe('readClaimSentence', () => {
  it('reads a quoted line after "says" as dialogue, with speaker and listener', () => {
    expect(
      claimOf('Ianto never says "I love you" to Jack (not once, not even at the end).'),
    ).toEqual({
      quantifier: 'never',
      pattern: { says: 'I love you', initiator: 'Ianto Jones', listener: 'Jack Harkness' },
    });
  });

  it('reads "they" before a quote as the two people the sentence names, even after it', () => {
    const r = read(
      "They never say 'I love you' to each other, even though Jack and Ianto clearly mean it.",
    );
    expect(r.ok && r.claim.pattern).toEqual({
      says: 'I love you',
      participants: ['Jack Harkness', 'Ianto Jones'],
    });
    expect(r.notes).toEqual([
      '"They" read as Jack Harkness and Ianto Jones (named later in the sentence)',
    ]);
  });

  it('reads "the only time ... is in <title>" as an only claim pointing at that episode', () => {
    expect(claimOf('The only time Jack kisses Ianto in front of Gwen is in Fog.')).toEqual({
      quantifier: 'only',
      pattern: { action: 'kiss', initiator: 'Jack Harkness', recipients: ['Ianto Jones'] },
      at: { episode: 'S01E02' },
    });
  });

  it('reads possessives and fan episode codes ("Jack\'s first kiss with Ianto is in 1x02")', () => {
    expect(claimOf("Jack's first kiss with Ianto is in 1x02.")).toEqual({
      quantifier: 'first',
      pattern: { action: 'kiss', initiator: 'Jack Harkness', recipients: ['Ianto Jones'] },
      at: { episode: 'S01E02' },
    });
  });

  it('reads the comparison of the issue, with the second half sharing the act and its lead', () => {
    const r = read(
      'He initiates more physical affection towards Lisa in one episode than he does with Jack in two whole series.',
      'Ianto Jones',
    );
    expect(r.ok && r.claim).toEqual({
      quantifier: 'compare',
      pattern: { action: 'affection', initiator: 'Ianto Jones', recipients: ['Lisa Hallett'] },
      other: { action: 'affection', initiator: 'Ianto Jones', recipients: ['Jack Harkness'] },
      op: '>',
    });
    expect(r.notes).toEqual([
      '"He" read as Ianto Jones (named in the sentence before)',
      '"he" read as Ianto Jones (the subject of the clause before)',
      '"in one episode" is read as over the whole canon: the draft claims more than that, so "supported" here is necessary, not sufficient',
    ]);
  });

  it('reports hedges and still reads the strict claim ("I think ... almost never")', () => {
    const r = read('I think Ianto almost never initiates this kind of affection with Jack.');
    expect(r.ok && r.claim).toEqual({
      quantifier: 'never',
      pattern: { action: 'affection', initiator: 'Ianto Jones', recipients: ['Jack Harkness'] },
    });
    expect(r.hedges).toEqual([
      { text: 'I think', kind: 'belief' },
      { text: 'almost', kind: 'quantifier' },
    ]);
  });

  it('reads a passive with "by", two names joined by "and", and a season', () => {
    expect(claimOf('Ianto is only kissed by Jack once.').pattern).toEqual({
      action: 'kiss',
      initiator: 'Jack Harkness',
      recipients: ['Ianto Jones'],
    });
    expect(claimOf('Jack and Ianto never hold hands in series 1.').pattern).toEqual({
      action: 'hold-hands',
      participants: ['Jack Harkness', 'Ianto Jones'],
      episodes: ['S01E01', 'S01E02', 'S01E03'],
    });
  });

  it('reads the clause its cue is in, not the clause beside it', () => {
    expect(
      claimOf('Jack hugs everyone in sight, but Ianto never kisses Gwen, and that is the point.'),
    ).toEqual({
      quantifier: 'never',
      pattern: { action: 'kiss', initiator: 'Ianto Jones', recipients: ['Gwen Cooper'] },
    });
    expect(reasonOf('He hugs him on the roof, and Jack never does anything more.')).toMatch(
      /no act from the codebook/,
    );
  });

  it('counts "twice" and "at least three times"', () => {
    expect(claimOf('Gwen slaps Jack twice in Rain.')).toMatchObject({
      quantifier: 'count',
      op: '=',
      value: 2,
      pattern: { episodes: ['S01E01'] },
    });
    expect(claimOf('Gwen hugs Ianto at least three times.')).toMatchObject({ op: '>=', value: 3 });
  });

  it('says why a claim sentence cannot be checked', () => {
    expect(reasonOf('Every time Ianto gets hurt, Jack hugs him.')).toMatch(
      /does not pair occasions/,
    );
    expect(reasonOf('Jack only hugs Ianto when it matters.')).toMatch(/bare "only"/);
    expect(reasonOf("I've never noticed Jack hugging anyone.")).toMatch(/about the writer/);
    expect(reasonOf('Did Jack never kiss Ianto?')).toMatch(/asks a question/);
    expect(reasonOf('He never hugs Gwen.')).toMatch(/"He" refers to someone not named/);
    expect(reasonOf('Owen never hugs anybody.')).toMatch(/"Owen" looks like a name/);
    expect(reasonOf('Ianto never really forgives Jack.')).toMatch(/no act from the codebook/);
  });
});
