import type {
  Blockquote,
  Code,
  Delete,
  Emphasis,
  FootnoteDefinition,
  FootnoteReference,
  Heading,
  Image,
  InlineCode,
  Link,
  List,
  Nodes,
  Paragraph,
  PhrasingContent,
  RootContent,
  Strong,
  Table,
  Text,
} from 'mdast';
import type { Finding, Place } from '../domain/errors.js';
import {
  checkNpf,
  codePoints,
  NPF_LIMITS,
  type NpfBlock,
  type NpfFormatting,
  type NpfFormatType,
  type NpfImageBlock,
  type NpfPost,
  type NpfTextBlock,
  type NpfTextSubtype,
} from '../formats/npf.js';
import { formatCitation } from './citation.js';
import { VERDICT_WORDS } from './hast-build.js';
import type {
  ClaimNode,
  CreditsNode,
  GifNode,
  GifsetNode,
  QuoteNode,
  ResolvedGif,
} from './post-nodes.js';
import { isAbsoluteHttp } from './safe-url.js';
import type { TargetInput, TargetOutput } from './target.js';
import { rowsOf } from './to-html.js';

/** Inline text being built: code point offsets, as NPF counts. */
export class InlineText {
  text = '';
  readonly formatting: NpfFormatting[] = [];
  private length = 0;
  add(value: string): void {
    this.text += value;
    this.length += codePoints(value);
  }
  /** Run `inner`, then format what it added. */
  mark(type: NpfFormatType, inner: () => void, url?: string): void {
    const start = this.length;
    inner();
    if (this.length > start)
      this.formatting.push({
        start,
        end: this.length,
        type,
        ...(url === undefined ? {} : { url }),
      });
  }
}

/** What block handlers get: the render state of the post. */
export interface NpfContext {
  readonly input: TargetInput;
  readonly findings: Finding[];
  inline(nodes: readonly PhrasingContent[], into?: InlineText): InlineText;
  blocks(nodes: readonly RootContent[], depth: NpfDepth): NpfRow[];
  place(node: Nodes): Place;
}

export interface NpfDepth {
  readonly subtype?: NpfTextSubtype;
  readonly indent: number;
}

/** A row of the layout (one text block, or image blocks), or the read-more point. */
export type NpfRow =
  | { readonly kind: 'row'; readonly blocks: readonly NpfBlock[]; readonly place: Place }
  | { readonly kind: 'more'; readonly place: Place };

// Method syntax makes the node parameter bivariant: each handler names the node type it takes.
export type NpfInlineHandler = {
  bivarianceHack(node: Nodes, b: InlineText, ctx: NpfContext): void;
}['bivarianceHack'];
export type NpfBlockHandler = {
  bivarianceHack(node: Nodes, ctx: NpfContext, depth: NpfDepth): NpfRow[];
}['bivarianceHack'];

const all = (node: { children: PhrasingContent[] }, b: InlineText, ctx: NpfContext) =>
  ctx.inline(node.children, b);

/** Inline handlers by mdast type; unknown inline nodes contribute their text. */
export const NPF_INLINE: Record<string, NpfInlineHandler> = {
  text: (n: Text, b) => b.add(n.value.replace(/\s*\n\s*/g, ' ')),
  emphasis: (n: Emphasis, b, ctx) => b.mark('italic', () => all(n, b, ctx)),
  strong: (n: Strong, b, ctx) => b.mark('bold', () => all(n, b, ctx)),
  delete: (n: Delete, b, ctx) => b.mark('strikethrough', () => all(n, b, ctx)),
  link: (n: Link, b, ctx) => b.mark('link', () => all(n, b, ctx), n.url),
  inlineCode: (n: InlineCode, b) => b.add(n.value),
  break: (_n, b) => b.add('\n'),
  image: (n: Image, b) => b.mark('link', () => b.add(n.alt ?? 'image'), n.url),
  footnoteReference: (n: FootnoteReference, b) =>
    b.mark('small', () => b.add(`[${n.label ?? n.identifier}]`)),
  html: () => undefined,
  receiptsQuote: (n: QuoteNode, b) => {
    b.add(`“${n.ref.text}”`);
    const q = n.resolved;
    if (q !== null) {
      b.mark('small', () =>
        b.add(` (${q.speaker === null ? '' : `${q.speaker}, `}${formatCitation(q.citation)})`),
      );
    }
  },
};

