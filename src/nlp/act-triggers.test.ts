import { describe, expect, it } from 'vitest';
import { mentionsAnAct } from './act-triggers.js';

describe('mentionsAnAct', () => {
  it('passes a direction with an act verb or noun', () => {
    expect(mentionsAnAct('Elsa kisses Kit.')).toBe(true);
    expect(mentionsAnAct('A quick hug.')).toBe(true);
    expect(mentionsAnAct('They walk hand in hand.')).toBe(true);
    expect(mentionsAnAct("They're making out on the couch.")).toBe(true);
  });

  it('passes a common verb only with the word that makes it an act', () => {
    expect(mentionsAnAct('Kit takes her hand.')).toBe(true);
    expect(mentionsAnAct('Kit takes the map.')).toBe(false);
    expect(mentionsAnAct('Kit looks at Elsa.')).toBe(true);
    expect(mentionsAnAct('Kit looks up.')).toBe(false);
    expect(mentionsAnAct('Kit is caught by the guards.')).toBe(true);
    expect(mentionsAnAct('Kit catches sight of the ship.')).toBe(false);
    expect(mentionsAnAct('Kit shrugs him off.')).toBe(true);
    expect(mentionsAnAct('Kit shrugs.')).toBe(false);
  });

  it('skips directions with no act word at all', () => {
    expect(mentionsAnAct('The lights go out.')).toBe(false);
  });
});
