import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../domain/codebook.js';
import type { Moment } from '../domain/moment.js';
import type { NewMoment } from '../store/moment-store.js';
import { parseCodebook } from './codebook-yaml.js';
import { eafToMoments, momentsToEaf, type ImportedMoment } from './eaf-moments.js';
import { readEaf, type EafDocument } from './eaf-read.js';
import { writeEaf, xmlSafe } from './eaf-write.js';

const CODEBOOK = parseCodebook(
  readFileSync(new URL('../../codebooks/interaction.yaml', import.meta.url), 'utf8'),
  'interaction.yaml',
);
const OPTIONS = { episode: 's02e12', author: 'kb', date: '2024-05-01T12:00:00Z' };
const IMPORT = { episode: 's02e12', seriesId: 'torchwood', file: 'coded.eaf', author: 'kb' };

let nextId = 0;
function moment(over: Partial<Moment>): Moment {
  nextId++;
  return {
    id: `m${nextId}`,
    episode: 's02e12',
    startMs: 1000,
    endMs: 2000,
    anchorSeq: null,
    tier: 'action',
    term: 'kiss',
    initiator: 'Jack',
    recipients: ['Ianto'],
    mutual: false,
    part: null,
    readings: [],
    note: null,
    author: 'kb',
    provenance: { kind: 'person' },
    review: 'confirmed',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    version: 1,
    ...over,
  };
}

