import { describe, expect, it } from 'vitest';
import { ACT_VERB_FORMS } from './act-lexicon.js';
import { splitClauses } from './clauses.js';
import { nonEventReason } from './non-events.js';
import type { Item } from './refs.js';
import { readSentence, suggest } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

/** The non-event reason for the act verb `verb` in the clause of a sentence that holds it. */
function reason(text: string, verb: string): string | null {
  const isVerb = (it: Item): boolean => it.kind === 'tok' && it.tok.lower === verb;
  const clause = splitClauses(readSentence(text, 'ELSA', 'KIT')).find((c) => c.items.some(isVerb));
  const items = clause!.items;
  const k = items.findIndex(isVerb);
  const form = ACT_VERB_FORMS.get(verb)!.form;
  return nonEventReason(items, k, clause!.subject, form, clause!.link, null, false);
}

describe('nonEventReason', () => {
  it('lets a plain act happen', () => {
    expect(reason('Elsa kisses Kit.', 'kisses')).toBeNull();
    expect(reason('Elsa and Kit kiss.', 'kiss')).toBeNull();
  });

  it('stops negated and nearly-done acts', () => {
    expect(reason('Elsa does not kiss Kit.', 'kiss')).toBe('not');
    expect(reason('Elsa nearly slaps Kit.', 'slaps')).toBe('nearly');
  });

  it('stops an infinitive of intent but not one of success', () => {
    expect(reason('Elsa is about to kiss Kit.', 'kiss')).toBe('to-infinitive');
    expect(reason('Elsa leans in to kiss Kit.', 'kiss')).toBe('to-infinitive');
    expect(reason('Elsa manages to grab Kit.', 'grab')).toBeNull();
    expect(reason('Elsa is able to grab Kit.', 'grab')).toBeNull();
    expect(reason('Elsa is unable to grab Kit.', 'grab')).toBe('to-infinitive');
  });

  it('lets an act done with a means used happen, unless the means is a drug or a shot', () => {
    expect(reason('Elsa uses a pressure point hold to knock Kit out.', 'knock')).toBeNull();
    expect(reason('Elsa uses her cane to hit Kit.', 'hit')).toBeNull();
    expect(reason('Elsa tries to use her cane to hit Kit.', 'hit')).toBe('to-infinitive');
    expect(reason('Elsa uses a hypospray to knock Kit out.', 'knock')).toBe('to-infinitive');
  });

  it('lets an act that starts or begins happen, with its own subject', () => {
    expect(reason('Elsa starts to kiss Kit fondly.', 'kiss')).toBeNull();
    expect(reason('Kit begins to shove Elsa aside.', 'shove')).toBeNull();
    expect(suggest('(Elsa starts to hug Kit, who stiffens.)')).toEqual(['1 hug ELSA>KIT']);
  });

  it('stops an act only begun when `but` comes right after', () => {
    const talk = ['KIT: Cheers.', 'ELSA: Cheers.'];
    expect(
      suggest(...talk, '(Kit offers his hand. Elsa starts to take it, but pulls it away.)'),
    ).toEqual([]);
    expect(suggest(...talk, '(They start to kiss, but Owen walks in.)')).toEqual([]);
    // Begun, and nothing cuts it short: it happens.
    expect(suggest(...talk, '(They start to kiss, and Owen walks in.)')).toEqual([
      '3 kiss *ELSA+KIT',
    ]);
  });

  it('stops an act under a modal', () => {
    expect(reason('Elsa runs off before Kit can hug her.', 'hug')).toBe('modal');
  });

  it('stops a gerund after before or without, one only mimed, and one avoided', () => {
    expect(reason('Elsa leaves without hugging Kit.', 'hugging')).toBe('without + gerund');
    expect(reason('Elsa mimes throttling Kit.', 'throttling')).toBe('mimes + gerund');
    expect(reason('Elsa avoids Kit hitting her.', 'hitting')).toBe('avoids + gerund');
    // Someone else's act seen is no act avoided.
    expect(reason('Elsa watches Kit hitting Owen.', 'hitting')).toBeNull();
  });

  it('stops an attempt named by a noun', () => {
    expect(reason('In an attempt to grab Kit, Elsa slips.', 'grab')).toBe('attempt');
  });
});