const textBlock = (b: InlineText, depth: NpfDepth, subtype?: NpfTextSubtype): NpfTextBlock => {
  const s = subtype ?? depth.subtype;
  return {
    type: 'text',
    text: b.text,
    ...(s === undefined ? {} : { subtype: s }),
    ...(depth.indent > 0 ? { indent_level: depth.indent } : {}),
    ...(b.formatting.length > 0 ? { formatting: b.formatting } : {}),
  };
};

const row = (ctx: NpfContext, node: Nodes, ...blocks: NpfBlock[]): NpfRow => ({
  kind: 'row',
  blocks,
  place: ctx.place(node),
});

function imageBlock(g: ResolvedGif, ctx: NpfContext): NpfImageBlock {
  const citation = formatCitation(g.citation);
  const online = isAbsoluteHttp(g.src);
  const attributionUrl = ctx.input.settings.tumblr.attributionUrl ?? (online ? g.src : null);
  return {
    type: 'image',
    media: [
      {
        type: 'image/gif',
        ...(online ? { url: g.src } : { identifier: g.file }),
        width: g.width,
        height: g.height,
      },
    ],
    alt_text: g.alt,
    caption: g.caption === null || g.caption === '' ? citation : `${g.caption} — ${citation}`,
    ...(attributionUrl === null
      ? {}
      : {
          attribution: {
            type: 'app',
            url: attributionUrl,
            app_name: 'Receipts',
            display_text: citation,
          },
        }),
  };
}

const plain = (value: string, formatted?: (b: InlineText) => void): InlineText => {
  const b = new InlineText();
  if (formatted === undefined) b.add(value);
  else formatted(b);
  return b;
};

