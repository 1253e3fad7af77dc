import { wordsToNumbers } from './number-words.js';

/**
 * Tokens for matching what subtitles and transcripts say, not for display. Both sides go
 * through the same function, so a choice only has to be consistent, not linguistically
 * right: `I'd` becomes `i would` on both sides even where it meant `I had`.
 */

// SDH leftovers and markup: `[door slams]`, `(laughs)`, `<i>`, `{\an8}`, music notes.
const MARKUP = /<[^>]*>|\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|[♪♫#]/g;
const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u0060': "'",
  '\u00b4': "'",
};
const DASHES = /[\u2010-\u2015\u2212-]/g;

const WHOLE: Record<string, string> = {
  "can't": 'can not',
  cannot: 'can not',
  "won't": 'will not',
  "shan't": 'shall not',
  "ain't": 'is not',
  "let's": 'let us',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  hafta: 'have to',
  kinda: 'kind of',
  sorta: 'sort of',
  outta: 'out of',
  lotta: 'lot of',
  dunno: 'do not know',
  gimme: 'give me',
  lemme: 'let me',
  "y'all": 'you all',
  "'cause": 'because',
  cos: 'because',
  "'em": 'them',
  "'til": 'until',
  till: 'until',
  "o'clock": 'oclock',
  okay: 'ok',
  "ma'am": 'madam',
  doctor: 'dr',
  mister: 'mr',
  missus: 'mrs',
  alright: 'all right',
  everyday: 'every day',
  percent: '%',
};

// `'s` after these is `is`; after anything else it is a possessive (or `has`) and is dropped.
const S_IS = new Set(
  'it he she that what there here who where how when why this everything nothing something everyone somebody someone nobody'.split(
    ' ',
  ),
);

/** Hesitations that transcribers write and subtitlers drop (or the other way round). */
const FILLERS = new Set('uh uhh um umm er erm ah ahh eh hmm mm mmm hm huh oh ooh'.split(' '));

/**
 * Normalise a line of dialogue to matching tokens: lower case, accents and punctuation
 * removed, curly quotes straightened, SDH descriptions and markup dropped, contractions
 * expanded (`don't` -> `do not`, `I'm` -> `i am`, `gonna` -> `going to`), hyphenated words
 * and stutters split (`and-and` -> `and`), hesitations dropped, number words written as
 * digits (`twenty-five` -> `25`, `1,000` -> `1000`), OCR's `l` for `I` mended (`lt's`).
 */
export function normaliseTokens(text: string): string[] {
  let t = text.normalize('NFKD').replace(/\p{M}/gu, '');
  t = t.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, (q) => QUOTES[q] ?? "'");
  t = t.replace(MARKUP, ' ');
  // Subtitles made by OCR read a capital I as a small l: `l'm`, `lt's`, `lf`, `l`.
  t = t.replace(/\bl(?=(?:['\u2019](?:m|ll|ve|d)|[tfns]|t['\u2019]s)?\b)/g, 'I').toLowerCase();
  t = t.replace(/(\d),(?=\d{3}\b)/g, '$1');
  t = t.replace(DASHES, ' ');
  const raw = t.match(/[\p{L}\p{N}%]+(?:'[\p{L}]+)*|'(?:cause|em|til)\b/gu) ?? [];
  const words: string[] = [];
  for (const w of raw) expand(w, words);
  const numbered = wordsToNumbers(words);
  const out: string[] = [];
  for (const w of numbered) {
    if (FILLERS.has(w)) continue;
    // Stutters and repetitions (`I-I`, `and-and`) are one word to a subtitler.
    if (out.length > 0 && out[out.length - 1] === w) continue;
    out.push(w);
  }
  return out;
}

function expand(word: string, out: string[]): void {
  const whole = WHOLE[word];
  if (whole !== undefined) {
    out.push(...whole.split(' '));
    return;
  }
  const m = /^([\p{L}\p{N}]+)'([\p{L}]+)$/u.exec(word);
  if (!m) {
    out.push(word.replace(/'/g, ''));
    return;
  }
  const [, stem = '', tail = ''] = m;
  switch (tail) {
    case 't':
      if (stem.endsWith('n')) {
        out.push(stem.slice(0, -1), 'not');
        return;
      }
      break;
    case 'm':
      out.push(stem, 'am');
      return;
    case 're':
      out.push(stem, 'are');
      return;
    case 've':
      out.push(stem, 'have');
      return;
    case 'll':
      out.push(stem, 'will');
      return;
    case 'd':
      out.push(stem, 'would');
      return;
    case 's':
      if (S_IS.has(stem)) out.push(stem, 'is');
      else out.push(stem);
      return;
  }
  out.push(stem + tail);
}

/** Normalised tokens joined by single spaces: a key for exact comparison of two texts. */
export function normalisedKey(text: string): string {
  return normaliseTokens(text).join(' ');
}
