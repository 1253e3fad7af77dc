import { CodebookIndex, synonymKey, type Codebook, type Tier } from '../domain/codebook.js';
import type { Moment, ReviewState } from '../domain/moment.js';
import type { EafAnnotation, EafDocument, EafTier } from './eaf-read.js';
import {
  eafMedia,
  type EafWriteAnnotation,
  type EafWriteInput,
  type EafWriteTier,
} from './eaf-write.js';

/**
 * Moments <-> ELAN tiers. Each codebook tier is an ELAN tier whose annotations are term ids
 * (from a controlled vocabulary of that tier's terms); who and what else hang beneath it
 * as Symbolic_Association tiers named `<tier>/initiator`, `<tier>/recipients`,
 * `<tier>/mutual`, `<tier>/part`, `<tier>/readings` and `<tier>/note`. Overlapping moments
 * of one tier go on `<tier> (2)`, `<tier> (3)`... with the same vocabulary. Lists are
 * written comma-separated, so a name holding `,` or `;` does not survive a round trip.
 */

export const EAF_ROLES = ['initiator', 'recipients', 'mutual', 'part', 'readings', 'note'] as const;
export type EafRole = (typeof EAF_ROLES)[number];

const ASSOCIATION_TYPE = 'receipts-association';
const READING_TIER = 'reading';

export interface EafExportOptions {
  readonly episode: string;
  /** The document's AUTHOR and each tier's ANNOTATOR. */
  readonly author: string;
  /** ISO 8601 date-time of the export. */
  readonly date: string;
  /** The episode's media file (a path or URL) for ELAN to open, or null. */
  readonly media?: string | null;
  /** Review states to export; rejected suggestions stay out by default. */
  readonly include?: readonly ReviewState[];
}

export type EafSkipReason = 'no-times' | 'bad-times' | 'other-episode' | 'unknown-tier' | 'review';

export interface EafExport {
  readonly eaf: EafWriteInput;
  readonly exported: number;
  /** Moments not written, with why: `no-times` is a moment anchored to a line only. */
  readonly skipped: readonly { readonly moment: Moment; readonly reason: EafSkipReason }[];
}

/**
 * The EAF document (for writeEaf) holding the episode's moments. Only moments with start
 * and end times can be time-aligned; the others are returned in `skipped`.
 */
export function momentsToEaf(
  moments: readonly Moment[],
  codebook: Codebook,
  options: EafExportOptions,
): EafExport {
  const index = new CodebookIndex(codebook);
  const include = new Set<ReviewState>(options.include ?? ['suggested', 'confirmed']);
  const skipped: { moment: Moment; reason: EafSkipReason }[] = [];
  const byTier = new Map<string, Moment[]>(codebook.tiers.map((t) => [t.id, []]));
  for (const m of moments) {
    const reason = skipReason(m, options.episode, include, byTier);
    if (reason !== null) skipped.push({ moment: m, reason });
    else byTier.get(m.tier)!.push(m);
  }

  let next = 0;
  const tiers: EafWriteTier[] = [];
  const common = { participant: null, annotator: options.author || null };
  for (const tier of codebook.tiers) {
    lanes(byTier.get(tier.id)!).forEach((lane, k) => {
      const tierId = k === 0 ? tier.id : `${tier.id} (${k + 1})`;
      const main: EafWriteAnnotation[] = [];
      const roles = new Map<EafRole, EafWriteAnnotation[]>(EAF_ROLES.map((r) => [r, []]));
      for (const m of lane) {
        const id = `a${++next}`;
        const term = index.term(m.term);
        main.push({
          kind: 'alignable',
          id,
          startMs: m.startMs!,
          endMs: m.endMs!,
          value: m.term,
          cveRef: term?.tier === tier.id ? term.id : null,
        });
        for (const role of EAF_ROLES) {
          const value = roleValue(m, role);
          if (value === null) continue;
          roles.get(role)!.push({ kind: 'ref', id: `a${++next}`, ref: id, value, cveRef: null });
        }
      }
      tiers.push({
        ...common,
        id: tierId,
        linguisticType: mainType(tier),
        parent: null,
        annotations: main,
      });
      for (const role of EAF_ROLES) {
        const annotations = roles.get(role)!;
        tiers.push({
          ...common,
          id: `${tierId}/${role}`,
          linguisticType: ASSOCIATION_TYPE,
          parent: tierId,
          annotations,
        });
      }
    });
  }

  const eaf: EafWriteInput = {
    author: options.author,
    date: options.date,
    media: options.media ? eafMedia(options.media) : null,
    properties: [
      { name: 'receipts:episode', value: options.episode },
      { name: 'receipts:codebook', value: codebook.id },
    ],
    tiers,
    linguisticTypes: [
      ...codebook.tiers.map((t) => ({ id: mainType(t), stereotype: null, vocabulary: t.id })),
      { id: ASSOCIATION_TYPE, stereotype: 'Symbolic_Association' as const, vocabulary: null },
    ],
    vocabularies: codebook.tiers.map((t) => ({
      id: t.id,
      description: labelled(t.label, t.description),
      entries: index.termsOf(t.id).map((term) => ({
        id: term.id,
        value: term.id,
        description: labelled(term.label, term.description),
      })),
    })),
  };
  return { eaf, exported: moments.length - skipped.length, skipped };
}

