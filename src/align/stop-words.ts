/**
 * The most frequent English words (after `normaliseTokens`, so contractions are expanded).
 * They carry little evidence of which line a cue says, and their share of a text tells
 * English from other languages.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about after again all am an and any are as at be because been before being but by can
  could did do does doing down for from get go going got had has have having he her here him
  his how i if in into is it its just know like me more my no not now of off oh ok on one only
  or our out over really right say see she so some that the their them then there these they
  this those to too up us very was we well were what when where which who why will with would
  yeah yes you your`.split(/\s+/),
);

/** Share (0..1) of `tokens` that are English stop words; 0 for no tokens. */
export function stopWordShare(tokens: readonly string[]): number {
  if (tokens.length === 0) return 0;
  let n = 0;
  for (const t of tokens) if (STOP_WORDS.has(t)) n++;
  return n / tokens.length;
}
