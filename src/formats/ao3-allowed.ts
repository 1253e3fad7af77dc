import type { Element, Nodes, Root } from 'hast';

/**
 * What AO3 keeps of a work's HTML, as data. Source: the Archive of Our Own's sanitizer config
 * (otwcode/otwarchive, `config/initializers/gem-plugin_config/sanitizer_config.rb`, the
 * `Sanitize::Config::ARCHIVE` it applies through `lib/html_cleaner.rb`). Conservative where
 * versions differ: `figure` and `figcaption` appear only in some versions, so they are left
 * out here (the AO3 target converts them), and `class` (allowed only with work skins) too.
 * Attribute names are HTML's; AO3 adds rel="nofollow" to links itself.
 */
export const AO3_ELEMENTS: readonly string[] = `
  a abbr acronym address b big blockquote br caption center cite code col
  colgroup dd del dfn div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre
  q s samp small span strike strong sub sup table tbody td tfoot th thead tr tt u
  ul var
`
  .trim()
  .split(/\s+/);

/** Attributes per element; `*` applies to every element. */
export const AO3_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['align', 'title', 'dir'],
  a: ['href', 'name'],
  blockquote: ['cite'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  hr: ['align', 'width'],
  img: ['align', 'alt', 'border', 'height', 'src', 'width'],
  ol: ['start', 'type'],
  q: ['cite'],
  table: ['border', 'summary', 'width'],
  td: ['abbr', 'axis', 'colspan', 'height', 'rowspan', 'width'],
  th: ['abbr', 'axis', 'colspan', 'height', 'rowspan', 'scope', 'width'],
  ul: ['type'],
};

/** URL schemes per URL attribute (relative URLs are always allowed). */
export const AO3_PROTOCOLS: Readonly<Record<string, readonly string[]>> = {
  href: ['ftp', 'http', 'https', 'mailto'],
  cite: ['http', 'https'],
  src: ['http', 'https'],
};

/** AO3's longest chapter, in characters. */
export const AO3_MAX_CHAPTER_CHARS = 500_000;

/** hast property names of the HTML attributes above (`colspan` is `colSpan` in hast). */
const HAST_NAME: Readonly<Record<string, string>> = { colspan: 'colSpan', rowspan: 'rowSpan' };
export const hastName = (attribute: string): string => HAST_NAME[attribute] ?? attribute;

/** The hast property names allowed on an element. */
export function ao3AllowedProperties(tagName: string): Set<string> {
  return new Set(
    [...(AO3_ATTRIBUTES['*'] ?? []), ...(AO3_ATTRIBUTES[tagName] ?? [])].map(hastName),
  );
}

/** Something AO3 would strip: an element, or an attribute of one. */
export interface Ao3Problem {
  readonly element: string;
  readonly attribute: string | null;
  readonly node: Element;
}

/** Every element and attribute of `tree` that is not on AO3's lists (none, for our output). */
export function checkAo3(tree: Root | Element): Ao3Problem[] {
  const problems: Ao3Problem[] = [];
  const allowed = new Set(AO3_ELEMENTS);
  const walk = (n: Nodes): void => {
    if (n.type === 'element') {
      if (!allowed.has(n.tagName)) problems.push({ element: n.tagName, attribute: null, node: n });
      const props = ao3AllowedProperties(n.tagName);
      for (const [k, v] of Object.entries(n.properties)) {
        if (v === undefined || v === null || v === false) continue;
        if (!props.has(k)) problems.push({ element: n.tagName, attribute: k, node: n });
      }
    }
    if (n.type === 'comment' || n.type === 'doctype') {
      problems.push({ element: `#${n.type}`, attribute: null, node: n as unknown as Element });
    }
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return problems;
}
