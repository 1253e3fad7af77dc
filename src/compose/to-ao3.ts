import type { Element, ElementContent, Nodes, Root as HastRoot } from 'hast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Finding, Place } from '../domain/errors.js';
import {
  AO3_ATTRIBUTES,
  AO3_ELEMENTS,
  AO3_MAX_CHAPTER_CHARS,
  AO3_PROTOCOLS,
  ao3AllowedProperties,
  checkAo3,
  hastName,
} from '../formats/ao3-allowed.js';
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
import { isAbsoluteHttp } from './safe-url.js';
import type { TargetInput, TargetOutput } from './target.js';
import { postHast, rowsOf, type HastHandlers } from './to-html.js';

/**
 * The AO3 target's handlers for receipts nodes: only elements AO3 keeps (a GIF is a paragraph
 * with the image, a line break and its caption; a claim a blockquote).
 */
export const AO3_HANDLERS: HastHandlers = {
  receiptsGif: (_s, node: GifNode) =>
    node.resolved === null
      ? undefined
      : el('p', { align: 'center' }, [
          imgOf(node.resolved),
          el('br'),
          ...gifCaption(node.resolved),
        ]),
  receiptsGifset: (_s, node: GifsetNode) => {
    const gifs = (node.resolved ?? []).filter((g): g is ResolvedGif => g !== null);
    if (gifs.length === 0) return undefined;
    const rows = rowsOf(gifs, node.ref.perRow).flatMap((row) => [...row.map(imgOf), el('br')]);
    return el('p', { align: 'center' }, [...rows, ...gifsetCaption(gifs)]);
  },
  receiptsQuote: (_s, node: QuoteNode) => quoteContent(node.ref.text, node.resolved),
  receiptsClaim: (_s, node: ClaimNode) =>
    el('blockquote', {}, claimContent(node.ref.text, node.resolved)),
  receiptsCredits: (_s, node: CreditsNode) => el('div', {}, creditsContent(node.credits, 'h3')),
  receiptsMore: () => undefined,
};

/** Converts an element AO3 does not keep into ones it does: one handler per element. */
export type Ao3ElementHandler = (node: Element) => ElementContent[];

const rename =
  (tagName: string): Ao3ElementHandler =>
  (n) => [{ ...n, tagName }];

/** Elements the Markdown pipeline may make that AO3 strips, and what each becomes. */
export const AO3_ELEMENT_HANDLERS: Readonly<Record<string, Ao3ElementHandler>> = {
  figure: rename('div'),
  figcaption: rename('p'),
  section: rename('div'),
  aside: rename('blockquote'),
  // GFM task list checkboxes: the state as text.
  input: (n) => [{ type: 'text', value: n.properties.checked === true ? '[x]' : '[ ]' }],
};

/** The AO3 lists as a rehype-sanitize schema: the last guard before output. */
export const AO3_SCHEMA: SanitizeSchema = {
  tagNames: [...AO3_ELEMENTS],
  attributes: Object.fromEntries(
    Object.entries(AO3_ATTRIBUTES).map(([k, v]) => [k, v.map(hastName)]),
  ),
  protocols: Object.fromEntries(Object.entries(AO3_PROTOCOLS).map(([k, v]) => [k, [...v]])),
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * AO3-safe HTML to paste into a work: every element and attribute on AO3's list (converted
 * where the pipeline made something else, reported where it had to be dropped), images by URL
 * from --base-url (AO3 hosts no media).
 */
export function renderAo3(
  input: TargetInput,
  options: {
    readonly handlers?: HastHandlers;
    readonly elements?: Readonly<Record<string, Ao3ElementHandler>>;
  } = {},
): TargetOutput {
  const findings: Finding[] = [];
  const place = (n: Nodes): Place => ({
    file: input.file,
    ...(n.position === undefined
      ? {}
      : { line: n.position.start.line, column: n.position.start.column }),
  });
  const tree = postHast(
    input.tree,
    { ...AO3_HANDLERS, ...options.handlers },
    {
      ...AO3_SCHEMA,
      // Let the converters see what the pipeline made; the AO3 schema runs after them.
      tagNames: [...AO3_ELEMENTS, ...Object.keys({ ...AO3_ELEMENT_HANDLERS, ...options.elements })],
      attributes: { ...AO3_SCHEMA.attributes, input: ['checked', 'type'] },
    },
  );
  const handlers = { ...AO3_ELEMENT_HANDLERS, ...options.elements };
  const allowed = new Set(AO3_ELEMENTS);
  const conform = (nodes: readonly ElementContent[]): ElementContent[] =>
    nodes.flatMap((n): ElementContent[] => {
      if (n.type !== 'element') return [n];
      let out: ElementContent[] = [n];
      if (!allowed.has(n.tagName)) {
        const h = handlers[n.tagName];
        if (h === undefined) {
          findings.push({
            severity: 'warning',
            ruleId: 'ao3-element',
            reason: `AO3 does not allow <${n.tagName}>; its content was kept without it`,
            place: place(n),
          });
          out = n.children;
        } else out = h(n);
      }
      return out.map((o) => {
        if (o.type !== 'element') return o;
        const props = ao3AllowedProperties(o.tagName);
        const kept = Object.fromEntries(Object.entries(o.properties).filter(([k]) => props.has(k)));
        return { ...o, properties: kept, children: conform(o.children) };
      });
    });
  const conformed: HastRoot = {
    type: 'root',
    children: conform(tree.children as ElementContent[]),
  };
  const body = unified().use(rehypeSanitize, AO3_SCHEMA).runSync(conformed);
  for (const p of checkAo3(body)) {
    findings.push({
      severity: 'error',
      ruleId: 'ao3-not-allowed',
      reason: `AO3 would strip ${p.attribute === null ? `<${p.element}>` : `${p.attribute} on <${p.element}>`}`,
      place: place(p.node),
    });
  }
  const html = `${unified().use(rehypeStringify).stringify(body)}\n`;
  if (input.baseUrl === null && hasRelativeImages(body)) {
    findings.push({
      severity: 'error',
      ruleId: 'ao3-image-url',
      reason: 'AO3 hosts no images: give --base-url where the GIFs will be online',
      place: { file: input.file },
    });
  }
  if ([...html].length > AO3_MAX_CHAPTER_CHARS) {
    findings.push({
      severity: 'error',
      ruleId: 'ao3-too-long',
      reason: `AO3 chapters hold at most ${AO3_MAX_CHAPTER_CHARS} characters; this is ${[...html].length}: split it`,
      place: { file: input.file },
    });
  }
  return { text: html, suffix: '.ao3.html', findings };
}

function hasRelativeImages(n: HastRoot | ElementContent): boolean {
  if (n.type === 'element' && n.tagName === 'img') {
    return !isAbsoluteHttp(String(n.properties.src ?? ''));
  }
  return 'children' in n && n.children.some((c) => hasRelativeImages(c as ElementContent));
}
