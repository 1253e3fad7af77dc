import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readEaf } from './eaf-read.js';
import {
  EAF_SCHEMA_LOCATION,
  eafMedia,
  writeEaf,
  xmlSafe,
  type EafWriteInput,
} from './eaf-write.js';

const INPUT: EafWriteInput = {
  author: 'kb',
  date: '2024-05-01T12:00:00Z',
  media: { url: 'file:///videos/ep1.mp4', mimeType: 'video/mp4', relativeUrl: './ep1.mp4' },
  properties: [{ name: 'receipts:episode', value: 's01e01' }],
  tiers: [
    {
      id: 'action',
      linguisticType: 'coded',
      parent: null,
      participant: null,
      annotator: 'kb',
      annotations: [
        { kind: 'alignable', id: 'a3', startMs: 5000, endMs: 6000, value: 'hug', cveRef: 'hug' },
        { kind: 'alignable', id: 'a1', startMs: 1000, endMs: 2500, value: 'kiss', cveRef: 'kiss' },
      ],
    },
    {
      id: 'action/note',
      linguisticType: 'assoc',
      parent: 'action',
      participant: 'Jack',
      annotator: null,
      annotations: [{ kind: 'ref', id: 'a2', ref: 'a1', value: 'a "note" & <more>', cveRef: null }],
    },
    {
      id: 'empty',
      linguisticType: 'coded',
      parent: null,
      participant: null,
      annotator: null,
      annotations: [],
    },
  ],
  linguisticTypes: [
    { id: 'coded', stereotype: null, vocabulary: 'action' },
    { id: 'assoc', stereotype: 'Symbolic_Association', vocabulary: null },
  ],
  vocabularies: [
    {
      id: 'action',
      description: 'Physical action',
      entries: [
        { id: 'kiss', value: 'kiss', description: 'Kiss: on the lips' },
        { id: 'hug', value: 'hug', description: null },
      ],
    },
  ],
};

/** Root children of an XML document, in order, as element names. */
function rootOrder(xml: string): string[] {
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(xml) as Record<
    string,
    unknown
  >[];
  const root = tree.find((n) => 'ANNOTATION_DOCUMENT' in n)!;
  return (root.ANNOTATION_DOCUMENT as Record<string, unknown>[])
    .map((n) => Object.keys(n)[0]!)
    .filter((k) => k !== '#text');
}

const attrs = (xml: string): Record<string, unknown> =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Record<
    string,
    unknown
  >;

