import type { Element, ElementContent, Properties, Text } from 'hast';
import { formatCitation } from './citation.js';
import type { Credits, ResolvedClaim, ResolvedGif, ResolvedQuote } from './post-nodes.js';
import type { VerdictKind } from '../domain/claim.js';

/** Small hast builders shared by the HTML-like targets (html, ao3). */
export function el(
  tagName: string,
  properties: Properties = {},
  children: readonly (ElementContent | string)[] = [],
): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((c) => (typeof c === 'string' ? text(c) : c)),
  };
}

export const text = (value: string): Text => ({ type: 'text', value });

export const VERDICT_WORDS: Record<VerdictKind, string> = {
  supported: 'supported by the canon',
  contradicted: 'contradicted by the canon',
  'insufficient-coverage': 'not enough of the canon is annotated to say',
  'no-evidence': 'no evidence found',
};

export function imgOf(g: ResolvedGif): Element {
  return el('img', { src: g.src, alt: g.alt, width: g.width, height: g.height });
}

/** `“You are a lifesaver.” — Rain (1x01), 0:01` as inline content, the citation in <cite>. */
export function gifCaption(g: ResolvedGif): ElementContent[] {
  const cite = el('cite', {}, [formatCitation(g.citation)]);
  return g.caption === null || g.caption === '' ? [cite] : [text(`${g.caption} — `), cite];
}

/** The distinct citations of a gifset, joined by `; `. */
export function gifsetCaption(gifs: readonly ResolvedGif[]): ElementContent[] {
  const seen = [...new Set(gifs.map((g) => formatCitation(g.citation)))];
  return seen.flatMap((c, i) => [...(i > 0 ? [text('; ')] : []), el('cite', {}, [c])]);
}

/** `<q>text</q> (<cite>Speaker, Episode (1x01), 0:05</cite>)`. */
export function quoteContent(textValue: string, q: ResolvedQuote | null): ElementContent[] {
  const quoted = el('q', {}, [textValue]);
  if (q === null) return [quoted];
  const who = q.speaker === null ? '' : `${q.speaker}, `;
  return [quoted, text(' ('), el('cite', {}, [`${who}${formatCitation(q.citation)}`]), text(')')];
}

/** The body of an embedded claim: the claim and verdict, why, and its cited evidence. */
export function claimContent(claimText: string, c: ResolvedClaim | null): ElementContent[] {
  const head = el('p', {}, [
    el('strong', {}, ['Claim:']),
    text(` ${claimText} — `),
    el('em', {}, [c === null ? 'not checked' : VERDICT_WORDS[c.verdict]]),
  ]);
  if (c === null) return [head];
  const items = c.evidence.map((e) =>
    el('li', {}, [el('cite', {}, [formatCitation(e.citation)]), text(`: ${e.text}`)]),
  );
  return [head, el('p', {}, [c.explanation]), ...(items.length > 0 ? [el('ul', {}, items)] : [])];
}

/** The credits: the GIF credit and every episode cited. */
export function creditsContent(c: Credits, heading: string): ElementContent[] {
  const episodes = c.episodes.map((e) => el('li', {}, [formatCitation(e)]));
  return [
    el(heading, {}, ['Credits']),
    ...(c.gifCredit === null ? [] : [el('p', {}, [c.gifCredit])]),
    ...(episodes.length > 0 ? [el('p', {}, ['Episodes cited:']), el('ul', {}, episodes)] : []),
  ];
}
