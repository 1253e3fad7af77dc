import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import { readEaf, type EafAnnotation, type EafDocument } from './eaf-read.js';

/** A small EAF document around the given TIME_ORDER, TIERs and trailing elements. */
function eaf(body: { slots: string; tiers: string; rest?: string; format?: string }): string {
  const format = body.format ?? '3.0';
  return `<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="tester" DATE="2024-05-01T12:00:00+01:00" FORMAT="${format}" VERSION="${format}"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv${format}.xsd">
  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
    <MEDIA_DESCRIPTOR MEDIA_URL="file:///videos/ep1.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="./ep1.mp4"/>
    <PROPERTY NAME="lastUsedAnnotationId">40</PROPERTY>
  </HEADER>
  <TIME_ORDER>${body.slots}</TIME_ORDER>
${body.tiers}
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="main" TIME_ALIGNABLE="true" GRAPHIC_REFERENCES="false"/>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="tsub" CONSTRAINTS="Time_Subdivision" TIME_ALIGNABLE="true"/>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="ssub" CONSTRAINTS="Symbolic_Subdivision" TIME_ALIGNABLE="false"/>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="assoc" CONSTRAINTS="Symbolic_Association" TIME_ALIGNABLE="false"/>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="incl" CONSTRAINTS="Included_In" TIME_ALIGNABLE="true"/>
  <LOCALE LANGUAGE_CODE="en" COUNTRY_CODE="GB"/>
${body.rest ?? ''}
</ANNOTATION_DOCUMENT>
`;
}

const slot = (id: string, ms?: number): string =>
  ms === undefined
    ? `<TIME_SLOT TIME_SLOT_ID="${id}"/>`
    : `<TIME_SLOT TIME_SLOT_ID="${id}" TIME_VALUE="${ms}"/>`;
const aligned = (id: string, ts1: string, ts2: string, value: string, extra = ''): string =>
  `<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="${id}" TIME_SLOT_REF1="${ts1}" TIME_SLOT_REF2="${ts2}"${extra}><ANNOTATION_VALUE>${value}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>`;
const ref = (id: string, to: string, value: string, extra = ''): string =>
  `<ANNOTATION><REF_ANNOTATION ANNOTATION_ID="${id}" ANNOTATION_REF="${to}"${extra}><ANNOTATION_VALUE>${value}</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>`;
const tier = (attrs: string, ...annotations: string[]): string =>
  `  <TIER ${attrs}>\n    ${annotations.join('\n    ')}\n  </TIER>`;

const span = (doc: EafDocument, id: string): [number, number, string] => {
  const a: EafAnnotation | undefined = doc.annotations.find((x) => x.id === id);
  if (a === undefined) throw new Error(`no annotation ${id}`);
  return [a.startMs, a.endMs, a.value];
};

/** 1-based line of the first line of `text` holding `needle`. */
const lineWith = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function failure(text: string): ReceiptsError {
  try {
    readEaf(text, 'bad.eaf');
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
    throw e;
  }
  throw new Error('expected readEaf to fail');
}

const MAIN = tier(
  'TIER_ID="Utterance" LINGUISTIC_TYPE_REF="main" PARTICIPANT="Jack" ANNOTATOR="kb"',
  aligned('a1', 'ts1', 'ts4', 'hello there'),
);

