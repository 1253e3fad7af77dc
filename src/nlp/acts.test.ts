import { describe, expect, it } from 'vitest';
import { detectActs } from './acts.js';
import { splitClauses } from './clauses.js';
import type { RawAct } from './raw-act.js';
import { readSentence } from './test-helpers.js';

// Sentences written for these tests; none is copied from a transcript.

const CAST = ['ELSA', 'KIT', 'OWEN', 'MARA'];

/** Acts of a one-clause sentence, as `term(rule)->objects@part`, each clause with its own subject. */
function acts(text: string): string[] {
  return splitClauses(readSentence(text, ...CAST)).flatMap((c) =>
    detectActs(c, c.subject, null).map(show),
  );
}

function show(a: RawAct): string {
  const objects = a.objects
    .map((o) => (o === 'subject' ? 'subject' : o.names.join('+') || o.pronoun || o.kind))
    .join('+');
  const doer = a.doer === null ? '?' : a.doer === 'subject' ? '' : `${a.doer.names.join('+')}:`;
  return `${doer}${a.term}${a.mutual ? '*' : ''}->${objects}${a.part ? `@${a.part}` : ''}${a.nonEvent ? ` (not: ${a.nonEvent})` : ''}`;
}

describe('detectActs', () => {
  it('reads a verb with a person object', () => {
    expect(acts('Elsa slaps Kit.')).toEqual(['slap->KIT']);
  });

  it('maps a verb and a body part to the term they make together', () => {
    expect(acts('Elsa strokes his cheek.')).toEqual(['touch-face->his@cheek']);
    expect(acts('Elsa strokes his hair.')).toEqual(['caress->his@hair']);
    expect(acts('Kit takes her hand.')).toEqual(['hold-hands->her@hand']);
    expect(acts('Kit touches her arm.')).toEqual([]);
  });

  it('reads acts carried by a light verb and a noun', () => {
    expect(acts('Owen gives Mara a quick hug.')).toEqual(['hug->MARA']);
    expect(acts('Owen plants a kiss on her forehead.')).toEqual(['kiss->her@forehead']);
    expect(acts('Owen pulls him in for a hug.')).toEqual(['hug->him']);
    // Describing words before the noun, a comma between them.
    expect(acts('Owen gives Mara a long, lingering kiss.')).toEqual(['kiss->MARA']);
    expect(acts('Owen gives her a warm, tender hug.')).toEqual(['hug->her']);
  });

  it('reads getting an act as receiving it, from the one after `from`', () => {
    expect(acts('Kit gets a kiss from Owen.')).toEqual(['OWEN:kiss->subject']);
    expect(acts('Kit gets a punch in the stomach.')).toEqual(['?punch->subject']);
    expect(acts('It gets a kiss.')).toEqual([]);
    expect(acts('Kit gets muddled over a handshake.')).toEqual([]);
    expect(acts('Owen gets Kit in a bear hug.')).toEqual(['grab->KIT']);
  });

  it('inverts a passive, with or without its agent', () => {
    expect(acts('Kit is shoved aside by Owen.')).toEqual(['OWEN:shove->subject']);
    expect(acts('Kit is pushed into the cell.')).toEqual(['?shove->subject']);
  });

  it('reads reciprocal forms as mutual', () => {
    expect(acts('Elsa and Kit embrace.')).toEqual(['hug*->']);
    expect(acts('They kiss each other.')).toEqual(['kiss*->']);
    expect(acts('Elsa and Kit shake hands.')).toEqual(['handshake*->@hand']);
  });

  it('lets one person shake hands with another', () => {
    expect(acts('Elsa shakes hands with Kit.')).toEqual(['handshake->KIT@hand']);
  });

  it('reads a hold a person is caught in as a grab', () => {
    expect(acts('The robot has Kit in a neck hold.')).toEqual(['grab->KIT@neck']);
    // Written as two words, a lock or a nelson.
    expect(acts('Elsa gets Kit in an arm lock.')).toEqual(['grab->KIT']);
    expect(acts('Elsa has Kit in a choke hold.')).toEqual(['grab->KIT@neck']);
    expect(acts('Elsa gets Kit in a half nelson.')).toEqual(['grab->KIT']);
    // Grabbed in a lock: the verb's grab, once.
    expect(acts('Elsa grabs Kit in an arm lock.')).toEqual(['grab->KIT']);
  });

  it('reads a hand laid on a hand, even when the second hand is left unsaid', () => {
    expect(acts("Elsa puts her hand on Kit's.")).toEqual(['hold-hands->KIT@hand']);
  });

  it('takes a possessive body for the whole person', () => {
    expect(acts("Kit cradles Owen's body.")).toEqual(['hug->OWEN']);
  });

  it('reads an act noun on its own as an act of the people around it', () => {
    expect(acts('Another kiss.')).toEqual(['kiss*->']);
  });

  it('does not read an act on a thing, or pulling someone close, as an act', () => {
    expect(acts('Owen grabs the torch.')).toEqual([]);
    expect(acts('Owen pushes the red button.')).toEqual([]);
    expect(acts('Owen pulls her close.')).toEqual([]);
    expect(acts('Owen strikes up a tune.')).toEqual([]);
  });

  it('marks acts that do not happen with the reason', () => {
    expect(acts('Kit tries to hug Owen.')).toEqual(['hug->OWEN (not: to-infinitive)']);
    expect(acts('Kit almost kisses Owen.')).toEqual(['kiss->OWEN (not: almost)']);
  });
});

