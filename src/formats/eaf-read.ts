import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ReceiptsError } from '../domain/errors.js';

/**
 * ELAN annotation documents (.eaf), EAF 2.x and 3.0, as ELAN writes them: tiers with their
 * linguistic type's stereotype, every annotation with resolved times, and the controlled
 * vocabularies (external ones kept as references, never fetched).
 */

export type EafStereotype =
  'Time_Subdivision' | 'Symbolic_Subdivision' | 'Symbolic_Association' | 'Included_In';

export interface EafTier {
  readonly id: string;
  readonly linguisticType: string;
  /** The stereotype of its linguistic type; null for an independent tier. */
  readonly stereotype: EafStereotype | null;
  readonly parent: string | null;
  readonly participant: string | null;
  readonly annotator: string | null;
  /** The CV_ID of the controlled vocabulary its linguistic type uses, or null. */
  readonly vocabulary: string | null;
}

export interface EafAnnotation {
  readonly id: string;
  readonly tier: string;
  /** `alignable` has its own time slots; `ref` takes its times from the annotation it refers to. */
  readonly kind: 'alignable' | 'ref';
  readonly startMs: number;
  readonly endMs: number;
  readonly value: string;
  /** For a REF_ANNOTATION: the annotation it refers to (ANNOTATION_REF). */
  readonly ref: string | null;
  readonly cveRef: string | null;
  readonly extRef: string | null;
  /** 1-based line of the annotation element in the file. */
  readonly line: number;
}

export interface EafExternalRef {
  readonly id: string;
  /** `ecv` (an external controlled vocabulary), `iso12620`, `cve_id`, ...; null if undeclared. */
  readonly type: string | null;
  readonly value: string | null;
}

export interface EafVocabularyEntry {
  /** CVE_ID (EAF 2.8 and later); null in older files. */
  readonly id: string | null;
  /** The value in the first language given. */
  readonly value: string;
  readonly description: string | null;
  readonly extRef: string | null;
  /** Every language's value (EAF 2.8+: CVE_VALUE); one entry with lang null before. */
  readonly values: readonly {
    readonly lang: string | null;
    readonly value: string;
    readonly description: string | null;
  }[];
}

export interface EafVocabulary {
  readonly id: string;
  readonly description: string | null;
  /** Set for an external vocabulary (EXT_REF): its entries live elsewhere and are empty here. */
  readonly external: EafExternalRef | null;
  readonly entries: readonly EafVocabularyEntry[];
}

export interface EafMedia {
  readonly url: string;
  readonly mimeType: string | null;
  readonly relativeUrl: string | null;
}

export interface EafDocument {
  readonly file: string;
  /** The FORMAT (or VERSION) attribute: `3.0`, `2.7`. */
  readonly format: string;
  readonly author: string | null;
  readonly date: string | null;
  readonly media: readonly EafMedia[];
  readonly properties: readonly { readonly name: string; readonly value: string }[];
  readonly tiers: readonly EafTier[];
  /** Annotations tier by tier, in document order. */
  readonly annotations: readonly EafAnnotation[];
  readonly vocabularies: readonly EafVocabulary[];
  readonly externalRefs: readonly EafExternalRef[];
  /** How many TIME_SLOTs had no TIME_VALUE and were interpolated. */
  readonly interpolatedSlots: number;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  alwaysCreateTextNode: true,
  htmlEntities: true,
});

/**
 * Read an .eaf file. Throws ReceiptsError EAF_INVALID (naming the file, and the line where
 * known) when it is not XML, not an ANNOTATION_DOCUMENT, or an annotation names a time slot
 * or an annotation that does not exist (or references form a cycle).
 */
