import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ReceiptsError } from '../domain/errors.js';

/** Bytes of a text file in any common encoding -> one JS string with `\n` line endings. */
export interface DecodedText {
  readonly text: string;
  /** Name as iconv-lite knows it: `UTF-8`, `UTF-16LE`, `windows-1252`... */
  readonly encoding: string;
  readonly bom: boolean;
}

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  // UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'UTF-32LE' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'UTF-32BE' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode a text file: BOM first, then strict UTF-8, then chardet's best guess that
 * iconv-lite can decode (Latin-1 guesses read as windows-1252, its printable superset).
 * Line endings CRLF, CR, NEL, LS and PS all become `\n`.
 * Throws FILE_EMPTY, FILE_BINARY or ENCODING_UNDETECTED naming the file.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new ReceiptsError('FILE_EMPTY', 'the file is empty', { file });
  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
  let text: string;
  let encoding: string;
  let binaryChecked = false;
  if (bom) {
    encoding = bom.encoding;
    text = iconv.decode(
      Buffer.from(
        bytes.buffer,
        bytes.byteOffset + bom.bytes.length,
        bytes.length - bom.bytes.length,
      ),
      encoding,
      {
        stripBOM: false,
      },
    );
  } else {
    const asUtf8 = tryUtf8(bytes);
    if (asUtf8 !== null && !looksBinary(asUtf8)) {
      encoding = 'UTF-8';
      text = asUtf8;
      binaryChecked = true;
    } else {
      encoding = guessEncoding(bytes, file);
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
      // Byte 0x85 is NEL in Latin-1 but an ellipsis in windows-1252; real files use it as the
      // ellipsis unless the file has no other line breaks at all.
      if (encoding === 'windows-1252' && !/[\r\n]/.test(text) && text.includes('\u2026')) {
        text = text.replace(/\u2026/g, '\n');
      }
    }
  }
  if (!binaryChecked && looksBinary(text)) {
    throw new ReceiptsError('FILE_BINARY', 'this is a binary file, not text', { file });
  }
  text = normaliseLineEndings(text);
  if (text.trim() === '')
    throw new ReceiptsError('FILE_EMPTY', 'the file holds only blank space', { file });
  return { text, encoding, bom: bom !== undefined };
}

/** CRLF, CR, NEL (U+0085), LS (U+2028), PS (U+2029) -> LF. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n|[\r\u0085\u2028\u2029]/g, '\n');
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Text with NULs or many C0 control characters is binary (or a BOM-less UTF-16 we will not guess at). */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  // Most files hold no control character at all: one native scan settles them.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (!/[\x00-\x08\x0b\x0e-\x1f\ufffd]/.test(sample)) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
    else if (c === 0xfffd) control++;
  }
  return control > 8 && control / sample.length > 0.01;
}

function guessEncoding(bytes: Uint8Array, file: string): string {
  // A BOM-less UTF-16 file: every other byte NUL in the ASCII range.
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return utf16;
  if (bytes.includes(0))
    throw new ReceiptsError('FILE_BINARY', 'this is a binary file, not text', { file });
  for (const { name, confidence } of chardet.analyse(nonAsciiSample(bytes))) {
    if (confidence < 10) break;
    const enc = name === 'ISO-8859-1' ? 'windows-1252' : name;
    if (enc.startsWith('UTF-')) continue; // strict UTF-8 already failed; UTF-16/32 need a BOM
    if (iconv.encodingExists(enc)) return enc;
  }
  throw new ReceiptsError(
    'ENCODING_UNDETECTED',
    'could not tell the text encoding; save it as UTF-8 and try again',
    { file },
  );
}

/**
 * chardet costs about 20 ms per 64 KB, and in subtitles and transcripts most of the ASCII
 * bulk says nothing about the encoding: give it the first 2 KB (so its language models see
 * ordinary text) plus the neighbourhoods of non-ASCII bytes, at most 8 KB in all.
 */
export function nonAsciiSample(bytes: Uint8Array, radius = 48, max = 8192): Uint8Array {
  const head = Math.min(bytes.length, 2048);
  const out = new Uint8Array(Math.min(bytes.length, max));
  out.set(bytes.subarray(0, head));
  let n = head;
  let coveredTo = head;
  for (let i = head; i < bytes.length && n < out.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const from = Math.max(i - radius, coveredTo);
    const to = Math.min(i + radius, bytes.length);
    if (from > coveredTo) out[n++] = 0x0a;
    for (let j = from; j < to && n < out.length; j++) out[n++] = bytes[j]!;
    coveredTo = to;
    i = to - 1;
  }
  return out.subarray(0, n);
}

function bomlessUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return null;
}