function skipReason(
  m: Moment,
  episode: string,
  include: ReadonlySet<ReviewState>,
  byTier: ReadonlyMap<string, unknown>,
): EafSkipReason | null {
  if (m.episode !== episode) return 'other-episode';
  if (!include.has(m.review)) return 'review';
  if (!byTier.has(m.tier)) return 'unknown-tier';
  if (m.startMs === null || m.endMs === null) return 'no-times';
  const ok = (t: number): boolean => Number.isSafeInteger(t) && t >= 0;
  if (!ok(m.startMs) || !ok(m.endMs) || m.endMs < m.startMs) return 'bad-times';
  return null;
}

/**
 * Moments split into lanes in which none overlap (touching is fine): ELAN cannot edit
 * overlapping annotations on one tier, so the second lane of `action` becomes `action (2)`.
 * There is always a first lane, so every codebook tier is in the file.
 */
function lanes(moments: readonly Moment[]): Moment[][] {
  const sorted = [...moments].sort(
    (a, b) => a.startMs! - b.startMs! || a.endMs! - b.endMs! || a.id.localeCompare(b.id),
  );
  const out: Moment[][] = [[]];
  const ends: number[] = [-1];
  for (const m of sorted) {
    let k = ends.findIndex((end) => end <= m.startMs!);
    if (k === -1) {
      k = out.length;
      out.push([]);
      ends.push(0);
    }
    out[k]!.push(m);
    ends[k] = m.endMs!;
  }
  return out;
}

function roleValue(m: Moment, role: EafRole): string | null {
  switch (role) {
    case 'initiator':
      return m.initiator;
    case 'recipients':
      return m.recipients.length === 0 ? null : m.recipients.join(', ');
    case 'mutual':
      return m.mutual ? 'yes' : null;
    case 'part':
      return m.part;
    case 'readings':
      return m.readings.length === 0 ? null : m.readings.join(', ');
    case 'note':
      return m.note === '' ? null : m.note;
  }
}

function mainType(tier: Tier): string {
  return `receipts-${tier.id}`;
}

function labelled(label: string, description: string | null): string {
  return description === null ? label : `${label}: ${description}`;
}

/** A moment read from an .eaf file: a NewMoment of the store (checked in the tests). */
export interface ImportedMoment extends Omit<Moment, 'id' | 'createdAt' | 'updatedAt' | 'version'> {
  readonly seriesId: string;
  readonly confidence: null;
  readonly sourceText: null;
}

export interface EafImportOptions {
  readonly episode: string;
  readonly seriesId: string;
  /** The file as the user named it, for provenance. */
  readonly file: string;
  /** Who made the annotations (the importing person's handle), or null. */
  readonly author: string | null;
}

