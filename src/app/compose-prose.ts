import type { Nodes, Root } from 'mdast';
import type { CanonStore } from '../store/canon-store.js';
import { checkDraftText, type DraftCheck } from './check-draft.js';

const RECEIPTS = new Set(['receiptsGif', 'receiptsGifset', 'receiptsQuote', 'receiptsClaim']);

/**
 * The post's prose for the draft checker: the source with every directive blanked to spaces
 * (newlines kept), so a claim inside `::claim{...}` or a quote's text is not read twice and
 * every finding's line and column still point into the post.
 */
export function proseForCheck(source: string, tree: Root): string {
  const chars = source.split('');
  const blank = (n: Nodes): void => {
    if (RECEIPTS.has(n.type)) {
      const from = n.position?.start.offset;
      const to = n.position?.end.offset;
      if (from !== undefined && to !== undefined) {
        for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
      }
      return;
    }
    if ('children' in n) for (const c of n.children) blank(c);
  };
  blank(tree);
  return chars.join('');
}

/** Run the draft checker (`receipts check`) on a post's prose; places name the post. */
export async function checkPostProse(
  store: CanonStore,
  prose: string,
  shownAs: string,
  options: { readonly series?: string; readonly includeSuggested?: boolean },
): Promise<DraftCheck> {
  return checkDraftText(store, prose, { ...options, shownAs });
}