describe('readEaf on independent tiers', () => {
  it('reads header, tiers and an aligned annotation with its times', () => {
    const text = eaf({ slots: slot('ts1', 1000) + slot('ts4', 4000), tiers: MAIN });
    const doc = readEaf(text, 'a.eaf');
    expect(doc).toMatchObject({
      file: 'a.eaf',
      format: '3.0',
      author: 'tester',
      date: '2024-05-01T12:00:00+01:00',
      media: [{ url: 'file:///videos/ep1.mp4', mimeType: 'video/mp4', relativeUrl: './ep1.mp4' }],
      properties: [{ name: 'lastUsedAnnotationId', value: '40' }],
      interpolatedSlots: 0,
    });
    expect(doc.tiers).toEqual([
      {
        id: 'Utterance',
        linguisticType: 'main',
        stereotype: null,
        parent: null,
        participant: 'Jack',
        annotator: 'kb',
        vocabulary: null,
      },
    ]);
    expect(doc.annotations).toEqual([
      {
        id: 'a1',
        tier: 'Utterance',
        kind: 'alignable',
        startMs: 1000,
        endMs: 4000,
        value: 'hello there',
        ref: null,
        cveRef: null,
        extRef: null,
        line: lineWith(text, 'ANNOTATION_ID="a1"'),
      },
    ]);
  });

  it('decodes entities and keeps the value as written, spaces included', () => {
    const t = tier(
      'TIER_ID="t" LINGUISTIC_TYPE_REF="main"',
      aligned('a1', 'ts1', 'ts2', ' A &amp; B &lt;3 &#233; '),
    );
    const doc = readEaf(eaf({ slots: slot('ts1', 0) + slot('ts2', 10), tiers: t }), 'a.eaf');
    expect(span(doc, 'a1')[2]).toBe(' A & B <3 é ');
  });

  it('reads a file with a byte order mark and an empty tier', () => {
    const text =
      '\uFEFF' + eaf({ slots: '', tiers: '<TIER TIER_ID="empty" LINGUISTIC_TYPE_REF="main"/>' });
    const doc = readEaf(text, 'a.eaf');
    expect(doc.tiers.map((t) => t.id)).toEqual(['empty']);
    expect(doc.annotations).toEqual([]);
  });
});

describe('readEaf on dependent tiers of each stereotype', () => {
  it('reads a Time_Subdivision tier, interpolating unvalued slots evenly along the chain', () => {
    const slots =
      slot('ts1', 1000) + slot('ts2') + slot('ts3') + slot('ts4', 4000) + slot('ts5', 9999);
    const tiers = [
      MAIN,
      tier(
        'TIER_ID="Words" LINGUISTIC_TYPE_REF="tsub" PARENT_REF="Utterance"',
        aligned('a2', 'ts1', 'ts2', 'one'),
        aligned('a3', 'ts2', 'ts3', 'two'),
        aligned('a4', 'ts3', 'ts4', 'three'),
      ),
    ].join('\n');
    const doc = readEaf(eaf({ slots, tiers }), 'a.eaf');
    expect(doc.tiers[1]).toMatchObject({ stereotype: 'Time_Subdivision', parent: 'Utterance' });
    expect(doc.interpolatedSlots).toBe(2);
    expect([span(doc, 'a2'), span(doc, 'a3'), span(doc, 'a4')]).toEqual([
      [1000, 2000, 'one'],
      [2000, 3000, 'two'],
      [3000, 4000, 'three'],
    ]);
  });

  it('interpolates a slot no chain brackets between the valued slots around it in TIME_ORDER', () => {
    const slots = slot('ts1', 1000) + slot('ts2') + slot('ts3', 2000) + slot('ts4', 4000);
    const t = tier('TIER_ID="t" LINGUISTIC_TYPE_REF="main"', aligned('a1', 'ts2', 'ts4', 'x'));
    const doc = readEaf(eaf({ slots, tiers: t }), 'a.eaf');
    expect(span(doc, 'a1')).toEqual([1500, 4000, 'x']);
  });

  it('splits a Symbolic_Subdivision parent evenly in PREVIOUS_ANNOTATION order', () => {
    const tiers = [
      MAIN,
      tier(
        'TIER_ID="Morphs" LINGUISTIC_TYPE_REF="ssub" PARENT_REF="Utterance"',
        // Written out of order: the PREVIOUS_ANNOTATION chain decides.
        ref('a12', 'a1', 'c', ' PREVIOUS_ANNOTATION="a11"'),
        ref('a10', 'a1', 'a'),
        ref('a11', 'a1', 'b', ' PREVIOUS_ANNOTATION="a10"'),
      ),
    ].join('\n');
    const doc = readEaf(eaf({ slots: slot('ts1', 1000) + slot('ts4', 4000), tiers }), 'a.eaf');
    expect(doc.tiers[1]!.stereotype).toBe('Symbolic_Subdivision');
    expect([span(doc, 'a10'), span(doc, 'a11'), span(doc, 'a12')]).toEqual([
      [1000, 2000, 'a'],
      [2000, 3000, 'b'],
      [3000, 4000, 'c'],
    ]);
  });

  it('gives a Symbolic_Association annotation its parent times, through several levels', () => {
    const tiers = [
      MAIN,
      tier(
        'TIER_ID="Morphs" LINGUISTIC_TYPE_REF="ssub" PARENT_REF="Utterance"',
        ref('a10', 'a1', 'un'),
        ref('a11', 'a1', 'do', ' PREVIOUS_ANNOTATION="a10"'),
      ),
      tier(
        'TIER_ID="Gloss" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Morphs"',
        ref('a20', 'a11', 'undo.V'),
      ),
      tier(
        'TIER_ID="Note" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Gloss"',
        ref('a30', 'a20', 'verb'),
      ),
    ].join('\n');
    const doc = readEaf(eaf({ slots: slot('ts1', 1000) + slot('ts4', 3000), tiers }), 'a.eaf');
    expect(doc.tiers.map((t) => t.stereotype)).toEqual([
      null,
      'Symbolic_Subdivision',
      'Symbolic_Association',
      'Symbolic_Association',
    ]);
    expect(span(doc, 'a20')).toEqual([2000, 3000, 'undo.V']);
    expect(span(doc, 'a30')).toEqual([2000, 3000, 'verb']);
    expect(doc.annotations.find((a) => a.id === 'a30')).toMatchObject({ kind: 'ref', ref: 'a20' });
  });

  it('reads an Included_In tier with its own slots inside the parent', () => {
    const tiers = [
      MAIN,
      tier(
        'TIER_ID="Gesture" LINGUISTIC_TYPE_REF="incl" PARENT_REF="Utterance"',
        aligned('a5', 'ts2', 'ts3', 'point'),
      ),
    ].join('\n');
    const slots = slot('ts1', 1000) + slot('ts2', 1500) + slot('ts3', 2500) + slot('ts4', 4000);
    const doc = readEaf(eaf({ slots, tiers }), 'a.eaf');
    expect(doc.tiers[1]).toMatchObject({ stereotype: 'Included_In', parent: 'Utterance' });
    expect(span(doc, 'a5')).toEqual([1500, 2500, 'point']);
  });
});

