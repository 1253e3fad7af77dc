import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
