import type { BlockContent, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
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
import type { TargetInput, TargetOutput } from './target.js';
import { rowsOf } from './to-html.js';

/** Turns one receipts node into plain mdast, which remark-stringify writes. */
// Method syntax makes the node parameter bivariant: each handler names the node type it takes.
export type MarkdownHandler = { bivarianceHack(node: Nodes): RootContent[] }['bivarianceHack'];

/** Turns one inline receipts node into plain phrasing content. */
export type MarkdownInlineHandler = {
  bivarianceHack(node: Nodes): PhrasingContent[];
}['bivarianceHack'];

const t = (value: string): PhrasingContent => ({ type: 'text', value });
const image = (g: ResolvedGif): PhrasingContent => ({ type: 'image', url: g.src, alt: g.alt });
const item = (children: PhrasingContent[]): ListItem => ({
  type: 'listItem',
  spread: false,
  children: [{ type: 'paragraph', children }],
});

const caption = (g: ResolvedGif): PhrasingContent[] => [
  t(g.caption === null || g.caption === '' ? '' : `${g.caption} — `),
  { type: 'emphasis', children: [t(formatCitation(g.citation))] },
];

/** Handlers for the receipts nodes; every other node is Markdown already. */
export const MARKDOWN_HANDLERS: Record<string, MarkdownHandler> = {
  receiptsGif: (n: GifNode) =>
    n.resolved === null
      ? []
      : [
          {
            type: 'paragraph',
            children: [image(n.resolved), { type: 'break' }, ...caption(n.resolved)],
          },
        ],
  receiptsGifset: (n: GifsetNode) => {
    const gifs = (n.resolved ?? []).filter((g): g is ResolvedGif => g !== null);
    if (gifs.length === 0) return [];
    const cites = [...new Set(gifs.map((g) => formatCitation(g.citation)))].join('; ');
    const rows = rowsOf(gifs, n.ref.perRow).flatMap((r): PhrasingContent[] => [
      ...r.flatMap((g, i) => (i > 0 ? [t(' '), image(g)] : [image(g)])),
      { type: 'break' },
    ]);
    return [{ type: 'paragraph', children: [...rows, { type: 'emphasis', children: [t(cites)] }] }];
  },
  receiptsClaim: (n: ClaimNode) => {
    const c = n.resolved;
    const head: BlockContent = {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [t('Claim:')] },
        t(` ${n.ref.text} — `),
        { type: 'emphasis', children: [t(c === null ? 'not checked' : VERDICT_WORDS[c.verdict])] },
      ],
    };
    if (c === null) return [{ type: 'blockquote', children: [head] }];
    const evidence: BlockContent[] =
      c.evidence.length === 0
        ? []
        : [
            {
              type: 'list',
              ordered: false,
              spread: false,
              children: c.evidence.map((e) =>
                item([
                  { type: 'emphasis', children: [t(formatCitation(e.citation))] },
                  t(`: ${e.text}`),
                ]),
              ),
            },
          ];
    return [
      {
        type: 'blockquote',
        children: [head, { type: 'paragraph', children: [t(c.explanation)] }, ...evidence],
      },
    ];
  },
  receiptsCredits: (n: CreditsNode) => [
    { type: 'heading', depth: 2, children: [t('Credits')] },
    ...(n.credits.gifCredit === null
      ? []
      : [{ type: 'paragraph' as const, children: [t(n.credits.gifCredit)] }]),
    ...(n.credits.episodes.length === 0
      ? []
      : [
          { type: 'paragraph' as const, children: [t('Episodes cited:')] },
          {
            type: 'list' as const,
            ordered: false,
            spread: false,
            children: n.credits.episodes.map((e) => item([t(formatCitation(e))])),
          },
        ]),
  ],
  receiptsMore: () => [],
  html: () => [],
};

/** Handlers for inline receipts nodes. */
export const MARKDOWN_INLINE: Record<string, MarkdownInlineHandler> = {
  receiptsQuote: (n: QuoteNode) => {
    const q = n.resolved;
    return [
      t(`“${n.ref.text}”`),
      ...(q === null
        ? []
        : [t(` (${q.speaker === null ? '' : `${q.speaker}, `}${formatCitation(q.citation)})`)]),
    ];
  },
  html: () => [],
};

/**
 * Plain Markdown (CommonMark + GFM) with image links, for Dreamwidth or anywhere: the title as
 * a heading, GIFs as images with their captions and citations, claims as quotes, the credits.
 */
export function renderMarkdown(
  input: TargetInput,
  options: {
    readonly handlers?: Record<string, MarkdownHandler>;
    readonly inline?: Record<string, MarkdownInlineHandler>;
  } = {},
): TargetOutput {
  const blocks = { ...MARKDOWN_HANDLERS, ...options.handlers };
  const inline = { ...MARKDOWN_INLINE, ...options.inline };
  // Block and inline handlers have different node types as keys, so one lookup serves both.
  const handlers: Record<string, MarkdownHandler> = { ...blocks, ...inline };
  const convert = (nodes: readonly RootContent[]): RootContent[] =>
    nodes.flatMap((n): RootContent[] => {
      const h = handlers[n.type];
      if (h !== undefined) return h(n);
      return 'children' in n ? [{ ...n, children: convert(n.children) } as RootContent] : [n];
    });
  const title: RootContent[] =
    input.settings.title === undefined
      ? []
      : [{ type: 'heading', depth: 1, children: [t(input.settings.title)] }];
  const root: Root = {
    type: 'root',
    children: [...title, ...convert(input.tree.children)],
  };
  const text = unified()
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' })
    .use(remarkGfm)
    .stringify(root);
  return { text, suffix: '.published.md', findings: [] };
}