export function readEaf(text: string, file: string): EafDocument {
  const source = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new ReceiptsError('EAF_INVALID', `not XML: ${valid.err.msg}`, {
      file,
      line: valid.err.line,
      column: valid.err.col,
    });
  }
  const tree = parser.parse(source) as Node;
  const root = tree.ANNOTATION_DOCUMENT;
  if (!isNode(root)) {
    const name = Object.keys(tree).find((k) => !k.startsWith('?') && !k.startsWith('#'));
    throw new ReceiptsError(
      'EAF_INVALID',
      `not an ELAN annotation document: the root element is <${name ?? '?'}>, not <ANNOTATION_DOCUMENT>`,
      { file, line: 1 },
    );
  }
  const lines = annotationLines(source);
  const lineOf = (id: string): number => lines.get(id) ?? 1;
  const fail = (message: string, id: string): never => {
    throw new ReceiptsError('EAF_INVALID', message, { file, line: lineOf(id) });
  };

  const types = new Map<string, { stereotype: EafStereotype | null; vocabulary: string | null }>();
  for (const t of children(root, 'LINGUISTIC_TYPE')) {
    const id = attr(t, 'LINGUISTIC_TYPE_ID');
    if (id === null) continue;
    types.set(id, {
      stereotype: stereotypeOf(attr(t, 'CONSTRAINTS')),
      vocabulary: attr(t, 'CONTROLLED_VOCABULARY_REF'),
    });
  }

  const slots = new Map<string, number | null>();
  for (const s of children(first(root, 'TIME_ORDER'), 'TIME_SLOT')) {
    const id = attr(s, 'TIME_SLOT_ID');
    if (id === null) continue;
    const v = attr(s, 'TIME_VALUE');
    slots.set(id, v === null || v.trim() === '' ? null : Math.round(Number(v)));
  }

  const tiers: EafTier[] = [];
  const raw: RawAnnotation[] = [];
  for (const t of children(root, 'TIER')) {
    const id = attr(t, 'TIER_ID') ?? '';
    const typeId = attr(t, 'LINGUISTIC_TYPE_REF') ?? '';
    const type = types.get(typeId);
    tiers.push({
      id,
      linguisticType: typeId,
      stereotype: type?.stereotype ?? null,
      parent: attr(t, 'PARENT_REF'),
      participant: attr(t, 'PARTICIPANT'),
      annotator: attr(t, 'ANNOTATOR'),
      vocabulary: type?.vocabulary ?? null,
    });
    for (const a of children(t, 'ANNOTATION')) {
      const al = first(a, 'ALIGNABLE_ANNOTATION');
      const ra = first(a, 'REF_ANNOTATION');
      const el = al ?? ra;
      if (el === null) continue;
      const annId = attr(el, 'ANNOTATION_ID') ?? '';
      const common = {
        id: annId,
        tier: id,
        value: textOf(first(el, 'ANNOTATION_VALUE')),
        cveRef: attr(el, 'CVE_REF'),
        extRef: attr(el, 'EXT_REF'),
        line: lineOf(annId),
      };
      if (al !== null) {
        const ts1 = attr(al, 'TIME_SLOT_REF1') ?? '';
        const ts2 = attr(al, 'TIME_SLOT_REF2') ?? '';
        for (const ts of [ts1, ts2]) {
          if (!slots.has(ts))
            fail(`annotation ${annId} refers to time slot "${ts}", which does not exist`, annId);
        }
        raw.push({ ...common, kind: 'alignable', ts1, ts2, ref: null, previous: null });
      } else {
        raw.push({
          ...common,
          kind: 'ref',
          ts1: '',
          ts2: '',
          ref: attr(el, 'ANNOTATION_REF') ?? '',
          previous: attr(el, 'PREVIOUS_ANNOTATION'),
        });
      }
    }
  }

  const { values, interpolated } = resolveSlots(slots, raw);
  const annotations = resolveTimes(raw, values, tiers, fail);
  const externalRefs = children(root, 'EXTERNAL_REF').map((e) => ({
    id: attr(e, 'EXT_REF_ID') ?? '',
    type: attr(e, 'TYPE'),
    value: attr(e, 'VALUE'),
  }));
  const header = first(root, 'HEADER');
  return {
    file,
    format: attr(root, 'FORMAT') ?? attr(root, 'VERSION') ?? '',
    author: attr(root, 'AUTHOR'),
    date: attr(root, 'DATE'),
    media: children(header, 'MEDIA_DESCRIPTOR').map((m) => ({
      url: attr(m, 'MEDIA_URL') ?? '',
      mimeType: attr(m, 'MIME_TYPE'),
      relativeUrl: attr(m, 'RELATIVE_MEDIA_URL'),
    })),
    properties: children(header, 'PROPERTY').map((p) => ({
      name: attr(p, 'NAME') ?? '',
      value: textOf(p),
    })),
    tiers,
    annotations,
    vocabularies: children(root, 'CONTROLLED_VOCABULARY').map((cv) => vocabulary(cv, externalRefs)),
    externalRefs,
    interpolatedSlots: interpolated,
  };
}

interface RawAnnotation {
  readonly id: string;
  readonly tier: string;
  readonly kind: 'alignable' | 'ref';
  readonly ts1: string;
  readonly ts2: string;
  readonly ref: string | null;
  readonly previous: string | null;
  readonly value: string;
  readonly cveRef: string | null;
  readonly extRef: string | null;
  readonly line: number;
}

