import type { Root, RootContent } from 'mdast';
import { creditsOf, gifCreditOf } from './citation.js';
import type { ParsedPost } from './parse-post.js';
import type {
  Citation,
  CreditsNode,
  ResolvedClaim,
  ResolvedGif,
  ResolvedQuote,
} from './post-nodes.js';
import { joinUrl } from './safe-url.js';
import type { ComposeTarget, TargetInput, TargetOutput } from './target.js';
import { renderAo3 } from './to-ao3.js';
import { renderHtml } from './to-html.js';
import { renderMarkdown } from './to-markdown.js';
import { renderNpf } from './to-npf.js';

/** What the app found for each reference, by ref id. A missing id could not be resolved. */
export interface Resolutions {
  readonly gifs: ReadonlyMap<string, ResolvedGif>;
  readonly quotes: ReadonlyMap<string, ResolvedQuote>;
  readonly claims: ReadonlyMap<string, ResolvedClaim>;
}

export const NO_RESOLUTIONS: Resolutions = {
  gifs: new Map(),
  quotes: new Map(),
  claims: new Map(),
};

/**
 * The post ready for a target: a copy of its tree with every reference's resolution in place
 * (image URLs from `baseUrl`), and a credits section listing the episodes cited (canon order
 * from `episodeOrder`) and the GIF credit, when anything was cited.
 */
export function bindPost(
  post: ParsedPost,
  resolutions: Resolutions,
  options: { readonly baseUrl: string | null; readonly episodeOrder?: ReadonlyMap<string, number> },
): TargetInput {
  const cited: Citation[] = [];
  let gifs = 0;
  const gif = (id: string): ResolvedGif | null => {
    const g = resolutions.gifs.get(id);
    if (g === undefined) return null;
    cited.push(g.citation);
    gifs++;
    return { ...g, src: options.baseUrl === null ? g.file : joinUrl(options.baseUrl, g.file) };
  };
  const bind = (nodes: readonly RootContent[]): RootContent[] =>
    nodes.map((n): RootContent => {
      switch (n.type) {
        case 'receiptsGif':
          return { ...n, resolved: gif(n.ref.id) };
        case 'receiptsGifset':
          return { ...n, resolved: n.ref.gifs.map((g) => gif(g.id)) };
        case 'receiptsQuote': {
          const q = resolutions.quotes.get(n.ref.id) ?? null;
          if (q !== null) cited.push(q.citation);
          return { ...n, resolved: q };
        }
        case 'receiptsClaim':
          return { ...n, resolved: resolutions.claims.get(n.ref.id) ?? null };
        default:
          return 'children' in n ? ({ ...n, children: bind(n.children) } as RootContent) : n;
      }
    });
  const children = bind(post.tree.children);
  const credits: CreditsNode = {
    type: 'receiptsCredits',
    credits: creditsOf(
      cited,
      options.episodeOrder ?? new Map(),
      gifs > 0 ? gifCreditOf(post.settings) : null,
    ),
  };
  const tree: Root = {
    type: 'root',
    children: cited.length > 0 ? [...children, credits] : children,
  };
  return { file: post.file, tree, settings: post.settings, baseUrl: options.baseUrl };
}

/** The renderer of each target (each takes handler overrides of its own kind). */
export const RENDERERS: Record<ComposeTarget, (input: TargetInput) => TargetOutput> = {
  html: (i) => renderHtml(i),
  tumblr: (i) => renderNpf(i),
  ao3: (i) => renderAo3(i),
  markdown: (i) => renderMarkdown(i),
};
