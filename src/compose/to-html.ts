import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import {
  claimContent,
  creditsContent,
  el,
  gifCaption,
  gifsetCaption,
  imgOf,
  quoteContent,
} from './hast-build.js';
import type {
  ClaimNode,
  CreditsNode,
  GifNode,
  GifsetNode,
  QuoteNode,
  ResolvedGif,
} from './post-nodes.js';
import type { TargetInput, TargetOutput } from './target.js';

/** mdast-util-to-hast handlers, keyed by mdast node type. */
export type HastHandlers = NonNullable<RemarkRehypeOptions['handlers']>;

const resolvedGifs = (n: GifsetNode): ResolvedGif[] =>
  (n.resolved ?? []).filter((g): g is ResolvedGif => g !== null);

/** Per-row groups of a gifset's GIFs, in order. */
export function rowsOf<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

/**
 * The HTML target's handlers for the receipts nodes (mdast-util-to-hast handles the rest).
 * Override any of them with `renderHtml(input, { handlers })`.
 */
export const HTML_HANDLERS: HastHandlers = {
  receiptsGif: (_s, node: GifNode) =>
    node.resolved === null
      ? undefined
      : el('figure', { className: ['gif'] }, [
          imgOf(node.resolved),
          el('figcaption', {}, gifCaption(node.resolved)),
        ]),
  receiptsGifset: (_s, node: GifsetNode) => {
    const gifs = resolvedGifs(node);
    if (gifs.length === 0) return undefined;
    return el('figure', { className: ['gifset'] }, [
      ...rowsOf(gifs, node.ref.perRow).map((row) =>
        el('div', { className: ['gifset-row'] }, row.map(imgOf)),
      ),
      el('figcaption', {}, gifsetCaption(gifs)),
    ]);
  },
  receiptsQuote: (_s, node: QuoteNode) => quoteContent(node.ref.text, node.resolved),
  receiptsClaim: (_s, node: ClaimNode) =>
    el(
      'aside',
      {
        className: ['claim', ...(node.resolved === null ? [] : [`claim-${node.resolved.verdict}`])],
      },
      claimContent(node.ref.text, node.resolved),
    ),
  receiptsCredits: (_s, node: CreditsNode) =>
    el('section', { className: ['credits'] }, creditsContent(node.credits, 'h2')),
  receiptsMore: () => undefined,
};

/** GitHub's sanitize schema plus exactly what the composer's own markup needs. */
export const HTML_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'aside'],
  attributes: {
    ...defaultSchema.attributes,
    figure: ['className'],
    aside: ['className'],
    div: [...(defaultSchema.attributes?.div ?? []), 'className'],
    section: ['dataFootnotes', 'className'],
  },
};

/** The post's body as sanitized hast, through the given handlers. */
export function postHast(
  tree: Root,
  handlers: HastHandlers,
  schema: SanitizeSchema = HTML_SCHEMA,
): HastRoot {
  const processor = unified().use(remarkRehype, { handlers }).use(rehypeSanitize, schema);
  return processor.runSync(tree);
}

const stringify = (tree: HastRoot) => unified().use(rehypeStringify).stringify(tree);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page's one stylesheet, exactly as it stands between <style> and </style>: the workbench's
 * content security policy allows it by its hash (src/server/web-static.ts) for the preview.
 */
export const PAGE_STYLE = `
body{font:17px/1.5 Georgia,serif;max-width:40em;margin:2em auto;padding:0 1em}
figure{margin:1.5em 0}img{max-width:100%;height:auto}.gifset-row{display:flex;gap:4px}
.gifset-row img{flex:1;min-width:0}figcaption,cite{font-size:.9em;color:#555}
aside.claim{border-left:4px solid #999;padding:.2em 1em;margin:1.5em 0}
aside.claim-supported{border-color:#2a7}aside.claim-contradicted{border-color:#c33}
section.credits{border-top:1px solid #ccc;margin-top:3em;font-size:.9em}
`;

/**
 * A standalone HTML page: the title, the post with its figures, claims and credits, sanitized
 * (rehype-sanitize with HTML_SCHEMA). The page shell is ours; only the body comes from the post.
 */
export function renderHtml(
  input: TargetInput,
  options: { readonly handlers?: HastHandlers } = {},
): TargetOutput {
  const body = postHast(input.tree, { ...HTML_HANDLERS, ...options.handlers });
  const { title, lang, author } = {
    title: input.settings.title,
    lang: input.settings.html.lang,
    author: input.settings.author,
  };
  const head = title === undefined ? [] : [el('h1', {}, [title])];
  const byline = author === undefined ? [] : [el('p', { className: ['byline'] }, [`by ${author}`])];
  const article: Element = el('article', {}, [...head, ...byline]);
  const html =
    `<!doctype html>\n<html lang="${escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="Receipts">\n` +
    `<title>${escapeHtml(title ?? 'Untitled post')}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n` +
    `<body>\n<article>\n${stringify({ type: 'root', children: article.children })}\n` +
    `${stringify(body)}\n</article>\n</body>\n</html>\n`;
  return { text: html, suffix: '.html', findings: [] };
}
