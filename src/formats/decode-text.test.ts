import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ReceiptsError } from '../domain/errors.js';
import { decodeText } from './decode-text.js';

const line = 'Listen to yourself, Bob. You follow her to work, you eavesdrop on her calls.\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from('Zoë\n'), 'a.srt')).toEqual({
      text: 'Zoë\n',
      encoding: 'UTF-8',
      bom: false,
    });
    expect(decodeText(Buffer.from('\ufeffZoë\n'), 'a.srt')).toMatchObject({
      text: 'Zoë\n',
      bom: true,
    });
  });

  it.each(['UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE'])('reads %s with a BOM', (enc) => {
    const bytes = iconv.encode('Voilà!\r\nNext line\r\n', enc, { addBOM: true });
    expect(decodeText(bytes, 'a.srt')).toMatchObject({
      text: 'Voilà!\nNext line\n',
      encoding: enc,
    });
  });

  it('reads a CP1252 file with one accented letter in a long English text', () => {
    const bytes = iconv.encode(
      `${line.repeat(200)}Voilà! Happy birthday\u2026 it\u2019s yours.\r\n${line.repeat(50)}`,
      'windows-1252',
    );
    const d = decodeText(bytes, 'a.srt');
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('Voilà! Happy birthday\u2026 it\u2019s yours.\n');
  });

  it('turns CR, CRLF, NEL and LS line endings into LF', () => {
    expect(decodeText(Buffer.from('a\rb\r\nc\u0085d\u2028e'), 'a.txt').text).toBe('a\nb\nc\nd\ne');
  });

  it('refuses empty, blank and binary files by name', () => {
    const code = (bytes: Uint8Array) => {
      try {
        decodeText(bytes, 'x.srt');
      } catch (e) {
        expect((e as ReceiptsError).place.file).toBe('x.srt');
        return (e as ReceiptsError).code;
      }
      return null;
    };
    expect(code(new Uint8Array())).toBe('FILE_EMPTY');
    expect(code(Buffer.from(' \r\n\t\n'))).toBe('FILE_EMPTY');
    expect(
      code(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xd8]),
      ),
    ).toBe('FILE_BINARY');
  });
});