/**
 * Times for every slot. An unvalued slot is placed evenly between the nearest valued slots
 * of the chain of annotations it sits in on its tier (as ELAN draws a time subdivision);
 * a slot no chain brackets falls between the valued slots around it in TIME_ORDER.
 */
function resolveSlots(
  slots: ReadonlyMap<string, number | null>,
  raw: readonly RawAnnotation[],
): { values: Map<string, number>; interpolated: number } {
  const values = new Map<string, number>();
  for (const [id, v] of slots) if (v !== null && Number.isFinite(v)) values.set(id, v);
  const known = values.size;
  const byTier = new Map<string, RawAnnotation[]>();
  for (const a of raw) {
    if (a.kind !== 'alignable') continue;
    const list = byTier.get(a.tier) ?? [];
    list.push(a);
    byTier.set(a.tier, list);
  }
  for (const list of byTier.values()) {
    const byStart = new Map<string, RawAnnotation>();
    const ends = new Set<string>();
    for (const a of list) {
      if (!byStart.has(a.ts1)) byStart.set(a.ts1, a);
      ends.add(a.ts2);
    }
    const seen = new Set<RawAnnotation>();
    for (const head of list) {
      if (ends.has(head.ts1) || seen.has(head)) continue;
      const chain = [head.ts1];
      for (let a = head; !seen.has(a);) {
        seen.add(a);
        chain.push(a.ts2);
        const next = byStart.get(a.ts2);
        if (next === undefined) break;
        a = next;
      }
      fillChain(chain, values);
    }
  }
  if (values.size < slots.size) {
    const ordered = [...slots.keys()];
    fillChain(ordered, values);
    // Slots before the first or after the last valued one take that value (no extrapolation).
    const firstKnown = values.get(ordered.find((id) => values.has(id)) ?? '') ?? 0;
    let last: number | null = null;
    for (const id of ordered) {
      const v = values.get(id);
      if (v === undefined) values.set(id, last ?? firstKnown);
      else last = v;
    }
  }
  return { values, interpolated: slots.size - known };
}

/** Interpolate, evenly by position, the unknown slots of `chain` with known slots on both sides. */
function fillChain(chain: readonly string[], values: Map<string, number>): void {
  let prev = -1;
  for (let i = 0; i < chain.length; i++) {
    const v = values.get(chain[i]!);
    if (v === undefined) continue;
    if (prev >= 0 && i - prev > 1) {
      const from = values.get(chain[prev]!)!;
      for (let k = prev + 1; k < i; k++) {
        values.set(chain[k]!, Math.round(from + ((v - from) * (k - prev)) / (i - prev)));
      }
    }
    prev = i;
  }
}

/**
 * Start and end of every annotation: alignable ones from their slots; a reference takes
 * the times of the annotation it refers to, through any number of levels, and a symbolic
 * subdivision splits its parent's span evenly in PREVIOUS_ANNOTATION order.
 */
function resolveTimes(
  raw: readonly RawAnnotation[],
  slots: ReadonlyMap<string, number>,
  tiers: readonly EafTier[],
  fail: (message: string, id: string) => never,
): EafAnnotation[] {
  const byId = new Map(raw.map((a) => [a.id, a]));
  const subdivided = new Set(
    tiers.filter((t) => t.stereotype === 'Symbolic_Subdivision').map((t) => t.id),
  );
  const siblings = new Map<string, RawAnnotation[]>();
  for (const a of raw) {
    if (a.kind !== 'ref' || !subdivided.has(a.tier)) continue;
    const key = `${a.tier}\u0000${a.ref}`;
    const list = siblings.get(key) ?? [];
    list.push(a);
    siblings.set(key, list);
  }
  const order = new Map<string, { index: number; of: number }>();
  for (const list of siblings.values()) {
    ordered(list).forEach((a, index) => order.set(a.id, { index, of: list.length }));
  }

  const memo = new Map<string, readonly [number, number]>();
  const timesOf = (a: RawAnnotation, depth: number): readonly [number, number] => {
    const known = memo.get(a.id);
    if (known !== undefined) return known;
    let span: readonly [number, number];
    if (a.kind === 'alignable') {
      span = [slots.get(a.ts1) ?? 0, slots.get(a.ts2) ?? 0];
    } else {
      const parent = byId.get(a.ref ?? '');
      if (parent === undefined) {
        return fail(
          `annotation ${a.id} refers to annotation "${a.ref}", which does not exist`,
          a.id,
        );
      }
      if (depth > byId.size) return fail(`annotation ${a.id} is part of a reference cycle`, a.id);
      const [ps, pe] = timesOf(parent, depth + 1);
      const place = order.get(a.id);
      span =
        place === undefined
          ? [ps, pe]
          : [
              ps + Math.round(((pe - ps) * place.index) / place.of),
              ps + Math.round(((pe - ps) * (place.index + 1)) / place.of),
            ];
    }
    memo.set(a.id, span);
    return span;
  };
  return raw.map((a) => {
    const [startMs, endMs] = timesOf(a, 0);
    return {
      id: a.id,
      tier: a.tier,
      kind: a.kind,
      startMs,
      endMs,
      value: a.value,
      ref: a.ref,
      cveRef: a.cveRef,
      extRef: a.extRef,
      line: a.line,
    };
  });
}