describe('detectActs on acts no person did', () => {
  it('reads no act in a passive whose agent is a thing', () => {
    expect(acts('Kit is hit by a falling beam.')).toEqual([]);
    expect(acts('Mara gets struck by lightning.')).toEqual([]);
    expect(acts('Kit is hit by Owen.')).toEqual(['OWEN:punch->subject']);
  });

  it('reads no act when someone strikes their own body against a thing', () => {
    expect(acts('Owen bumps into the table and hits his head on a shelf.')).toEqual([]);
    expect(acts('Owen hits his head against the wall.')).toEqual([]);
    expect(acts('Elsa hits him on the head.')).toEqual(['punch->him@head']);
  });

  it('reads snuggling as a hug, mutual when plural', () => {
    expect(acts('Kit snuggles Mara.')).toEqual(['hug->MARA']);
    expect(acts('They snuggle.')).toEqual(['hug*->']);
  });

  it('reads `her` before a body part the tagger took for a verb as a possessive', () => {
    expect(acts('Mara trips and hits her head on a step.')).toEqual([]);
    expect(acts("Owen grabs Mara's left arm.")).toEqual(['grab->MARA@arm']);
  });

  it('reads no slap in a friendly slap on the shoulder or back', () => {
    expect(acts('Owen slaps Kit on the shoulder.')).toEqual([]);
    expect(acts('Owen slaps Kit on the cheek.')).toEqual(['slap->KIT@cheek']);
  });
});

describe('detectActs on blows, tackles and falls', () => {
  it('reads knocking someone out or down, the particle before or after the person', () => {
    expect(acts('Kit knocks Owen down.')).toEqual(['punch->OWEN']);
    expect(acts('Kit knocks out the guard.')).toEqual(['punch->GUARD']);
    expect(acts('Kit knocks the cup out of his hand.')).toEqual([]);
    expect(acts('Kit knocks on the door.')).toEqual([]);
  });

  it('reads kicks and elbows at a person as blows', () => {
    expect(acts('Elsa kicks Owen.')).toEqual(['punch->OWEN']);
    expect(acts('Elsa elbows him in the ribs.')).toEqual(['punch->him']);
    expect(acts('Elsa kicks the door.')).toEqual([]);
  });

  it('reads a neck pinch as a blow to the neck, and no other pinch', () => {
    expect(acts('Elsa neck-pinches Owen.')).toEqual(['punch->OWEN@neck']);
    expect(acts('Elsa uses a nerve pinch on him.')).toEqual(['punch->him@neck']);
    expect(acts('Elsa pinches his cheek.')).toEqual([]);
    expect(acts('Elsa attempts a neck pinch on Owen.')).toEqual([
      'punch->OWEN@neck (not: attempts)',
    ]);
  });

  it('reads clobbering, coshing, pummelling and flooring a person as blows', () => {
    expect(acts('Elsa clobbers Owen.')).toEqual(['punch->OWEN']);
    expect(acts('Elsa coshes him over the head.')).toEqual(['punch->him']);
    expect(acts('Elsa and Kit pummel Owen.')).toEqual(['punch->OWEN']);
    expect(acts('Elsa whacks Owen round the head.')).toEqual(['punch->OWEN@head']);
    expect(acts('Elsa floors him with a rugby tackle.')).toEqual(['punch->him']);
    expect(acts('Elsa floors the accelerator.')).toEqual([]);
    expect(acts('Elsa pushes Owen to the floor.')).toEqual(['shove->OWEN']);
  });

  it('reads throwing oneself on a person, pinning and wrestling them as a grab', () => {
    expect(acts('Kit leaps on the guard.')).toEqual(['grab->GUARD']);
    expect(acts('Kit pounces on Owen.')).toEqual(['grab->OWEN']);
    expect(acts('Kit wrestles with Owen.')).toEqual(['grab->OWEN']);
    expect(acts('Kit pins Owen against the wall.')).toEqual(['grab->OWEN']);
    expect(acts('Kit jumps onto the table.')).toEqual([]);
    expect(acts('Kit leaps over the wall.')).toEqual([]);
  });

  it('gives a finite act verb after another verb of its clause the person right before it', () => {
    expect(acts('As he reaches for the lever Kit knocks him out.')).toEqual(['KIT:punch->him']);
  });
});

describe('detectActs on hands and parts with no owner before them', () => {
  it('reads a handshake with nobody named as one with the partner in talk', () => {
    expect(acts('Owen shakes hands.')).toEqual(['handshake->them@hand']);
    expect(acts('Owen shakes hand, beaming.')).toEqual(['handshake->them@hand']);
    expect(acts('Owen and Kit shake hands.')).toEqual(['handshake*->@hand']);
  });

  it('reads a part and its owner after `of`', () => {
    expect(acts('Mara seizes the collar of Owen’s coat.')).toEqual(['grab->OWEN@collar']);
    expect(acts('Mara seizes the edge of the table.')).toEqual([]);
  });
});

describe('detectActs on a hold on someone', () => {
  it('reads a grip or hold on a person as a grab, not one on a thing', () => {
    expect(acts('Owen tightens his grip on Kit.')).toEqual(['grab->KIT']);
    expect(acts('Mara keeps a firm hold on him.')).toEqual(['grab->him']);
    expect(acts('Mara loosens her grip on the rail.')).toEqual([]);
  });
});
