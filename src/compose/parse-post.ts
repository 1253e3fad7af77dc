import type { Nodes, Parents, Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Finding, Place } from '../domain/errors.js';
import { readAttributes } from './directives.js';
import { DEFAULT_SETTINGS, readFrontMatter, type PostSettings } from './front-matter.js';
import type { GifRef, PostRef } from './post-nodes.js';
import { isSafeUrl } from './safe-url.js';

/** A post read and checked: its tree (directives replaced by receipts nodes) and settings. */
export interface ParsedPost {
  readonly file: string;
  readonly source: string;
  readonly tree: Root;
  readonly settings: PostSettings;
  /** Every reference to the canon, in the order of the post (a gifset holds its GIFs). */
  readonly refs: readonly PostRef[];
  readonly findings: readonly Finding[];
}

// remark-directive reads `\"` in a quoted attribute as the end of the value. A post writes
// `text="never Ianto says \"I love you\" to Jack"`, so inside directive braces `\"` becomes two
// private-use characters (same length: every line and column stays right) and is turned back
// into `"` in attribute values, and into `\"` anywhere else it ends up.
const ESCAPED_QUOTE = '\uE000\uE001';
const DIRECTIVE_BRACES = /(:{1,3}[A-Za-z][\w-]*(?:\[[^\]\n]*\])?)\{([^}\n]*)\}/g;

function protectQuotes(source: string): string {
  return source.replace(
    DIRECTIVE_BRACES,
    (_m, head: string, attrs: string) => `${head}{${attrs.replaceAll('\\"', ESCAPED_QUOTE)}}`,
  );
}
const unprotect = (s: string, as: string) => s.replaceAll(ESCAPED_QUOTE, as);

const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter)
  .use(remarkDirective);

const MORE = /^<!--\s*more\s*-->$/i;

/**
 * Parse a post: CommonMark + GFM + YAML front matter + directives. Directives become receipts
 * nodes (validated with zod), `<!-- more -->` a read-more node; raw HTML is dropped and links
 * or images with unsafe URLs (`javascript:`) are defused. Every problem is a finding with the
 * line and column it is at. Pure: nothing is looked up here.
 */
