import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../src/domain/codebook.js';
import { parseCodebook } from '../src/formats/codebook-yaml.js';
import { eafToMoments } from '../src/formats/eaf-moments.js';
import { readEaf, type EafAnnotation, type EafDocument } from '../src/formats/eaf-read.js';
import { writeEaf } from '../src/formats/eaf-write.js';
import { momentsToEaf } from '../src/formats/eaf-moments.js';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';

// The two sample files of pympi (../shared/data/elan-samples-pympi), written by ELAN 4.x in
// EAF 2.7 and 3.0: every stereotype, unvalued time slots, external vocabularies, references
// two levels deep. Expected numbers are counted from the XML text itself, not the reader.

const FILES = ['sample_2.7.eaf', 'sample_3.0.eaf'] as const;
const DIR = 'elan-samples-pympi';

const CODEBOOK = parseCodebook(
  readFileSync(`${REPO_ROOT}/codebooks/interaction.yaml`, 'utf8'),
  'interaction.yaml',
);

const loaded = new Map<string, { text: string; doc: EafDocument }>();
/** Each file is read once: a read takes about half a second. */
function load(name: string): { text: string; doc: EafDocument } {
  let got = loaded.get(name);
  if (got === undefined) {
    const text = readFileSync(sharedData(DIR, name), 'utf8');
    got = { text, doc: readEaf(text, name) };
    loaded.set(name, got);
  }
  return got;
}

const count = (text: string, re: RegExp): number => [...text.matchAll(re)].length;
const onTier = (doc: EafDocument, tier: string): EafAnnotation[] =>
  doc.annotations.filter((a) => a.tier === tier);

