import type { Root } from 'mdast';
import type { Finding } from '../domain/errors.js';
import type { PostSettings } from './front-matter.js';

/** The platforms a post is published to. */
export const COMPOSE_TARGETS = ['html', 'tumblr', 'ao3', 'markdown'] as const;
export type ComposeTarget = (typeof COMPOSE_TARGETS)[number];

/** What every target renders: the post's tree with references resolved and credits added. */
export interface TargetInput {
  readonly file: string;
  readonly tree: Root;
  readonly settings: PostSettings;
  /** Where the images will be served from; null when the user gave no --base-url. */
  readonly baseUrl: string | null;
}

/** One target's output and the findings of checking it against the platform's limits. */
export interface TargetOutput {
  readonly text: string;
  /** File name suffix: `.html`, `.npf.json`, `.ao3.html`, `.published.md`. */
  readonly suffix: string;
  readonly findings: readonly Finding[];
}
