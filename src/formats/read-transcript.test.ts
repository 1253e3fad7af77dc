import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import { detectTranscriptDialect, rankTranscriptDialects } from './detect-transcript-dialect.js';
import { readTranscript } from './read-transcript.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const TEXT = '**Pilot**\n\n**[Bridge]**\n\nCAPTAIN: Engage.  \nHELM: Aye.  \n';
const HTML =
  '<html><body><table><tr><td><b>[Bridge]</b><br>CAPTAIN: Engage.<br>HELM: Aye.</td></tr></table></body></html>';
const CSV =
  'Episode,Season,Title,Location,Speaker,Context,Text\n1,1,Pilot,bridge,Captain,,Engage.\n';
const FRASIER =
  '[1.1]Pilot\nTranscript {fan}\n\nAct One\n\n  Ann: Hello there, I am\n       still talking.\n  Bob: Hi.\n';

function thrown(f: () => unknown): ReceiptsError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
    throw e;
  }
  throw new Error('expected a ReceiptsError');
}

describe('detectTranscriptDialect', () => {
  it('tells each dialect from its content, whatever the extension', () => {
    expect(detectTranscriptDialect(TEXT, 'a.bin')).toBe('chakoteya-text');
    expect(detectTranscriptDialect(HTML, 'a.txt')).toBe('chakoteya-html');
    expect(detectTranscriptDialect(CSV, 'a.txt')).toBe('csv');
    expect(detectTranscriptDialect(FRASIER, 'a.htm')).toBe('frasier');
  });

  it('lets an HTML page win over the speaker labels inside it', () => {
    const page = `<!DOCTYPE html>\n${'ANNA: Hi. <br>\n'.repeat(50)}`;
    expect(rankTranscriptDialects(page)[0]).toBe('chakoteya-html');
  });

  it('finds nothing in prose, but still offers the dialect an extension names', () => {
    expect(detectTranscriptDialect('It was a dark and stormy night.', 'story.txt')).toBeNull();
    expect(rankTranscriptDialects('a,b\n1,2', 'table.csv')).toEqual(['csv']);
  });
});

describe('readTranscript', () => {
  it('reads each dialect into parts and says which encoding it decoded', () => {
    const text = readTranscript(enc(TEXT), 'pilot.txt');
    expect(text.encoding).toBe('UTF-8');
    expect(text.parts).toHaveLength(1);
    expect(text.parts[0]).toMatchObject({ key: null, title: 'Pilot' });
    expect(readTranscript(enc(HTML), 'p.htm').parts[0]!.transcript.dialect).toBe('chakoteya-html');
    expect(readTranscript(enc(CSV), 'p.csv').parts[0]).toMatchObject({
      key: '1',
      season: 1,
      number: 1,
    });
    expect(readTranscript(enc(FRASIER), '0101.txt').parts[0]).toMatchObject({
      season: 1,
      number: 1,
    });
  });

  it('decodes a Latin-1 page before reading it', () => {
    const page =
      '<html><body><table><tr><td>CAF\xc9 OWNER: Voil\xe0.<br></td></tr></table></body></html>';
    const bytes = Uint8Array.from(page, (c) => c.charCodeAt(0));
    const r = readTranscript(bytes, 'cafe.htm');
    // chardet names some single-byte Latin encoding; these two letters are the same in all.
    expect(r.encoding).not.toBe('UTF-8');
    expect(r.parts[0]!.transcript.lines[0]).toMatchObject({
      speaker: 'CAF\u00c9 OWNER',
      text: 'Voil\u00e0.',
    });
  });

  it('reads as the dialect it is told, even against the content', () => {
    const r = readTranscript(enc(FRASIER), 'x.txt', { dialect: 'frasier' });
    expect(r.parts[0]!.transcript.dialect).toBe('frasier');
    const e = thrown(() => readTranscript(enc(FRASIER), 'x.txt', { dialect: 'chakoteya-text' }));
    expect(e.code).toBe('TRANSCRIPT_MALFORMED');
  });

  it('refuses a PNG renamed .txt as binary, naming the file', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const e = thrown(() => readTranscript(png, 'picture.txt'));
    expect(e.code).toBe('FILE_BINARY');
    expect(e.place.file).toBe('picture.txt');
  });

  it('refuses prose with no speaker lines as malformed, naming the file', () => {
    const e = thrown(() => readTranscript(enc('Once upon a time.\nThe end.\n'), 'story.txt'));
    expect(e.code).toBe('TRANSCRIPT_MALFORMED');
    expect(e.place).toEqual({ file: 'story.txt' });
    expect(e.message).toMatch(/no speaker lines/);
  });

  it('refuses an empty file', () => {
    expect(thrown(() => readTranscript(new Uint8Array(), 'e.txt')).code).toBe('FILE_EMPTY');
  });

  it('names line 1 for a CSV without the transcript columns', () => {
    const e = thrown(() => readTranscript(enc('a,b\n1,2\n'), 'table.csv'));
    expect(e.code).toBe('TRANSCRIPT_MALFORMED');
    expect(e.place).toEqual({ file: 'table.csv', line: 1 });
  });
});