describe('readEaf on controlled vocabularies', () => {
  it('reads an EAF 3.0 multilingual vocabulary and an external one without fetching it', () => {
    const rest = `
  <CONTROLLED_VOCABULARY CV_ID="Acts">
    <DESCRIPTION LANG_REF="eng">Physical acts</DESCRIPTION>
    <CV_ENTRY_ML CVE_ID="cve1" EXT_REF="er1">
      <CVE_VALUE LANG_REF="eng" DESCRIPTION="on the lips">kiss</CVE_VALUE>
      <CVE_VALUE LANG_REF="nld" DESCRIPTION="op de lippen">kus</CVE_VALUE>
    </CV_ENTRY_ML>
  </CONTROLLED_VOCABULARY>
  <CONTROLLED_VOCABULARY CV_ID="Shared" EXT_REF="er2"/>
  <EXTERNAL_REF EXT_REF_ID="er1" TYPE="iso12620" VALUE="http://example.org/dc/1"/>
  <EXTERNAL_REF EXT_REF_ID="er2" TYPE="ecv" VALUE="https://example.org/acts.ecv"/>`;
    const t = tier(
      'TIER_ID="t" LINGUISTIC_TYPE_REF="main"',
      aligned('a1', 'ts1', 'ts2', 'kiss', ' CVE_REF="cve1" EXT_REF="er1"'),
    );
    const doc = readEaf(eaf({ slots: slot('ts1', 0) + slot('ts2', 5), tiers: t, rest }), 'a.eaf');
    expect(doc.vocabularies).toEqual([
      {
        id: 'Acts',
        description: 'Physical acts',
        external: null,
        entries: [
          {
            id: 'cve1',
            value: 'kiss',
            description: 'on the lips',
            extRef: 'er1',
            values: [
              { lang: 'eng', value: 'kiss', description: 'on the lips' },
              { lang: 'nld', value: 'kus', description: 'op de lippen' },
            ],
          },
        ],
      },
      {
        id: 'Shared',
        description: null,
        external: { id: 'er2', type: 'ecv', value: 'https://example.org/acts.ecv' },
        entries: [],
      },
    ]);
    expect(doc.annotations[0]).toMatchObject({ cveRef: 'cve1', extRef: 'er1' });
  });

  it('reads an EAF 2.7 vocabulary of CV_ENTRY elements and a type that uses it', () => {
    const rest = `
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="coded" TIME_ALIGNABLE="true" CONTROLLED_VOCABULARY_REF="Gaze"/>
  <CONTROLLED_VOCABULARY CV_ID="Gaze" DESCRIPTION="Where they look">
    <CV_ENTRY DESCRIPTION="at the other">stare</CV_ENTRY>
    <CV_ENTRY DESCRIPTION="away">look-away</CV_ENTRY>
  </CONTROLLED_VOCABULARY>`;
    const t = tier(
      'TIER_ID="gaze" LINGUISTIC_TYPE_REF="coded"',
      aligned('a1', 'ts1', 'ts2', 'stare'),
    );
    const text = eaf({ slots: slot('ts1', 0) + slot('ts2', 5), tiers: t, rest, format: '2.7' });
    const doc = readEaf(text, 'a.eaf');
    expect(doc.format).toBe('2.7');
    expect(doc.tiers[0]!.vocabulary).toBe('Gaze');
    expect(doc.vocabularies[0]).toMatchObject({
      id: 'Gaze',
      description: 'Where they look',
      entries: [
        { id: null, value: 'stare', description: 'at the other' },
        { id: null, value: 'look-away', description: 'away' },
      ],
    });
  });
});