export interface EafImportReport {
  /** Tiers whose annotations became moments, and how they were recognised. */
  readonly tiers: readonly {
    readonly eafTier: string;
    readonly codebookTier: string;
    readonly by: 'name' | 'vocabulary' | 'values';
    readonly annotations: number;
    readonly moments: number;
  }[];
  /** Dependent tiers read as a part of their parent's moments. */
  readonly roles: readonly {
    readonly eafTier: string;
    readonly role: EafRole;
    readonly annotations: number;
    /** Annotations that belong to no moment (their parent annotation made none). */
    readonly unlinked: number;
  }[];
  readonly unmappedTiers: readonly {
    readonly eafTier: string;
    readonly annotations: number;
    readonly reason: string;
  }[];
  /**
   * Values not understood (no term of the tier, a `mutual` that is no yes or no): dropped,
   * or `kept` as written on an open tier such as `reading`.
   */
  readonly values: readonly {
    readonly eafTier: string;
    readonly value: string;
    readonly count: number;
    readonly kept: boolean;
  }[];
  /** Annotations of mapped tiers without a value (no moment made). */
  readonly empty: number;
}

const ROLE_NAMES: Readonly<Record<string, EafRole>> = {
  initiator: 'initiator',
  agent: 'initiator',
  actor: 'initiator',
  by: 'initiator',
  recipients: 'recipients',
  recipient: 'recipients',
  target: 'recipients',
  targets: 'recipients',
  to: 'recipients',
  mutual: 'mutual',
  reciprocal: 'mutual',
  part: 'part',
  'body part': 'part',
  bodypart: 'part',
  readings: 'readings',
  reading: 'readings',
  note: 'note',
  notes: 'note',
  comment: 'note',
  comments: 'note',
};
const YES = new Set(['yes', 'y', 'true', '1', 'mutual', 'x', 'reciprocal']);
const NO = new Set(['no', 'n', 'false', '0']);

type Mapping =
  | { kind: 'moments'; codebookTier: Tier; by: 'name' | 'vocabulary' | 'values' }
  | { kind: 'role'; role: EafRole; of: string }
  | { kind: 'none'; reason: string };

/**
 * Moments from a read .eaf file. A tier maps onto a codebook tier when its id (or its
 * controlled vocabulary) names one, case-insensitively, or when most of its values are terms
 * or synonyms; a dependent tier of a mapped tier named for a role (`action/initiator`,
 * `recipients`, `Note`) fills that field of its parent's moments. Imported moments are
 * `confirmed` (a person made them in ELAN), with provenance `import` and the annotation's
 * line. Names are kept as written: resolving aliases to canon characters is the caller's.
 */
