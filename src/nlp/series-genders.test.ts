import { describe, expect, it } from 'vitest';
import { seriesGenders, suggestMoments } from './suggest-moments.js';
import { DEFAULT_CODEBOOK, script } from './test-helpers.js';

// Speeches written for these tests; none is copied from a transcript.

describe('seriesGenders', () => {
  const one = script('KESSA: Mister Tavi, sit down.', 'TAVI: Yes.');
  const two = script('KESSA: Thank you, Mister Tavi.', 'TAVI: Not at all.');
  const three = script('KESSA: Hello.', 'TAVI: Hello.', '(She kisses him.)');

  it('pools what the speeches of every episode tell of a gender', () => {
    // One title in one episode is not enough; two across the series are.
    expect(seriesGenders([one], []).get('TAVI')).toBeUndefined();
    expect(seriesGenders([one, two], []).get('TAVI')).toBe('m');
  });

  it('lets an episode that never tells a gender read its pronouns by the series', () => {
    const read = (genders?: ReadonlyMap<string, 'm' | 'f'>): string[] =>
      suggestMoments({
        episode: 'E3',
        file: 'e3.txt',
        lines: three,
        characters: [],
        codebook: DEFAULT_CODEBOOK,
        ...(genders ? { genders } : {}),
      }).map((s) => `${s.action} ${s.initiator}>${s.recipients.join('+')}`);
    // Alone, `she` is the last speaker; the series knows Tavi is a man.
    expect(read()).toEqual(['kiss TAVI>KESSA']);
    expect(read(seriesGenders([one, two, three], []))).toEqual(['kiss KESSA>TAVI']);
  });

  it("learns a gender from a parent or `ma'am` called, from whom answers the call most often", () => {
    const calls = script(
      'ODA: Mother, please.',
      'LENKA: No.',
      'ODA: Mother!',
      'LENKA: What?',
      'BRAM: Tea?',
      'ODA: Not now, Mother.',
      'LENKA: Fine.',
    );
    expect(seriesGenders([calls], []).get('LENKA')).toBe('f');
    // Answered as often by someone else in the scene: not a sign.
    const crowded = script(
      'ODA: Mother, please.',
      'LENKA: No.',
      'ODA: Mother!',
      'BRAM: Hush.',
      'ODA: Mother?',
      'BRAM: She left.',
      'ODA: Mother.',
      'LENKA: Yes.',
    );
    expect(seriesGenders([crowded], []).get('LENKA')).toBeUndefined();
    expect(seriesGenders([crowded], []).get('BRAM')).toBeUndefined();
  });

  it("leaves out titles that calls show to be someone else's (`Mister Tavi` is the son)", () => {
    // KESSA TAVI is a mother whose son is labelled JUN: calls to `Mister Tavi` are his.
    const son = script(
      'ODA: Mister Tavi, sit down.',
      'JUN: Yes.',
      'ODA: Mister Tavi, the door.',
      'JUN: Done.',
      'ODA: Thank you, Mister Tavi.',
      'JUN: Not at all.',
      'JUN: Mother?',
      'TAVI: Here.',
      'JUN: Mother, look.',
      'TAVI: I see.',
      'JUN: Mother!',
      'TAVI: Yes?',
    );
    expect(seriesGenders([son], []).get('TAVI')).toBe('f');
  });

  it('knows a speaker written in mixed case (`Tavi`) by the name the series learnt', () => {
    const lines = script('KESSA: Hello.', 'TAVI: Hello.', '(She kisses him.)').map((l) =>
      l.kind === 'dialogue' ? { ...l, speaker: l.speaker === 'KESSA' ? 'Kessa' : 'Tavi' } : l,
    );
    const got = suggestMoments({
      episode: 'E3',
      file: 'e3.txt',
      lines,
      characters: ['Kessa', 'Tavi'].map((name) => ({ name, aliases: [] })),
      codebook: DEFAULT_CODEBOOK,
      genders: seriesGenders([one, two], []),
    });
    expect(got.map((s) => `${s.action} ${s.initiator}>${s.recipients.join('+')}`)).toEqual([
      'kiss Kessa>Tavi',
    ]);
  });
});