/** Block handlers by mdast type: each returns rows of NPF blocks. Override any of them. */
export const NPF_BLOCKS: Record<string, NpfBlockHandler> = {
  paragraph: (n: Paragraph, ctx, d) => [row(ctx, n, textBlock(ctx.inline(n.children), d))],
  heading: (n: Heading, ctx, d) => [
    row(ctx, n, textBlock(ctx.inline(n.children), d, n.depth === 1 ? 'heading1' : 'heading2')),
  ],
  blockquote: (n: Blockquote, ctx, d) =>
    ctx.blocks(n.children, {
      subtype: 'indented',
      indent: d.subtype === 'indented' ? d.indent + 1 : d.indent,
    }),
  list: (n: List, ctx, d) => {
    const subtype = n.ordered === true ? 'ordered-list-item' : 'unordered-list-item';
    const nested = d.subtype?.endsWith('list-item') === true ? d.indent + 1 : d.indent;
    return n.children.flatMap((item) => ctx.blocks(item.children, { subtype, indent: nested }));
  },
  code: (n: Code, ctx, d) => [row(ctx, n, textBlock(plain(n.value), d))],
  table: (n: Table, ctx, d) =>
    n.children.map((r) => {
      const b = new InlineText();
      r.children.forEach((cell, i) => {
        if (i > 0) b.add(' | ');
        ctx.inline(cell.children, b);
      });
      return row(ctx, n, textBlock(b, d));
    }),
  thematicBreak: () => [],
  html: () => [],
  definition: () => [],
  footnoteDefinition: (n: FootnoteDefinition, ctx, d) => {
    const rows = ctx.blocks(n.children, d);
    const first = rows[0];
    if (first?.kind === 'row' && first.blocks[0]?.type === 'text') {
      const t = first.blocks[0];
      const mark = `[${n.label ?? n.identifier}] `;
      const shift = codePoints(mark);
      rows[0] = {
        ...first,
        blocks: [
          {
            ...t,
            text: mark + t.text,
            formatting: (t.formatting ?? []).map((f) => ({
              ...f,
              start: f.start + shift,
              end: f.end + shift,
            })),
          },
        ],
      };
    }
    return rows;
  },
  receiptsGif: (n: GifNode, ctx) =>
    n.resolved === null ? [] : [row(ctx, n, imageBlock(n.resolved, ctx))],
  receiptsGifset: (n: GifsetNode, ctx) => {
    const gifs = (n.resolved ?? []).filter((g): g is ResolvedGif => g !== null);
    return rowsOf(gifs, n.ref.perRow).map((r) => row(ctx, n, ...r.map((g) => imageBlock(g, ctx))));
  },
  receiptsClaim: (n: ClaimNode, ctx, d) => {
    const c = n.resolved;
    const head = plain('', (b) => {
      b.mark('bold', () => b.add('Claim:'));
      b.add(` ${n.ref.text} — `);
      b.mark('italic', () => b.add(c === null ? 'not checked' : VERDICT_WORDS[c.verdict]));
    });
    const rows = [row(ctx, n, textBlock(head, d, 'indented'))];
    if (c === null) return rows;
    rows.push(row(ctx, n, textBlock(plain(c.explanation), d, 'indented')));
    for (const e of c.evidence) {
      const b = plain('', (x) => {
        x.mark('italic', () => x.add(formatCitation(e.citation)));
        x.add(`: ${e.text}`);
      });
      rows.push(row(ctx, n, textBlock(b, { indent: d.indent + 1 }, 'unordered-list-item')));
    }
    return rows;
  },
  receiptsCredits: (n: CreditsNode, ctx, d) => [
    row(ctx, n, textBlock(plain('Credits'), d, 'heading2')),
    ...(n.credits.gifCredit === null
      ? []
      : [row(ctx, n, textBlock(plain(n.credits.gifCredit), d))]),
    ...(n.credits.episodes.length === 0
      ? []
      : [
          row(ctx, n, textBlock(plain('Episodes cited:'), d)),
          ...n.credits.episodes.map((e) =>
            row(ctx, n, textBlock(plain(formatCitation(e)), d, 'unordered-list-item')),
          ),
        ]),
  ],
  receiptsMore: (n: Nodes, ctx) => [{ kind: 'more', place: ctx.place(n) }],
};

/**
 * Split a text block longer than NPF allows at sentence ends (else at spaces), carrying its
 * formatting along; a paragraph is never joined with another.
 */
export function splitTextBlock(
  block: NpfTextBlock,
  max: number = NPF_LIMITS.textChars,
): NpfTextBlock[] {
  const chars = [...block.text];
  if (chars.length <= max) return [block];
  const out: NpfTextBlock[] = [];
  let from = 0;
  while (from < chars.length) {
    let end = Math.min(chars.length, from + max);
    if (end < chars.length) {
      const window = chars.slice(from, end).join('');
      const sentence = Math.max(...['. ', '! ', '? ', '… '].map((m) => window.lastIndexOf(m)));
      const space = window.lastIndexOf(' ');
      const cut = sentence > 0 ? sentence + 1 : space > 0 ? space : -1;
      if (cut > 0) end = from + codePoints(window.slice(0, cut));
    }
    const text = chars.slice(from, end).join('');
    const formatting = (block.formatting ?? [])
      .filter((f) => f.end > from && f.start < end)
      .map((f) => ({
        ...f,
        start: Math.max(f.start, from) - from,
        end: Math.min(f.end, end) - from,
      }));
    const trimmed = text.replace(/^\s+/, '');
    const lead = codePoints(text) - codePoints(trimmed);
    out.push({
      ...block,
      text: trimmed,
      ...(formatting.length > 0
        ? {
            formatting: formatting
              .map((f) => ({ ...f, start: Math.max(0, f.start - lead), end: f.end - lead }))
              .filter((f) => f.end > f.start),
          }
        : { formatting: undefined }),
    });
    from = end;
  }
  return out.map((b) => (b.formatting === undefined ? withoutFormatting(b) : b));
}

const withoutFormatting = (b: NpfTextBlock): NpfTextBlock => {
  const { formatting: _f, ...rest } = b;
  return rest;
};

