/**
 * Tumblr's Neue Post Format (the parts a composed post uses) and its rules, pure. Source:
 * tumblr/docs `npf-spec.md` (content blocks, inline formatting indexed in Unicode code points,
 * the `rows` layout and its `truncate_after`), plus Tumblr's posting limits.
 */

export type NpfFormatType = 'bold' | 'italic' | 'strikethrough' | 'small' | 'link';

export interface NpfFormatting {
  /** Code point offsets into the block's text, start inclusive, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly type: NpfFormatType;
  readonly url?: string;
}

export type NpfTextSubtype =
  | 'heading1'
  | 'heading2'
  | 'quote'
  | 'indented'
  | 'chat'
  | 'ordered-list-item'
  | 'unordered-list-item';

export interface NpfTextBlock {
  readonly type: 'text';
  readonly text: string;
  readonly subtype?: NpfTextSubtype;
  readonly indent_level?: number;
  readonly formatting?: readonly NpfFormatting[];
}

/** A media object: `url` once online, or `identifier` naming a file of a multipart upload. */
export interface NpfMedia {
  readonly type: string;
  readonly url?: string;
  readonly identifier?: string;
  readonly width: number;
  readonly height: number;
}

export interface NpfAttribution {
  readonly type: 'app';
  readonly url: string;
  readonly app_name?: string;
  readonly display_text?: string;
}

export interface NpfImageBlock {
  readonly type: 'image';
  readonly media: readonly NpfMedia[];
  readonly alt_text?: string;
  readonly caption?: string;
  readonly attribution?: NpfAttribution;
}

export type NpfBlock = NpfTextBlock | NpfImageBlock;

export interface NpfRowsLayout {
  readonly type: 'rows';
  readonly display: readonly { readonly blocks: readonly number[] }[];
  /** Index of the last block above the read-more; -1 puts everything below it. */
  readonly truncate_after?: number;
}

/** What `POST /v2/blog/{blog}/posts` takes (with `state` and the files added by the poster). */
export interface NpfPost {
  readonly content: readonly NpfBlock[];
  readonly layout: readonly NpfRowsLayout[];
  /** Comma-separated, as the API takes them. */
  readonly tags?: string;
}

export const NPF_LIMITS = {
  /** Characters (code points) in one text block. */
  textChars: 4096,
  altChars: 4096,
  captionChars: 4096,
  /** Images in one post. */
  images: 30,
} as const;

/** Length in code points, as NPF counts. */
export const codePoints = (s: string): number => [...s].length;

/** A broken rule: which block (null for the whole post) and what. */
export interface NpfProblem {
  readonly block: number | null;
  readonly rule: string;
  readonly message: string;
}

/**
 * Check a post against NPF's rules: text and alt text within limits, formatting inside the
 * text, at most 30 images, a rows layout that references every block exactly once with only
 * images in rows of several, and a `truncate_after` that is a valid index not splitting a row.
 */
export function checkNpf(post: NpfPost): NpfProblem[] {
  const problems: NpfProblem[] = [];
  const add = (block: number | null, rule: string, message: string) =>
    problems.push({ block, rule, message });
  post.content.forEach((b, i) => {
    if (b.type === 'text') {
      const n = codePoints(b.text);
      if (n > NPF_LIMITS.textChars)
        add(
          i,
          'npf-text-length',
          `a text block holds at most ${NPF_LIMITS.textChars} characters; this one has ${n}`,
        );
      for (const f of b.formatting ?? []) {
        if (f.start < 0 || f.end > n || f.start >= f.end)
          add(i, 'npf-formatting', `a ${f.type} range (${f.start}-${f.end}) lies outside the text`);
      }
    } else {
      if (b.media.length === 0) add(i, 'npf-image', 'an image block has no media');
      for (const m of b.media) {
        if (m.url === undefined && m.identifier === undefined)
          add(i, 'npf-image', 'an image has neither url nor identifier');
      }
      if (b.alt_text !== undefined && codePoints(b.alt_text) > NPF_LIMITS.altChars)
        add(i, 'npf-alt-length', `alt text holds at most ${NPF_LIMITS.altChars} characters`);
      if (b.caption !== undefined && codePoints(b.caption) > NPF_LIMITS.captionChars)
        add(
          i,
          'npf-caption-length',
          `a caption holds at most ${NPF_LIMITS.captionChars} characters`,
        );
    }
  });
  const images = post.content.filter((b) => b.type === 'image').length;
  if (images > NPF_LIMITS.images)
    add(
      null,
      'npf-too-many-images',
      `Tumblr takes at most ${NPF_LIMITS.images} images in a post; this has ${images}`,
    );
  const rows = post.layout.filter((l) => l.type === 'rows');
  if (rows.length > 1) add(null, 'npf-layout', 'a post has at most one rows layout');
  const layout = rows[0];
  if (layout === undefined) return problems;
  const seen = new Map<number, number>();
  const rowOf: number[] = [];
  layout.display.forEach((row, r) => {
    for (const i of row.blocks) {
      seen.set(i, (seen.get(i) ?? 0) + 1);
      rowOf[i] = r;
      if (i < 0 || i >= post.content.length)
        add(null, 'npf-layout', `the layout names block ${i}, which does not exist`);
    }
    if (row.blocks.length > 1 && row.blocks.some((i) => post.content[i]?.type !== 'image'))
      add(row.blocks[0] ?? null, 'npf-layout', 'a row of several blocks may hold only images');
  });
  post.content.forEach((_b, i) => {
    const n = seen.get(i) ?? 0;
    if (n !== 1)
      add(i, 'npf-layout', `the rows layout references block ${i} ${n} times (must be once)`);
  });
  const t = layout.truncate_after;
  if (t !== undefined) {
    const last = post.content.length - 1;
    if (t < -1 || t >= last) {
      add(
        null,
        'npf-read-more',
        `truncate_after ${t} must be from -1 to ${last - 1}: something must follow the read-more`,
      );
    } else if (t >= 0 && rowOf[t] !== undefined && rowOf[t] === rowOf[t + 1]) {
      add(t, 'npf-read-more', 'the read-more cannot split a row of images');
    }
  }
  return problems;
}
