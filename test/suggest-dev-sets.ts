import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './shared-data.js';

/**
 * The hand-labelled stage-direction dev sets (test/fixtures/suggest-dev-set*.json) as their
 * tests read them: file, line and labels only, never transcript text.
 */
export interface DevDirection {
  readonly file: string;
  readonly line: number;
  readonly events: readonly {
    readonly action: string;
    readonly initiator: string | null;
    readonly recipients: readonly string[];
    readonly mutual: boolean;
    readonly part?: string;
  }[];
  readonly uncertain: boolean;
  readonly tags: readonly string[];
}

/** The codebook terms the dev sets label. */
export const DEV_SET_TERMS = [
  ...['kiss', 'hug', 'touch-face', 'cradle-neck', 'hold-hands', 'caress'],
  ...['handshake', 'slap', 'punch', 'shove', 'grab'],
];

export function readDevSet(fixture: string): {
  folder: string;
  directions: readonly DevDirection[];
} {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', fixture), 'utf8')) as {
    folder: string;
    directions: readonly DevDirection[];
  };
}

export const devKey = (d: DevDirection): string => `${d.file}:${d.line}`;

/** The tags a direction may carry (see suggest-dev-set.md). */
export const DEV_SET_TAGS = [
  'pronoun',
  'inline',
  'coordinated',
  'passive',
  'group',
  'multiple',
  'negation',
  'object',
  'random',
] as const;

/** The body parts events name. */
export const DEV_SET_PARTS = [
  'lips',
  'cheek',
  'forehead',
  'hand',
  'neck',
  'face',
  'hair',
  'shoulder',
];

/** A person as the labels name one: upper case, no outer spaces. */
export const isLabelName = (s: unknown): boolean =>
  typeof s === 'string' && s.length > 0 && s === s.toUpperCase() && s.trim() === s;

/**
 * The checks every labelled direction passes: known tags, each once, `multiple` exactly when
 * it holds several events; events with a shared term and part, named recipients, and a
 * mutual event with no initiator and two people at least (or one crowd: see
 * suggest-dev-set-startrek-2.md).
 */
export function expectSoundLabels(d: DevDirection): void {
  const at = devKey(d);
  for (const t of d.tags) expect(DEV_SET_TAGS, at).toContain(t);
  expect(new Set(d.tags).size, at).toBe(d.tags.length);
  expect(d.tags.includes('multiple'), at).toBe(d.events.length > 1);
  for (const e of d.events) {
    expect(DEV_SET_TERMS, at).toContain(e.action);
    if (e.part !== undefined) expect(DEV_SET_PARTS, at).toContain(e.part);
    expect(e.recipients.length, at).toBeGreaterThan(0);
    expect(e.recipients.every(isLabelName), at).toBe(true);
    if (e.mutual) {
      expect(e.initiator, at).toBeNull();
      // Two people at least, or one crowd written as a plural noun (`MUSICIANS`).
      const crowd = e.recipients.length === 1 && /S$/.test(e.recipients[0]!);
      expect(e.recipients.length >= 2 || crowd, at).toBe(true);
    } else if (e.initiator !== null) {
      expect(isLabelName(e.initiator), at).toBe(true);
      expect(e.recipients, at).not.toContain(e.initiator);
    }
  }
}

/** The directions of a set by file, in set order: the real-data checks read each file once. */
export function directionsByFile(directions: readonly DevDirection[]): Map<string, DevDirection[]> {
  const out = new Map<string, DevDirection[]>();
  for (const d of directions) out.set(d.file, [...(out.get(d.file) ?? []), d]);
  return out;
}

/** Every person a direction's events name appears in `upper`, a file's text in upper case. */
export function expectNamesIn(upper: string, d: DevDirection): void {
  for (const e of d.events) {
    for (const n of [e.initiator, ...e.recipients]) {
      if (n !== null) expect(upper, `${devKey(d)} ${n}`).toContain(n.toUpperCase());
    }
  }
}