/** Siblings of a symbolic subdivision in PREVIOUS_ANNOTATION order (document order otherwise). */
function ordered(list: readonly RawAnnotation[]): RawAnnotation[] {
  const next = new Map<string, RawAnnotation>();
  for (const a of list) if (a.previous !== null) next.set(a.previous, a);
  const out: RawAnnotation[] = [];
  const placed = new Set<RawAnnotation>();
  const ids = new Set(list.map((a) => a.id));
  for (const head of list) {
    if (head.previous !== null && ids.has(head.previous)) continue;
    for (let a: RawAnnotation | undefined = head; a !== undefined && !placed.has(a);) {
      out.push(a);
      placed.add(a);
      a = next.get(a.id);
    }
  }
  for (const a of list) if (!placed.has(a)) out.push(a);
  return out;
}

/** EAF 2.x (CV_ENTRY with DESCRIPTION attributes) and 3.0 (CV_ENTRY_ML, CVE_VALUE, DESCRIPTION). */
function vocabulary(cv: Node, refs: readonly EafExternalRef[]): EafVocabulary {
  const extRef = attr(cv, 'EXT_REF');
  const entries: EafVocabularyEntry[] = [];
  for (const e of children(cv, 'CV_ENTRY')) {
    const value = textOf(e);
    const description = attr(e, 'DESCRIPTION');
    entries.push({
      id: attr(e, 'CVE_ID'),
      value,
      description,
      extRef: attr(e, 'EXT_REF'),
      values: [{ lang: null, value, description }],
    });
  }
  for (const e of children(cv, 'CV_ENTRY_ML')) {
    const values = children(e, 'CVE_VALUE').map((v) => ({
      lang: attr(v, 'LANG_REF'),
      value: textOf(v),
      description: attr(v, 'DESCRIPTION'),
    }));
    entries.push({
      id: attr(e, 'CVE_ID'),
      value: values[0]?.value ?? '',
      description: values[0]?.description ?? null,
      extRef: attr(e, 'EXT_REF'),
      values,
    });
  }
  const description =
    attr(cv, 'DESCRIPTION') ??
    (children(cv, 'DESCRIPTION')
      .map(textOf)
      .find((d) => d !== '') ||
      null);
  return {
    id: attr(cv, 'CV_ID') ?? '',
    description: description === '' ? null : description,
    external:
      extRef === null
        ? null
        : (refs.find((r) => r.id === extRef) ?? { id: extRef, type: null, value: null }),
    entries,
  };
}

/** ANNOTATION_ID -> 1-based line, from the text itself (the parser keeps no positions). */
function annotationLines(source: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /<(?:ALIGNABLE|REF)_ANNOTATION\b[^>]*?\bANNOTATION_ID\s*=\s*(["'])(.*?)\1/g;
  let line = 1;
  let at = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    for (
      let i = source.indexOf('\n', at);
      i !== -1 && i < m.index;
      i = source.indexOf('\n', i + 1)
    ) {
      line++;
    }
    at = m.index;
    if (!out.has(m[2]!)) out.set(m[2]!, line);
  }
  return out;
}

function stereotypeOf(value: string | null): EafStereotype | null {
  switch (value) {
    case 'Time_Subdivision':
    case 'Symbolic_Subdivision':
    case 'Symbolic_Association':
    case 'Included_In':
      return value;
    default:
      return null;
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function children(node: Node | null, name: string): Node[] {
  const v = node?.[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter(isNode);
}

function first(node: Node | null, name: string): Node | null {
  return children(node, name)[0] ?? null;
}

function attr(node: Node, name: string): string | null {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : null;
}

function textOf(node: Node | null): string {
  const v = node?.['#text'];
  return typeof v === 'string' ? v : '';
}