describe('readEaf errors', () => {
  it('says a file that is not XML is not XML, with the line', () => {
    const e = failure('<ANNOTATION_DOCUMENT>\n  <HEADER>\n</ANNOTATION_DOCUMENT>\n');
    expect(e.code).toBe('EAF_INVALID');
    expect(e.message).toMatch(/^not XML: /);
    expect(e.place).toMatchObject({ file: 'bad.eaf', line: 3 });
    expect(failure('just some words').place.line).toBe(1);
  });

  it('says an XML file that is no annotation document is not one', () => {
    const e = failure('<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>');
    expect(e.code).toBe('EAF_INVALID');
    expect(e.message).toContain('<tt>');
  });

  it('names the annotation that refers to a missing time slot, at its line', () => {
    const t = tier('TIER_ID="t" LINGUISTIC_TYPE_REF="main"', aligned('a7', 'ts1', 'ts9', 'x'));
    const text = eaf({ slots: slot('ts1', 0), tiers: t });
    const e = failure(text);
    expect(e.code).toBe('EAF_INVALID');
    expect(e.message).toBe('annotation a7 refers to time slot "ts9", which does not exist');
    expect(e.place.line).toBe(lineWith(text, 'ANNOTATION_ID="a7"'));
    expect(e.place.line).toBeGreaterThan(lineWith(text, '<TIME_ORDER>'));
  });

  it('names the reference annotation whose parent annotation is missing', () => {
    const tiers = [
      MAIN,
      tier(
        'TIER_ID="g" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Utterance"',
        ref('a9', 'a404', 'x'),
      ),
    ].join('\n');
    const text = eaf({ slots: slot('ts1', 0) + slot('ts4', 10), tiers });
    const e = failure(text);
    expect(e.message).toBe('annotation a9 refers to annotation "a404", which does not exist');
    expect(e.place.line).toBe(lineWith(text, 'ANNOTATION_ID="a9"'));
    expect(e.place.line).toBeGreaterThan(lineWith(text, 'ANNOTATION_ID="a1"'));
  });

  it('reports a cycle of references instead of looping', () => {
    const tiers = tier(
      'TIER_ID="g" LINGUISTIC_TYPE_REF="assoc"',
      ref('a1', 'a2', 'x'),
      ref('a2', 'a1', 'y'),
    );
    expect(failure(eaf({ slots: '', tiers })).message).toMatch(/cycle/);
  });
});