export function eafToMoments(
  doc: EafDocument,
  codebook: Codebook,
  options: EafImportOptions,
): { moments: ImportedMoment[]; report: EafImportReport } {
  const index = new CodebookIndex(codebook);
  const byTier = new Map<string, EafAnnotation[]>(doc.tiers.map((t) => [t.id, []]));
  for (const a of doc.annotations) byTier.get(a.tier)?.push(a);
  const mappings = mapTiers(doc.tiers, byTier, index);
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));

  const values = new Map<
    string,
    { eafTier: string; value: string; count: number; kept: boolean }
  >();
  const tally = (eafTier: string, value: string, kept: boolean): void => {
    const key = `${eafTier}\u0000${value}`;
    const v = values.get(key) ?? { eafTier, value, count: 0, kept };
    v.count++;
    values.set(key, v);
  };

  const drafts = new Map<string, Draft>();
  const report: Mutable<EafImportReport> = {
    tiers: [],
    roles: [],
    unmappedTiers: [],
    values: [],
    empty: 0,
  };
  for (const tier of doc.tiers) {
    const m = mappings.get(tier.id)!;
    if (m.kind !== 'moments') continue;
    const anns = byTier.get(tier.id)!;
    let made = 0;
    for (const a of anns) {
      const value = a.value.trim();
      if (value === '') {
        report.empty++;
        continue;
      }
      const term = index.term(value) ?? index.lookup(value);
      if (term === null && !m.codebookTier.open) {
        tally(tier.id, value, false);
        continue;
      }
      if (term === null) tally(tier.id, value, true);
      made++;
      drafts.set(a.id, {
        annotation: a,
        tier: term?.tier ?? m.codebookTier.id,
        term: term?.id ?? value,
        initiator: null,
        recipients: [],
        mutual: false,
        part: null,
        readings: [],
        note: null,
        participant: tier.participant,
      });
    }
    report.tiers.push({
      eafTier: tier.id,
      codebookTier: m.codebookTier.id,
      by: m.by,
      annotations: anns.length,
      moments: made,
    });
  }

  const readingTier = index.tier(READING_TIER);
  for (const tier of doc.tiers) {
    const m = mappings.get(tier.id)!;
    const anns = byTier.get(tier.id)!;
    if (m.kind === 'none') {
      report.unmappedTiers.push({ eafTier: tier.id, annotations: anns.length, reason: m.reason });
    }
    if (m.kind !== 'role') continue;
    let unlinked = 0;
    // In time order, so the recipients of a symbolic subdivision keep their order.
    for (const a of [...anns].sort((x, y) => x.startMs - y.startMs)) {
      const draft = owner(a, m.of, byId, byTier.get(m.of)!, drafts);
      if (draft === null) {
        if (a.value.trim() !== '') unlinked++;
        continue;
      }
      fillRole(
        draft,
        m.role,
        a.value,
        (value, kept) => tally(tier.id, value, kept),
        index,
        readingTier,
      );
    }
    report.roles.push({ eafTier: tier.id, role: m.role, annotations: anns.length, unlinked });
  }

  const moments: ImportedMoment[] = [...drafts.values()].map((d) => ({
    seriesId: options.seriesId,
    episode: options.episode,
    startMs: d.annotation.startMs,
    endMs: d.annotation.endMs,
    anchorSeq: null,
    tier: d.tier,
    term: d.term,
    initiator: d.initiator ?? d.participant,
    recipients: d.recipients,
    mutual: d.mutual,
    part: d.part,
    readings: d.readings,
    note: d.note,
    author: options.author,
    provenance: { kind: 'import', file: options.file, line: d.annotation.line },
    review: 'confirmed',
    confidence: null,
    sourceText: null,
  }));
  report.values = [...values.values()];
  return { moments, report };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };

interface Draft {
  readonly annotation: EafAnnotation;
  readonly tier: string;
  readonly term: string;
  initiator: string | null;
  recipients: string[];
  mutual: boolean;
  part: string | null;
  readings: string[];
  note: string | null;
  readonly participant: string | null;
}

/** How each tier maps, parents before children (a role needs its parent's mapping). */
function mapTiers(
  tiers: readonly EafTier[],
  byTier: ReadonlyMap<string, readonly EafAnnotation[]>,
  index: CodebookIndex,
): Map<string, Mapping> {
  const out = new Map<string, Mapping>();
  const byId = new Map(tiers.map((t) => [t.id, t]));
  const named = (name: string | null): Tier | null => {
    if (name === null) return null;
    const key = synonymKey(name);
    return (
      index.codebook.tiers.find((t) => synonymKey(t.id) === key || synonymKey(t.label) === key) ??
      null
    );
  };
  const visit = (tier: EafTier, depth: number): Mapping => {
    const done = out.get(tier.id);
    if (done !== undefined) return done;
    // Nearest ancestor whose annotations are moments, if any (depth guards a PARENT_REF cycle).
    let of: string | null = null;
    for (let p = tier.parent, d = 0; p !== null && d <= byId.size; d++) {
      const parent = byId.get(p);
      if (parent === undefined) break;
      const pm = depth > byId.size ? null : visit(parent, depth + 1);
      if (pm?.kind === 'moments') {
        of = parent.id;
        break;
      }
      p = parent.parent;
    }
    let m: Mapping;
    const role = of === null ? null : roleOf(tier.id, tier.parent, of);
    const byName = named(tier.id);
    const byCv = named(tier.vocabulary);
    const byValues =
      role === null && byName === null && byCv === null
        ? valueTier(byTier.get(tier.id)!, index)
        : null;
    if (role !== null) m = { kind: 'role', role, of: of! };
    else if (byName !== null) m = { kind: 'moments', codebookTier: byName, by: 'name' };
    else if (byCv !== null) m = { kind: 'moments', codebookTier: byCv, by: 'vocabulary' };
    else if (byValues !== null) m = { kind: 'moments', codebookTier: byValues, by: 'values' };
    else if (roleOf(tier.id, tier.parent) !== null) {
      m = { kind: 'none', reason: 'names a role, but no parent tier holds moments' };
    } else m = { kind: 'none', reason: 'no codebook tier by name, and most values are no terms' };
    out.set(tier.id, m);
    return m;
  };
  for (const t of tiers) visit(t, 0);
  return out;
}

