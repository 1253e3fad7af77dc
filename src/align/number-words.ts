import { ORDINALS } from '../domain/ordinals.js';

const SMALL = new Map<string, number>(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ].map((w, i) => [w, i]),
);
const TENS = new Map<string, number>(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [
    w,
    (i + 2) * 10,
  ]),
);
const SCALES = new Map<string, number>([
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
]);
const isNumberWord = (w: string | undefined): boolean =>
  w !== undefined && (SMALL.has(w) || TENS.has(w) || w === 'hundred' || SCALES.has(w));

/**
 * Replace runs of English number words by their value in digits: `twenty five` -> `25`,
 * `two hundred and six` -> `206`, `one two` -> `1 2` (a unit after a unit starts a new
 * number), `fifth` -> `5th`. Other words pass through unchanged.
 */
export function wordsToNumbers(words: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const ordinal = ORDINALS.get(w);
    if (ordinal !== undefined) {
      out.push(ordinal);
      i++;
      continue;
    }
    if (!isNumberWord(w)) {
      out.push(w);
      i++;
      continue;
    }
    const { value, next } = readNumber(words, i);
    out.push(String(value));
    i = next;
  }
  return out;
}

/** One number starting at `start`; `next` is the index after its last word. */
function readNumber(words: readonly string[], start: number): { value: number; next: number } {
  let total = 0;
  let current = 0;
  // What the previous word was, to know where one number ends and the next begins.
  let last: 'none' | 'small' | 'tens' | 'hundred' | 'scale' = 'none';
  let i = start;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const small = SMALL.get(w);
    const tens = TENS.get(w);
    const scale = SCALES.get(w);
    if (small !== undefined) {
      if (last === 'small' || (last === 'tens' && small >= 10) || (last === 'tens' && small === 0))
        break;
      current += small;
      last = 'small';
    } else if (tens !== undefined) {
      if (last === 'small' || last === 'tens') break;
      current += tens;
      last = 'tens';
    } else if (w === 'hundred') {
      if (last === 'hundred' || current >= 100) break;
      current = (current === 0 ? 1 : current) * 100;
      last = 'hundred';
    } else if (scale !== undefined) {
      if (last === 'scale') break;
      total += (current === 0 ? 1 : current) * scale;
      current = 0;
      last = 'scale';
    } else if (
      w === 'and' &&
      (last === 'hundred' || last === 'scale') &&
      (SMALL.has(words[i + 1] ?? '') || TENS.has(words[i + 1] ?? ''))
    ) {
      continue;
    } else {
      break;
    }
  }
  return { value: total + current, next: i };
}