/** The fields a round trip keeps, in a stable order. */
function essence(ms: readonly (Moment | ImportedMoment)[]): unknown[] {
  return ms
    .map((m) => ({
      episode: m.episode,
      startMs: m.startMs,
      endMs: m.endMs,
      tier: m.tier,
      term: m.term,
      initiator: m.initiator,
      recipients: m.recipients,
      mutual: m.mutual,
      part: m.part,
      readings: m.readings,
      note: m.note,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function roundTrip(moments: readonly Moment[], codebook: Codebook = CODEBOOK) {
  const out = momentsToEaf(moments, codebook, OPTIONS);
  const xml = writeEaf(out.eaf);
  const doc = readEaf(xml, 'coded.eaf');
  return { out, xml, doc, ...eafToMoments(doc, codebook, IMPORT) };
}

/** No two annotations of one time-aligned tier overlap (ELAN cannot edit such a tier). */
function overlapsWithinTiers(doc: EafDocument): number {
  let overlaps = 0;
  for (const t of doc.tiers.filter((x) => x.parent === null)) {
    const anns = doc.annotations
      .filter((a) => a.tier === t.id)
      .sort((a, b) => a.startMs - b.startMs);
    for (let i = 1; i < anns.length; i++) if (anns[i]!.startMs < anns[i - 1]!.endMs) overlaps++;
  }
  return overlaps;
}

describe('momentsToEaf', () => {
  it('skips moments it cannot time-align or should not export, saying why', () => {
    const keep = moment({});
    const anchored = moment({ startMs: null, endMs: null, anchorSeq: 12 });
    const other = moment({ episode: 's02e13' });
    const unknownTier = moment({ tier: 'sound', term: 'bang' });
    const rejected = moment({ review: 'rejected' });
    const backwards = moment({ startMs: 3000, endMs: 2000 });
    const out = momentsToEaf(
      [keep, anchored, other, unknownTier, rejected, backwards],
      CODEBOOK,
      OPTIONS,
    );
    expect(out.exported).toBe(1);
    expect(out.skipped.map((s) => [s.moment.id, s.reason])).toEqual([
      [anchored.id, 'no-times'],
      [other.id, 'other-episode'],
      [unknownTier.id, 'unknown-tier'],
      [rejected.id, 'review'],
      [backwards.id, 'bad-times'],
    ]);
    const withRejected = momentsToEaf([rejected], CODEBOOK, { ...OPTIONS, include: ['rejected'] });
    expect(withRejected.exported).toBe(1);
  });

  it('writes a tier, a vocabulary and six participant tiers for every codebook tier', () => {
    const { eaf } = momentsToEaf([moment({})], CODEBOOK, { ...OPTIONS, media: '/v/ep.mp4' });
    const ids = eaf.tiers.map((t) => t.id);
    for (const tier of CODEBOOK.tiers) {
      expect(ids).toContain(tier.id);
      for (const role of ['initiator', 'recipients', 'mutual', 'part', 'readings', 'note']) {
        expect(eaf.tiers.find((t) => t.id === `${tier.id}/${role}`)).toMatchObject({
          parent: tier.id,
          linguisticType: 'receipts-association',
        });
      }
    }
    expect(eaf.linguisticTypes).toContainEqual({
      id: 'receipts-association',
      stereotype: 'Symbolic_Association',
      vocabulary: null,
    });
    expect(eaf.vocabularies.map((v) => v.id)).toEqual(CODEBOOK.tiers.map((t) => t.id));
    expect(eaf.vocabularies[0]!.entries).toContainEqual({
      id: 'kiss',
      value: 'kiss',
      description: 'Kiss: On the lips, cheek, forehead or hand; the body part is recorded apart.',
    });
    expect(eaf.media).toEqual({
      url: 'file:///v/ep.mp4',
      mimeType: 'video/mp4',
      relativeUrl: null,
    });
    expect(XMLValidator.validate(writeEaf(eaf))).toBe(true);
  });

  it('puts overlapping moments of one tier on a second tier, so no tier overlaps itself', () => {
    const a = moment({ startMs: 1000, endMs: 5000 });
    const b = moment({ startMs: 2000, endMs: 3000, term: 'hug' });
    const c = moment({ startMs: 5000, endMs: 6000, term: 'slap' });
    const { doc, moments, report } = roundTrip([a, b, c]);
    expect(doc.tiers.map((t) => t.id)).toContain('action (2)');
    expect(doc.tiers.find((t) => t.id === 'action (2)/initiator')?.parent).toBe('action (2)');
    const onFirst = doc.annotations.filter((x) => x.tier === 'action').map((x) => x.value);
    expect(onFirst).toEqual(['kiss', 'slap']);
    expect(overlapsWithinTiers(doc)).toBe(0);
    expect(report.tiers.find((t) => t.eafTier === 'action (2)')).toMatchObject({
      codebookTier: 'action',
      by: 'vocabulary',
      moments: 1,
    });
    expect(essence(moments)).toEqual(essence([a, b, c]));
  });
});

describe('the ELAN round trip', () => {
  it('gives back the same moments, participants, readings and notes', () => {
    const moments = [
      moment({ part: 'lips', readings: ['love', 'grief'], note: 'After the funeral; "quiet".' }),
      moment({
        tier: 'gaze',
        term: 'eye-contact',
        startMs: 0,
        endMs: 0,
        initiator: null,
        recipients: ['Jack', 'Ianto', 'Gwen'],
        mutual: true,
      }),
      moment({
        tier: 'register',
        term: 'banter',
        initiator: 'Owen',
        recipients: [],
        note: 'a\n b ',
      }),
      moment({ tier: 'reading', term: 'jealousy', readings: ['longing'], review: 'suggested' }),
    ];
    const { xml, moments: back, report } = roundTrip(moments);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(essence(back)).toEqual(essence(moments));
    expect(report.unmappedTiers).toEqual([]);
    // `longing` is no codebook reading, but the reading tier is open: kept and reported.
    expect(report.values).toEqual([
      { eafTier: 'reading/readings', value: 'longing', count: 1, kept: true },
    ]);
  });

  it('holds for arbitrary moments', () => {
    const terms = CODEBOOK.terms.map((t) => ({ tier: t.tier, term: t.id }));
    const readings = CODEBOOK.terms.filter((t) => t.tier === 'reading').map((t) => t.id);
    const name = fc.stringMatching(/^[A-ZÀ-Ý][a-zà-ÿ' .-]{0,10}[a-zà-ÿ]$/);
    const note = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      // Notes keep what XML can hold; a CR would become LF in any conforming reader.
      .filter((s) => s.trim() !== '' && xmlSafe(s) === s && !s.includes('\r'));
    const arbMoment = fc
      .record({
        coded: fc.constantFrom(...terms),
        startMs: fc.nat({ max: 3_000_000 }),
        length: fc.nat({ max: 120_000 }),
        initiator: fc.option(name),
        recipients: fc.uniqueArray(name, { maxLength: 4 }),
        mutual: fc.boolean(),
        part: fc.option(fc.constantFrom('lips', 'cheek', 'hand', 'back of the neck')),
        readings: fc.uniqueArray(fc.constantFrom(...readings, 'longing', 'trust'), {
          maxLength: 3,
        }),
        note: fc.option(note),
        review: fc.constantFrom('confirmed' as const, 'suggested' as const),
      })
      .map((r) =>
        moment({
          tier: r.coded.tier,
          term: r.coded.term,
          startMs: r.startMs,
          endMs: r.startMs + r.length,
          initiator: r.initiator,
          recipients: r.recipients,
          mutual: r.mutual,
          part: r.part,
          readings: r.readings,
          note: r.note,
          review: r.review,
        }),
      );
    fc.assert(
      fc.property(fc.array(arbMoment, { maxLength: 25 }), (moments) => {
        const { xml, doc, moments: back, out } = roundTrip(moments);
        expect(out.skipped).toEqual([]);
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(overlapsWithinTiers(doc)).toBe(0);
        expect(essence(back)).toEqual(essence(moments));
      }),
      { numRuns: 150 },
    );
  });
});

/** An EAF file as a person might make it in ELAN, with tiers named their own way. */
function handMade(tiers: string, slots: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-05-01T12:00:00+01:00" FORMAT="3.0" VERSION="3.0">
  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
  <TIME_ORDER>${slots}</TIME_ORDER>
${tiers}
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="assoc" CONSTRAINTS="Symbolic_Association" TIME_ALIGNABLE="false"/>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="ssub" CONSTRAINTS="Symbolic_Subdivision" TIME_ALIGNABLE="false"/>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="incl" CONSTRAINTS="Included_In" TIME_ALIGNABLE="true"/>
</ANNOTATION_DOCUMENT>`;
}
const slots = (...ms: number[]): string =>
  ms.map((v, i) => `<TIME_SLOT TIME_SLOT_ID="ts${i + 1}" TIME_VALUE="${v}"/>`).join('');
const al = (id: string, ts1: number, ts2: number, value: string): string =>
  `<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="${id}" TIME_SLOT_REF1="ts${ts1}" TIME_SLOT_REF2="ts${ts2}"><ANNOTATION_VALUE>${value}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>`;
const rf = (id: string, to: string, value: string, previous?: string): string =>
  `<ANNOTATION><REF_ANNOTATION ANNOTATION_ID="${id}" ANNOTATION_REF="${to}"${previous ? ` PREVIOUS_ANNOTATION="${previous}"` : ''}><ANNOTATION_VALUE>${value}</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>`;
const tierXml = (attrs: string, ...anns: string[]): string =>
  `  <TIER ${attrs}>${anns.join('')}</TIER>`;

describe('eafToMoments on files people made in ELAN', () => {
  const SLOTS = slots(1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000);

  it('maps a tier by name and fills the fields from dependent tiers named for them', () => {
    const text = handMade(
      [
        tierXml(
          'TIER_ID="Action" LINGUISTIC_TYPE_REF="default-lt"',
          al('a1', 1, 2, 'kisses'),
          al('a2', 3, 4, 'A hug!'),
          al('a3', 5, 6, 'waves'),
          al('a4', 7, 8, ''),
        ),
        tierXml(
          'TIER_ID="Action-Initiator" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Action"',
          rf('a10', 'a1', 'Jack'),
        ),
        tierXml(
          'TIER_ID="recipients" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Action"',
          rf('a11', 'a1', 'Ianto; Gwen ,'),
          rf('a12', 'a3', 'Rhys'),
        ),
        tierXml(
          'TIER_ID="Mutual" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Action"',
          rf('a13', 'a2', 'Yes'),
          rf('a14', 'a1', 'maybe'),
        ),
        tierXml(
          'TIER_ID="Notes" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Action"',
          rf('a15', 'a2', 'in the rain'),
        ),
        tierXml(
          'TIER_ID="Body part" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Action"',
          rf('a16', 'a1', ' lips '),
        ),
      ].join('\n'),
      SLOTS,
    );
    const { moments, report } = eafToMoments(readEaf(text, 'coded.eaf'), CODEBOOK, IMPORT);
    expect(moments).toEqual([
      {
        seriesId: 'torchwood',
        episode: 's02e12',
        startMs: 1000,
        endMs: 2000,
        anchorSeq: null,
        tier: 'action',
        term: 'kiss',
        initiator: 'Jack',
        recipients: ['Ianto', 'Gwen'],
        mutual: false,
        part: 'lips',
        readings: [],
        note: null,
        author: 'kb',
        provenance: { kind: 'import', file: 'coded.eaf', line: 5 },
        review: 'confirmed',
        confidence: null,
        sourceText: null,
      },
      expect.objectContaining({ term: 'hug', startMs: 3000, mutual: true, note: 'in the rain' }),
    ]);
    expect(report.tiers).toEqual([
      { eafTier: 'Action', codebookTier: 'action', by: 'name', annotations: 4, moments: 2 },
    ]);
    expect(report.roles.map((r) => [r.eafTier, r.role, r.unlinked])).toEqual([
      ['Action-Initiator', 'initiator', 0],
      ['recipients', 'recipients', 1],
      ['Mutual', 'mutual', 0],
      ['Notes', 'note', 0],
      ['Body part', 'part', 0],
    ]);
    expect(report.values).toEqual([
      { eafTier: 'Action', value: 'waves', count: 1, kept: false },
      { eafTier: 'Mutual', value: 'maybe', count: 1, kept: false },
    ]);
    expect(report.empty).toBe(1);
  });

  it('maps a tier by its values, takes the initiator from PARTICIPANT, and lists what did not map', () => {
    const text = handMade(
      [
        tierXml(
          'TIER_ID="Jack looks" PARTICIPANT="Jack" LINGUISTIC_TYPE_REF="default-lt"',
          al('a1', 1, 2, 'stares'),
          al('a2', 3, 4, 'glances'),
          al('a3', 5, 6, 'blinks'),
        ),
        tierXml(
          'TIER_ID="Transcript" LINGUISTIC_TYPE_REF="default-lt"',
          al('a4', 1, 4, 'I kiss him'),
          al('a5', 5, 8, 'hello'),
        ),
        tierXml(
          'TIER_ID="initiator" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="Transcript"',
          rf('a6', 'a4', 'Gwen'),
        ),
      ].join('\n'),
      SLOTS,
    );
    const { moments, report } = eafToMoments(readEaf(text, 'coded.eaf'), CODEBOOK, IMPORT);
    expect(moments.map((m) => [m.tier, m.term, m.initiator, m.startMs])).toEqual([
      ['gaze', 'stare', 'Jack', 1000],
      ['gaze', 'glance', 'Jack', 3000],
    ]);
    expect(report.tiers).toEqual([
      { eafTier: 'Jack looks', codebookTier: 'gaze', by: 'values', annotations: 3, moments: 2 },
    ]);
    expect(report.unmappedTiers).toEqual([
      {
        eafTier: 'Transcript',
        annotations: 2,
        reason: 'no codebook tier by name, and most values are no terms',
      },
      {
        eafTier: 'initiator',
        annotations: 1,
        reason: 'names a role, but no parent tier holds moments',
      },
    ]);
    expect(report.values).toEqual([
      { eafTier: 'Jack looks', value: 'blinks', count: 1, kept: false },
    ]);
  });

  it('links role annotations through several levels, by subdivision, and by time', () => {
    const text = handMade(
      [
        tierXml(
          'TIER_ID="gaze" LINGUISTIC_TYPE_REF="default-lt"',
          al('a1', 1, 4, 'stare'),
          al('a2', 5, 6, 'glance'),
        ),
        tierXml(
          'TIER_ID="gaze/recipients" LINGUISTIC_TYPE_REF="ssub" PARENT_REF="gaze"',
          rf('a11', 'a1', 'Tosh', 'a10'),
          rf('a10', 'a1', 'Owen'),
        ),
        tierXml(
          'TIER_ID="gaze/initiator" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="gaze"',
          rf('a20', 'a1', 'Ianto'),
        ),
        tierXml(
          'TIER_ID="gaze/initiator/readings" LINGUISTIC_TYPE_REF="assoc" PARENT_REF="gaze/initiator"',
          rf('a30', 'a20', 'jealous, Love, kiss'),
        ),
        tierXml(
          'TIER_ID="gaze/note" LINGUISTIC_TYPE_REF="incl" PARENT_REF="gaze"',
          al('a40', 2, 3, 'over the desk'),
          al('a41', 7, 8, 'stray'),
        ),
      ].join('\n'),
      SLOTS,
    );
    const { moments, report } = eafToMoments(readEaf(text, 'coded.eaf'), CODEBOOK, IMPORT);
    expect(moments[0]).toMatchObject({
      term: 'stare',
      initiator: 'Ianto',
      recipients: ['Owen', 'Tosh'],
      readings: ['jealousy', 'love'],
      note: 'over the desk',
    });
    expect(moments[1]).toMatchObject({ term: 'glance', recipients: [], note: null });
    expect(report.roles.find((r) => r.eafTier === 'gaze/note')?.unlinked).toBe(1);
    // `kiss` is a term, but of the action tier, not a reading.
    expect(report.values).toEqual([
      { eafTier: 'gaze/initiator/readings', value: 'kiss', count: 1, kept: false },
    ]);
  });

  it('drops readings a closed reading tier does not have', () => {
    const closed: Codebook = {
      ...CODEBOOK,
      tiers: CODEBOOK.tiers.map((t) => (t.id === 'reading' ? { ...t, open: false } : t)),
    };
    const { moments, report } = roundTrip([moment({ readings: ['love', 'longing'] })], closed);
    expect(moments[0]!.readings).toEqual(['love']);
    expect(report.values).toEqual([
      { eafTier: 'action/readings', value: 'longing', count: 1, kept: false },
    ]);
  });

  it('makes moments the store accepts as new moments', () => {
    const asNew = (m: ImportedMoment): NewMoment => m;
    const { moments } = roundTrip([moment({})]);
    expect(asNew(moments[0]!)).toMatchObject({
      review: 'confirmed',
      provenance: { kind: 'import' },
    });
  });
});
