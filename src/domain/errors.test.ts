import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ReceiptsError, formatPlace } from './errors.js';

describe('the error registry', () => {
  const doc = readFileSync(new URL('../../docs/ERRORS.md', import.meta.url), 'utf8');

  it.each(Object.entries(ERROR_CODES))(
    'documents %s with its exit code and HTTP status',
    (code, { exit, http }) => {
      expect(doc).toMatch(
        new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${exit}\\s*\\|\\s*${http}\\s*\\|`),
      );
    },
  );

  it('gives every code a non-zero exit status outside the shell-reserved range', () => {
    for (const { exit } of Object.values(ERROR_CODES)) {
      expect(exit).toBeGreaterThan(0);
      expect(exit).toBeLessThan(126);
    }
  });
});

describe('error places', () => {
  it('prints file, line and manifest path as one prefix', () => {
    expect(formatPlace({ file: 'canon.yaml', line: 12, path: 'episodes[3].subtitles[0]' })).toBe(
      'canon.yaml:12: episodes[3].subtitles[0]: ',
    );
    expect(
      new ReceiptsError('SUBTITLE_MALFORMED', 'bad timestamp', { file: 'a.srt', line: 7 }).toLine(),
    ).toBe('a.srt:7: bad timestamp');
    expect(formatPlace({})).toBe('');
  });
});