export function parsePost(source: string, file: string): ParsedPost {
  const protectedSource = protectQuotes(source);
  const tree = parser.parse(protectedSource);
  const findings: Finding[] = [];
  const refs: PostRef[] = [];
  const counters = { gif: 0, gifset: 0, quote: 0, claim: 0 };
  const nextId = (k: keyof typeof counters) => `${k}-${++counters[k]}`;
  const place = (n: Nodes): Place => ({
    file,
    ...(n.position === undefined
      ? {}
      : { line: n.position.start.line, column: n.position.start.column }),
  });
  let settings = DEFAULT_SETTINGS;

  const gifOf = (n: Nodes & { attributes?: Record<string, string | null | undefined> | null }) => {
    const a = readAttributes('gif', unprotectAttrs(n.attributes), place(n), findings);
    if (a === null) return null;
    const ref: GifRef = { kind: 'gif', id: nextId('gif'), ...a, place: place(n) };
    return ref;
  };

  const labelOrText = (n: Nodes, attr: string | undefined): string | undefined => {
    if (attr !== undefined) return attr;
    const label = 'children' in n ? textOf(n.children as Nodes[]).trim() : '';
    return label === '' ? undefined : label;
  };

  /** Replace one node by what it becomes (nothing, itself, or other nodes). */
  const convert = (n: RootContent, parent: Parents): RootContent[] => {
    switch (n.type) {
      case 'yaml': {
        const r = readFrontMatter(n.value, file, (n.position?.start.line ?? 1) + 1);
        settings = r.settings;
        findings.push(...r.findings);
        return [];
      }
      case 'html': {
        if (MORE.test(n.value.trim()) && parent.type === 'root') {
          return [{ type: 'receiptsMore', position: n.position }];
        }
        if (!n.value.trim().startsWith('<!--')) {
          findings.push({
            severity: 'warning',
            ruleId: 'raw-html',
            reason: 'raw HTML is not published (write Markdown instead); it was left out',
            place: place(n),
          });
        }
        return [];
      }
      case 'link':
      case 'linkReference': {
        if (n.type === 'link' && !isSafeUrl(n.url)) {
          unsafe(n);
          return n.children.flatMap((c) => convert(c, n));
        }
        break;
      }
      case 'image': {
        if (!isSafeUrl(n.url, new Set(['http', 'https']))) {
          unsafe(n);
          return n.alt ? [{ type: 'text', value: n.alt }] : [];
        }
        return [n];
      }
      case 'definition': {
        if (!isSafeUrl(n.url)) {
          unsafe(n);
          n.url = '#';
        }
        return [n];
      }
      case 'textDirective': {
        if (n.name === 'quote') {
          const a = readAttributes('quote', unprotectAttrs(n.attributes), place(n), findings);
          const text = a === null ? undefined : labelOrText(n, a.text);
          if (a === null) return [];
          if (text === undefined) {
            missingText(n, 'quote');
            return [];
          }
          const ref = {
            kind: 'quote' as const,
            id: nextId('quote'),
            text,
            hit: a.hit ?? 1,
            ...(a.episode === undefined ? {} : { episode: a.episode }),
            place: place(n),
          };
          refs.push(ref);
          return [{ type: 'receiptsQuote', ref, resolved: null, position: n.position }];
        }
        // Not ours (`Note:this`, `10:30`): the text as it was written.
        const start = n.position?.start.offset;
        const end = n.position?.end.offset;
        const value =
          start === undefined || end === undefined
            ? `:${n.name}`
            : unprotect(protectedSource.slice(start, end), '\\"');
        return [{ type: 'text', value, position: n.position }];
      }
      case 'leafDirective': {
        if (n.name === 'gif') {
          const ref = gifOf(n);
          if (ref === null) return [];
          refs.push(ref);
          return [{ type: 'receiptsGif', ref, resolved: null, position: n.position }];
        }
        if (n.name === 'claim') {
          const a = readAttributes('claim', unprotectAttrs(n.attributes), place(n), findings);
          if (a === null) return [];
          const text = labelOrText(n, a.text);
          if (text === undefined) {
            missingText(n, 'claim');
            return [];
          }
          const ref = { kind: 'claim' as const, id: nextId('claim'), text, place: place(n) };
          refs.push(ref);
          return [{ type: 'receiptsClaim', ref, resolved: null, position: n.position }];
        }
        unknown(n, '::');
        return [];
      }
      case 'containerDirective': {
        if (n.name !== 'gifset') {
          unknown(n, ':::');
          return [];
        }
        const a = readAttributes('gifset', unprotectAttrs(n.attributes), place(n), findings);
        const gifs: GifRef[] = [];
        for (const c of n.children) {
          if (c.type === 'paragraph' && c.data?.directiveLabel === true) continue;
          if (c.type === 'leafDirective' && c.name === 'gif') {
            const g = gifOf(c);
            if (g !== null) gifs.push(g);
            continue;
          }
          findings.push({
            severity: 'warning',
            ruleId: 'gifset-content',
            reason: 'a gifset holds only ::gif lines; this was left out',
            place: place(c),
          });
        }
        if (a === null) return [];
        if (gifs.length < 2) {
          findings.push({
            severity: 'error',
            ruleId: 'gifset-size',
            reason: `a gifset needs at least two valid ::gif lines (it has ${gifs.length})`,
            place: place(n),
          });
          return [];
        }
        const ref = {
          kind: 'gifset' as const,
          id: nextId('gifset'),
          gifs,
          perRow: a['per-row'],
          place: place(n),
        };
        refs.push(ref);
        return [{ type: 'receiptsGifset', ref, resolved: null, position: n.position }];
      }
      case 'text':
      case 'inlineCode':
      case 'code':
        n.value = unprotect(n.value, '\\"');
        return [n];
      default:
        break;
    }
    if ('children' in n) walk(n);
    return [n];
  };

  const walk = (parent: Parents): void => {
    const next = parent.children.flatMap((c) => convert(c, parent));
    (parent as { children: RootContent[] }).children = mergeText(next);
  };

  const unsafe = (n: Nodes) =>
    findings.push({
      severity: 'error',
      ruleId: 'unsafe-url',
      reason: 'this URL is not http(s), mailto or relative (e.g. javascript:); it was removed',
      place: place(n),
    });
  const unknown = (n: Nodes & { name: string }, colons: string) =>
    findings.push({
      severity: 'error',
      ruleId: 'unknown-directive',
      reason: `${colons}${n.name} is not a directive Receipts knows (gif, gifset, quote, claim); it was left out`,
      place: place(n),
    });
  const missingText = (n: Nodes, name: string) =>
    findings.push({
      severity: 'error',
      ruleId: 'directive-attributes',
      reason: `${name === 'quote' ? ':' : '::'}${name} needs text="..." (or the text in [brackets])`,
      place: place(n),
    });

  walk(tree);
  return { file, source, tree, settings, refs, findings };
}

function unprotectAttrs(
  a: Record<string, string | null | undefined> | null | undefined,
): Record<string, string | null | undefined> {
  return Object.fromEntries(
    Object.entries(a ?? {}).map(([k, v]) => [k, typeof v === 'string' ? unprotect(v, '"') : v]),
  );
}

/** Plain text of phrasing nodes (a directive's label). */
function textOf(nodes: readonly Nodes[]): string {
  return nodes
    .map((n) =>
      'value' in n && typeof n.value === 'string'
        ? unprotect(n.value, '"')
        : 'children' in n
          ? textOf(n.children as Nodes[])
          : '',
    )
    .join('');
}

/** Adjacent text nodes joined (restored directives sit between two). */
function mergeText(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = {
        type: 'text',
        value: last.value + n.value,
        ...(last.position === undefined || n.position === undefined
          ? {}
          : { position: { start: last.position.start, end: n.position.end } }),
      };
    } else out.push(n);
  }
  return out;
}
