import type { Node } from 'unist';
import type { Place } from '../domain/errors.js';
import type { VerdictKind } from '../domain/claim.js';

/**
 * The composer's own vocabulary: what a post's directives ask for (references to the canon),
 * what they resolved to, and the mdast nodes that carry both through to every target.
 */

/** Where a GIF's range comes from, as the post wrote it (times already in ms). */
export type GifSource =
  | {
      readonly kind: 'quote';
      readonly text: string;
      readonly episode?: string;
      readonly hit: number;
    }
  | { readonly kind: 'moment'; readonly id: string }
  | {
      readonly kind: 'range';
      readonly episode: string;
      readonly fromMs: number;
      readonly toMs: number;
    };

export interface GifRef {
  readonly kind: 'gif';
  /** `gif-1`, `gif-2` ... in the order of the post (a gifset's GIFs included). */
  readonly id: string;
  readonly source: GifSource;
  /** The writer's alt text, replacing the generated one. */
  readonly alt?: string;
  /** The writer's caption under the GIF, replacing the quoted line. */
  readonly caption?: string;
  readonly place: Place;
}

export interface GifsetRef {
  readonly kind: 'gifset';
  readonly id: string;
  readonly gifs: readonly GifRef[];
  readonly perRow: number;
  readonly place: Place;
}

export interface QuoteRef {
  readonly kind: 'quote';
  readonly id: string;
  readonly text: string;
  readonly episode?: string;
  readonly hit: number;
  readonly place: Place;
}

export interface ClaimRef {
  readonly kind: 'claim';
  readonly id: string;
  readonly text: string;
  readonly place: Place;
}

export type PostRef = GifRef | GifsetRef | QuoteRef | ClaimRef;

/** An episode and, when known, a time in it: what a citation names. */
export interface Citation {
  readonly episodeId: string;
  readonly title: string | null;
  readonly season: number | null;
  readonly number: number | null;
  readonly timeMs: number | null;
}

export interface ResolvedGif {
  /** File name relative to the output folder (`post-01.gif`). */
  readonly file: string;
  /** What the page refers to: `<base-url>/<file>`, or the file name when no base URL is given. */
  readonly src: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly alt: string;
  /** Text shown under the GIF (the writer's caption or the quoted line), or null. */
  readonly caption: string | null;
  readonly citation: Citation;
}

export interface ResolvedQuote {
  readonly text: string;
  readonly speaker: string | null;
  readonly citation: Citation;
}

export interface ResolvedEvidence {
  readonly text: string;
  readonly citation: Citation;
}

export interface ResolvedClaim {
  readonly text: string;
  readonly verdict: VerdictKind;
  readonly explanation: string;
  /** A few matches (or counter-examples, for a contradicted claim), each cited. */
  readonly evidence: readonly ResolvedEvidence[];
}

/** What the credits section lists. */
export interface Credits {
  /** `gifs by ...`, or null when the post has no GIFs. */
  readonly gifCredit: string | null;
  /** Every episode cited, in canon order, without times. */
  readonly episodes: readonly Citation[];
}

// Custom mdast nodes. `resolved` is null until the app resolved the reference (or when it
// could not be: a finding says why, and each target renders what it can without it).

export interface GifNode extends Node {
  readonly type: 'receiptsGif';
  readonly ref: GifRef;
  resolved: ResolvedGif | null;
}

export interface GifsetNode extends Node {
  readonly type: 'receiptsGifset';
  readonly ref: GifsetRef;
  resolved: readonly (ResolvedGif | null)[] | null;
}

export interface QuoteNode extends Node {
  readonly type: 'receiptsQuote';
  readonly ref: QuoteRef;
  resolved: ResolvedQuote | null;
}

export interface ClaimNode extends Node {
  readonly type: 'receiptsClaim';
  readonly ref: ClaimRef;
  resolved: ResolvedClaim | null;
}

export interface CreditsNode extends Node {
  readonly type: 'receiptsCredits';
  readonly credits: Credits;
}

/** The read-more point (`<!-- more -->`). */
export interface MoreNode extends Node {
  readonly type: 'receiptsMore';
}

declare module 'mdast' {
  interface RootContentMap {
    receiptsGif: GifNode;
    receiptsGifset: GifsetNode;
    receiptsClaim: ClaimNode;
    receiptsCredits: CreditsNode;
    receiptsMore: MoreNode;
    receiptsQuote: QuoteNode;
  }
  interface BlockContentMap {
    receiptsGif: GifNode;
    receiptsGifset: GifsetNode;
    receiptsClaim: ClaimNode;
    receiptsCredits: CreditsNode;
    receiptsMore: MoreNode;
  }
  interface PhrasingContentMap {
    receiptsQuote: QuoteNode;
  }
}