/**
 * `action/initiator`, `action-Recipients`, `note`, `action/initiator/readings`: the role a
 * dependent tier's id names, after its parent's or moment tier's id, or after the last `/`.
 */
function roleOf(tierId: string, ...ancestors: readonly (string | null)[]): EafRole | null {
  const names = [tierId, tierId.slice(tierId.lastIndexOf('/') + 1)];
  for (const a of ancestors) {
    if (a === null || a === '' || !tierId.toLowerCase().startsWith(a.toLowerCase())) continue;
    if (/^[\s/_.:-]/.test(tierId.slice(a.length))) names.unshift(tierId.slice(a.length + 1));
  }
  for (const name of names) {
    const role = ROLE_NAMES[synonymKey(name)];
    if (role !== undefined) return role;
  }
  return null;
}

/** The codebook tier most of a tier's values are terms of, when more than half are. */
function valueTier(anns: readonly EafAnnotation[], index: CodebookIndex): Tier | null {
  let filled = 0;
  const hits = new Map<string, number>();
  for (const a of anns) {
    const v = a.value.trim();
    if (v === '') continue;
    filled++;
    const term = index.term(v) ?? index.lookup(v);
    if (term !== null) hits.set(term.tier, (hits.get(term.tier) ?? 0) + 1);
  }
  const total = [...hits.values()].reduce((s, n) => s + n, 0);
  if (filled === 0 || total * 2 <= filled) return null;
  const best = [...hits.entries()].sort((x, y) => y[1] - x[1])[0]![0];
  return index.tier(best);
}

/**
 * The moment a role annotation belongs to: up its chain of references to the moment tier,
 * or, for a time-aligned role tier, the moment annotation whose span holds it.
 */
function owner(
  a: EafAnnotation,
  momentTier: string,
  byId: ReadonlyMap<string, EafAnnotation>,
  momentAnns: readonly EafAnnotation[],
  drafts: ReadonlyMap<string, Draft>,
): Draft | null {
  let cur: EafAnnotation | undefined = a;
  for (let steps = 0; cur !== undefined && cur.kind === 'ref' && steps <= byId.size; steps++) {
    cur = byId.get(cur.ref ?? '');
    if (cur?.tier === momentTier) return drafts.get(cur.id) ?? null;
  }
  if (cur === undefined || cur.tier === momentTier) return null;
  const at = cur;
  const host = momentAnns.find((p) => p.startMs <= at.startMs && at.endMs <= p.endMs);
  return host === undefined ? null : (drafts.get(host.id) ?? null);
}

function fillRole(
  d: Draft,
  role: EafRole,
  raw: string,
  tally: (value: string, kept: boolean) => void,
  index: CodebookIndex,
  readingTier: Tier | null,
): void {
  const value = raw.trim();
  if (value === '') return;
  const list = value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  switch (role) {
    case 'initiator':
      d.initiator ??= value;
      return;
    case 'part':
      d.part ??= value;
      return;
    case 'note':
      d.note = d.note === null ? raw : `${d.note}\n${raw}`;
      return;
    case 'mutual': {
      const key = synonymKey(value);
      if (YES.has(key)) d.mutual = true;
      else if (!NO.has(key)) tally(value, false);
      return;
    }
    case 'recipients':
      for (const r of list) if (!d.recipients.includes(r)) d.recipients.push(r);
      return;
    case 'readings':
      for (const r of list) {
        const term = index.term(r) ?? index.lookup(r);
        const isReading = term !== null && (readingTier === null || term.tier === readingTier.id);
        // An open tier keeps new words, but a term of another tier (`kiss`) is no reading.
        const kept = term === null && readingTier?.open === true;
        if (!isReading) tally(r, kept);
        if (!isReading && !kept) continue;
        const reading = isReading ? term.id : r;
        if (!d.readings.includes(reading)) d.readings.push(reading);
      }
  }
}
