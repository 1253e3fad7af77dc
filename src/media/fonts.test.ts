import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import { checkFontFamily, closeFamilies, parseFamilies, pickFamily } from './fonts.js';

// Literal `fc-list : family` output from a Debian machine with DejaVu and Liberation fonts.
const FC_LIST = [
  'DejaVu Math TeX Gyre',
  'DejaVu Sans Mono',
  'DejaVu Sans,DejaVu Sans Light',
  'DejaVu Sans',
  'DejaVu Serif,DejaVu Serif Condensed',
  'Liberation Sans Narrow',
  'Liberation Mono',
  'Liberation Serif',
  'Liberation Sans',
  'Noto Sans CJK JP,Noto Sans CJK JP Regular',
  'Source Code Pro\\-Light',
  '',
].join('\n');

const FAMILIES = parseFamilies(FC_LIST);

const usageOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
  }
  throw new Error('expected a ReceiptsError');
};

describe('caption fonts', () => {
  it('reads every family and alias of fc-list output once, unescaped', () => {
    expect(FAMILIES).toContain('DejaVu Sans Light');
    expect(FAMILIES).toContain('Source Code Pro-Light');
    expect(FAMILIES.filter((f) => f === 'DejaVu Sans')).toHaveLength(1);
    expect(FAMILIES).not.toContain('');
  });

  it('finds an installed family whatever its case and spacing, in its installed spelling', () => {
    expect(pickFamily('liberation sans', FAMILIES)).toBe('Liberation Sans');
    expect(pickFamily(' DejaVuSans ', FAMILIES)).toBe('DejaVu Sans');
  });

  it('names close installed families, best first, for a family that is not installed', () => {
    expect(closeFamilies('Liberaton Sans', FAMILIES)[0]).toBe('Liberation Sans');
    // A typo is named before fc-match's answer, which for a misspelling is the default font.
    expect(usageOf(() => pickFamily('Liberaton Sans', FAMILIES, 'DejaVu Sans')).message).toMatch(
      /families: Liberation Sans, DejaVu Sans, /u,
    );
    expect(closeFamilies('Comic Sans', FAMILIES)).toEqual([
      'DejaVu Sans',
      'Liberation Sans',
      'Noto Sans CJK JP',
    ]);
    // What fc-match would substitute comes first: spelling alone cannot find a metric alias.
    expect(usageOf(() => pickFamily('Times New Roman', FAMILIES, 'Liberation Serif')).message).toBe(
      'The font "Times New Roman" is not installed; close installed families: ' +
        'Liberation Serif, Liberation Mono, Liberation Sans (all: fc-list : family).',
    );
    const e = usageOf(() => pickFamily('Helvetica Neue', FAMILIES));
    expect(e.code).toBe('USAGE');
    expect(e.message).toMatch(
      /^The font "Helvetica Neue" is not installed; close installed families: /,
    );
    expect(e.message).not.toContain('\n');
  });

  it('refuses a name that would break the caption style line', () => {
    expect(usageOf(() => pickFamily('Sans, Bold', FAMILIES)).message).toMatch(/not a font family/);
    expect(usageOf(() => pickFamily('  ', FAMILIES)).code).toBe('USAGE');
  });

  const hasFcList = spawnSync('fc-list', ['--version']).status === 0;
  it.skipIf(!hasFcList)('checks a family against the fonts fontconfig has installed', async () => {
    await expect(checkFontFamily('liberation SANS')).resolves.toBe('Liberation Sans');
    await expect(checkFontFamily('Liberation Snas')).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(/close installed families: Liberation Sans\b/u) as unknown,
    });
    await expect(checkFontFamily('Times New Roman')).rejects.toMatchObject({
      message: expect.stringMatching(/families: Liberation Serif, /u) as unknown,
    });
  });
});