/**
 * Tumblr NPF JSON: the title as a heading, text blocks per paragraph (split under 4,096
 * characters), GIFs as image blocks with alt text and attribution, gifsets as rows of images,
 * the read-more as `truncate_after`, and the credits; checked with checkNpf.
 */
export function renderNpf(
  input: TargetInput,
  options: {
    readonly blocks?: Record<string, NpfBlockHandler>;
    readonly inline?: Record<string, NpfInlineHandler>;
  } = {},
): TargetOutput & { readonly post: NpfPost } {
  const findings: Finding[] = [];
  const blockHandlers = { ...NPF_BLOCKS, ...options.blocks };
  const inlineHandlers = { ...NPF_INLINE, ...options.inline };
  const ctx: NpfContext = {
    input,
    findings,
    place: (n) => ({
      file: input.file,
      ...(n.position === undefined
        ? {}
        : { line: n.position.start.line, column: n.position.start.column }),
    }),
    inline(nodes, into = new InlineText()) {
      for (const n of nodes) {
        const h = inlineHandlers[n.type];
        if (h !== undefined) h(n, into, ctx);
        else if ('children' in n) ctx.inline(n.children, into);
        else if ('value' in n) into.add(String(n.value));
      }
      return into;
    },
    blocks(nodes, depth) {
      return nodes.flatMap((n) => {
        const h = blockHandlers[n.type];
        if (h !== undefined) return h(n, ctx, depth);
        findings.push({
          severity: 'warning',
          ruleId: 'npf-unsupported',
          reason: `Tumblr has no block for ${n.type}; it was left out`,
          place: ctx.place(n),
        });
        return [];
      });
    },
  };
  const title =
    input.settings.title === undefined
      ? []
      : [
          {
            kind: 'row' as const,
            blocks: [textBlock(plain(input.settings.title), { indent: 0 }, 'heading1')],
            place: { file: input.file },
          },
        ];
  const rows = [...title, ...ctx.blocks(input.tree.children, { indent: 0 })];
  const content: NpfBlock[] = [];
  const places: Place[] = [];
  const display: { blocks: number[] }[] = [];
  let truncateAfter: number | undefined = input.settings.tumblr.truncateAfter;
  for (const r of rows) {
    if (r.kind === 'more') {
      truncateAfter = content.length - 1;
      continue;
    }
    const split = r.blocks.flatMap((b): NpfBlock[] =>
      b.type === 'text' ? splitTextBlock(b) : [b],
    );
    if (split.length > r.blocks.length) {
      findings.push({
        severity: 'info',
        ruleId: 'npf-text-split',
        reason: `a paragraph over ${NPF_LIMITS.textChars} characters was split into ${split.length} text blocks`,
        place: r.place,
      });
    }
    const images = r.blocks.every((b) => b.type === 'image');
    const groups: NpfBlock[][] = images ? [split] : split.map((b) => [b]);
    for (const g of groups) {
      display.push({ blocks: g.map((_b, i) => content.length + i) });
      content.push(...g);
      places.push(...g.map(() => r.place));
    }
  }
  const post: NpfPost = {
    content,
    layout: [
      {
        type: 'rows',
        display,
        ...(truncateAfter === undefined ? {} : { truncate_after: truncateAfter }),
      },
    ],
    ...(input.settings.tags.length > 0 ? { tags: input.settings.tags.join(',') } : {}),
  };
  for (const p of checkNpf(post)) {
    findings.push({
      severity: 'error',
      ruleId: p.rule,
      reason: p.message,
      place: p.block === null ? { file: input.file } : (places[p.block] ?? { file: input.file }),
    });
  }
  if (content.some((b) => b.type === 'image' && b.media.some((m) => m.url === undefined))) {
    findings.push({
      severity: 'info',
      ruleId: 'npf-upload',
      reason: 'no --base-url: images name their files (media identifier) for a multipart upload',
      place: { file: input.file },
    });
  }
  return { text: `${JSON.stringify(post, null, 2)}\n`, suffix: '.npf.json', findings, post };
}