describe.skipIf(!HAS_SHARED_DATA)('readEaf on the pympi samples', () => {
  it.each(FILES)('%s: reads every tier with its stereotype and parent', (name) => {
    const { doc } = load(name);
    expect(doc.format).toBe(name.slice(7, 10));
    expect(doc.tiers.map((t) => [t.id, t.stereotype, t.parent])).toEqual([
      ['text', null, null],
      ['words-timesub', 'Time_Subdivision', 'text'],
      ['words-symsub', 'Symbolic_Subdivision', 'text'],
      ['gestures', null, null],
      ['gest_included', 'Included_In', 'text'],
      ['words-pos', 'Symbolic_Association', 'words-symsub'],
    ]);
  });

  it.each(FILES)('%s: reads every annotation and every unvalued slot in the file', (name) => {
    const { text, doc } = load(name);
    expect(doc.annotations.filter((a) => a.kind === 'alignable')).toHaveLength(
      count(text, /<ALIGNABLE_ANNOTATION /g),
    );
    expect(doc.annotations.filter((a) => a.kind === 'ref')).toHaveLength(
      count(text, /<REF_ANNOTATION /g),
    );
    expect(doc.interpolatedSlots).toBe(count(text, /<TIME_SLOT TIME_SLOT_ID="[^"]*"\/>/g));
    expect(doc.interpolatedSlots).toBeGreaterThan(0);
    const lines = text.split('\n');
    const wrong = doc.annotations.filter(
      (a) =>
        !Number.isInteger(a.startMs) ||
        a.startMs > a.endMs ||
        !lines[a.line - 1]!.includes(`ANNOTATION_ID="${a.id}"`),
    );
    expect(wrong).toEqual([]);
  });

  it.each(FILES)('%s: time subdivisions tile their parent without gaps or empty words', (name) => {
    const { doc } = load(name);
    const words = onTier(doc, 'words-timesub');
    let checked = 0;
    for (const parent of onTier(doc, 'text')) {
      const inside = words
        .filter((w) => w.startMs >= parent.startMs && w.endMs <= parent.endMs)
        .sort((x, y) => x.startMs - y.startMs);
      if (inside.length === 0) continue;
      checked++;
      expect(inside[0]!.startMs).toBe(parent.startMs);
      expect(inside.at(-1)!.endMs).toBe(parent.endMs);
      for (let i = 1; i < inside.length; i++) expect(inside[i]!.startMs).toBe(inside[i - 1]!.endMs);
      for (const w of inside) expect(w.endMs).toBeGreaterThan(w.startMs);
    }
    expect(checked).toBeGreaterThan(onTier(doc, 'text').length / 2);
  });

  it.each(FILES)('%s: symbolic tiers take their times from their parents', (name) => {
    const { doc } = load(name);
    const byId = new Map(doc.annotations.map((a) => [a.id, a]));
    for (const m of onTier(doc, 'words-symsub')) {
      const parent = byId.get(m.ref!)!;
      expect(parent.tier).toBe('text');
      expect(m.startMs).toBeGreaterThanOrEqual(parent.startMs);
      expect(m.endMs).toBeLessThanOrEqual(parent.endMs);
    }
    for (const p of onTier(doc, 'words-pos')) {
      const word = byId.get(p.ref!)!;
      expect([p.startMs, p.endMs]).toEqual([word.startMs, word.endMs]);
    }
  });

  it.each(FILES)('%s: keeps external vocabularies as references', (name) => {
    const { doc } = load(name);
    const external = doc.vocabularies.filter((v) => v.external !== null);
    expect(external.map((v) => v.id)).toEqual([
      'Contact 2011',
      'Function 2011',
      'Formal Relation 2011',
    ]);
    for (const v of external) {
      expect(v.external).toMatchObject({ type: 'ecv' });
      expect(v.entries).toEqual([]);
    }
    const gesture = doc.vocabularies.find((v) => v.id === 'Gesture')!;
    expect(gesture.entries.map((e) => e.value)).toEqual(['prep', 'hold', 'stroke', 'retr']);
    expect(doc.tiers.find((t) => t.id === 'gestures')!.vocabulary).toBe('Gesture');
  });

  it('reads the same annotations from the EAF 2.7 and the 3.0 file', () => {
    const key = (d: EafDocument) =>
      d.annotations.map((a) => [a.id, a.tier, a.startMs, a.endMs, a.value]);
    expect(key(load(FILES[0]).doc)).toEqual(key(load(FILES[1]).doc));
  });
});

describe.skipIf(!HAS_SHARED_DATA)('eafToMoments on the pympi samples', () => {
  const options = { episode: 'demo', seriesId: 'pympi', file: 'sample_3.0.eaf', author: 'kb' };

  it('makes no moments from linguistic tiers and lists every tier it left', () => {
    const { doc } = load('sample_3.0.eaf');
    const { moments, report } = eafToMoments(doc, CODEBOOK, options);
    expect(moments).toEqual([]);
    expect(report.unmappedTiers.map((t) => [t.eafTier, t.annotations])).toEqual(
      doc.tiers.map((t) => [t.id, onTier(doc, t.id).length]),
    );
  });

  it('maps the gesture tiers onto a gesture codebook, by vocabulary and by values', () => {
    const gestures: Codebook = {
      id: 'gestures',
      label: 'Gesture phases',
      tiers: [{ id: 'gesture', label: 'Gesture', description: null, open: false }],
      terms: ['preparation', 'hold', 'stroke', 'retraction'].map((id) => ({
        id,
        tier: 'gesture',
        label: id,
        parent: null,
        synonyms: id === 'preparation' ? ['prep'] : id === 'retraction' ? ['retr'] : [],
        description: null,
      })),
    };
    const { doc } = load('sample_3.0.eaf');
    const { moments, report } = eafToMoments(doc, gestures, options);
    const filled = (tier: string) => onTier(doc, tier).filter((a) => a.value.trim() !== '');
    expect(report.tiers.map((t) => [t.eafTier, t.by, t.moments])).toEqual([
      ['gestures', 'vocabulary', filled('gestures').length],
      ['gest_included', 'values', filled('gest_included').length],
    ]);
    expect(moments).toHaveLength(filled('gestures').length + filled('gest_included').length);
    expect(new Set(moments.map((m) => m.term))).toEqual(
      new Set(['preparation', 'hold', 'stroke', 'retraction']),
    );

    // And those moments go back out as a file ELAN can open, and come back the same.
    const stored = moments.map((m, i) => ({
      ...m,
      id: `m${i}`,
      createdAt: '',
      updatedAt: '',
      version: 1,
    }));
    const out = momentsToEaf(stored, gestures, { episode: 'demo', author: 'kb', date: doc.date! });
    const xml = writeEaf(out.eaf);
    expect(XMLValidator.validate(xml)).toBe(true);
    const again = eafToMoments(readEaf(xml, 'again.eaf'), gestures, options).moments;
    const essence = (ms: typeof moments) =>
      ms.map((m) => `${m.startMs}-${m.endMs} ${m.term}`).sort();
    expect(essence(again)).toEqual(essence(moments));
  });
});