describe('writeEaf', () => {
  const xml = writeEaf(INPUT);

  it('writes well-formed XML declaring EAF 3.0 and its schema', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT ')).toBe(
      true,
    );
    const doc = attrs(xml).ANNOTATION_DOCUMENT as Record<string, unknown>;
    expect(doc).toMatchObject({
      AUTHOR: 'kb',
      DATE: '2024-05-01T12:00:00Z',
      FORMAT: '3.0',
      VERSION: '3.0',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:noNamespaceSchemaLocation': EAF_SCHEMA_LOCATION,
    });
  });

  it('puts the elements in the order of the EAF 3.0 schema', () => {
    const schema = [
      'HEADER',
      'TIME_ORDER',
      'TIER',
      'LINGUISTIC_TYPE',
      'LOCALE',
      'LANGUAGE',
      'CONSTRAINT',
      'CONTROLLED_VOCABULARY',
    ];
    const order = rootOrder(xml);
    const ranks = order.map((name) => schema.indexOf(name));
    expect(ranks).not.toContain(-1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(order)).toEqual(new Set(schema));
    expect(order.filter((n) => n === 'TIER')).toHaveLength(3);
    expect(order.filter((n) => n === 'CONSTRAINT')).toHaveLength(4);
  });

  it('reads back with every time, reference, type and vocabulary entry it was given', () => {
    const doc = readEaf(xml, 'out.eaf');
    expect(doc.media).toEqual([INPUT.media]);
    expect(doc.properties).toEqual([
      { name: 'receipts:episode', value: 's01e01' },
      { name: 'lastUsedAnnotationId', value: '3' },
    ]);
    expect(doc.tiers).toEqual([
      {
        id: 'action',
        linguisticType: 'coded',
        stereotype: null,
        parent: null,
        participant: null,
        annotator: 'kb',
        vocabulary: 'action',
      },
      {
        id: 'action/note',
        linguisticType: 'assoc',
        stereotype: 'Symbolic_Association',
        parent: 'action',
        participant: 'Jack',
        annotator: null,
        vocabulary: null,
      },
      {
        id: 'empty',
        linguisticType: 'coded',
        stereotype: null,
        parent: null,
        participant: null,
        annotator: null,
        vocabulary: 'action',
      },
    ]);
    expect(doc.annotations.map((a) => [a.id, a.startMs, a.endMs, a.value, a.cveRef])).toEqual([
      ['a3', 5000, 6000, 'hug', 'hug'],
      ['a1', 1000, 2500, 'kiss', 'kiss'],
      ['a2', 1000, 2500, 'a "note" & <more>', null],
    ]);
    expect(doc.vocabularies).toEqual([
      {
        id: 'action',
        description: 'Physical action',
        external: null,
        entries: [
          {
            id: 'kiss',
            value: 'kiss',
            description: 'Kiss: on the lips',
            extRef: null,
            values: [{ lang: 'eng', value: 'kiss', description: 'Kiss: on the lips' }],
          },
          {
            id: 'hug',
            value: 'hug',
            description: null,
            extRef: null,
            values: [{ lang: 'eng', value: 'hug', description: null }],
          },
        ],
      },
    ]);
  });

  it('numbers time slots in time order, two per aligned annotation', () => {
    const slots = [...xml.matchAll(/TIME_SLOT_ID="(ts\d+)" TIME_VALUE="(\d+)"/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(slots).toEqual([
      ['ts1', 1000],
      ['ts2', 2500],
      ['ts3', 5000],
      ['ts4', 6000],
    ]);
  });

  it('declares the stereotypes ELAN knows and which types are time-alignable', () => {
    expect([...xml.matchAll(/<CONSTRAINT [^>]*STEREOTYPE="(\w+)"/g)].map((m) => m[1])).toEqual([
      'Time_Subdivision',
      'Symbolic_Subdivision',
      'Symbolic_Association',
      'Included_In',
    ]);
    expect(xml).toMatch(/CONSTRAINTS="Symbolic_Association"[^>]*TIME_ALIGNABLE="false"/);
    expect(xml).toMatch(/LINGUISTIC_TYPE_ID="coded" TIME_ALIGNABLE="true"/);
    expect(xml).toContain('<LOCALE COUNTRY_CODE="US" LANGUAGE_CODE="en"/>');
    expect(xml).toMatch(/<LANGUAGE [^>]*LANG_ID="eng"/);
  });

  it('leaves the media descriptor out when there is no media', () => {
    const out = writeEaf({ ...INPUT, media: null });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toContain('MEDIA_DESCRIPTOR');
    expect(readEaf(out, 'x.eaf').media).toEqual([]);
  });

  it('writes an empty document ELAN can open', () => {
    const out = writeEaf({ ...INPUT, tiers: [], vocabularies: [], media: null });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(readEaf(out, 'x.eaf')).toMatchObject({ tiers: [], annotations: [] });
  });

  it('drops characters XML 1.0 cannot hold, and keeps tabs, newlines and emoji', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('abcde');
    expect(xmlSafe('tab\there\nline 😀 é')).toBe('tab\there\nline 😀 é');
    expect(xmlSafe('lone \uD800 surrogate \uDC00')).toBe('lone  surrogate ');
    const out = writeEaf({
      ...INPUT,
      tiers: [
        {
          ...INPUT.tiers[0]!,
          annotations: [
            { kind: 'alignable', id: 'a1', startMs: 0, endMs: 1, value: 'x\u0001y', cveRef: null },
          ],
        },
      ],
    });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(readEaf(out, 'x.eaf').annotations[0]!.value).toBe('xy');
  });
});

describe('eafMedia', () => {
  it('keeps a URL and guesses the MIME type from the extension', () => {
    expect(eafMedia('https://example.org/ep1.webm?x=1')).toEqual({
      url: 'https://example.org/ep1.webm?x=1',
      mimeType: 'video/webm',
      relativeUrl: null,
    });
  });

  it('turns an absolute path into a file URL', () => {
    expect(eafMedia('/media/Torchwood 2x12.MKV')).toEqual({
      url: 'file:///media/Torchwood%202x12.MKV',
      mimeType: 'video/x-matroska',
      relativeUrl: null,
    });
    expect(eafMedia('C:\\Videos\\ep1.mp4').url).toBe('file:///C:/Videos/ep1.mp4');
  });

  it('writes a relative path as a relative media URL', () => {
    expect(eafMedia('clips/ep1.wav')).toEqual({
      url: 'file:./clips/ep1.wav',
      mimeType: 'audio/x-wav',
      relativeUrl: './clips/ep1.wav',
    });
    expect(eafMedia('../ep1.avi').relativeUrl).toBe('../ep1.avi');
    expect(eafMedia('ep1.xyz').mimeType).toBe('unknown');
  });
});
