import { describe, expect, it } from 'vitest';
import { gifsicleArgs } from './gifsicle.js';

describe('gifsicleArgs', () => {
  it('re-encodes losslessly at level 0 and with lossy LZW above it', () => {
    expect(gifsicleArgs(0, 'in.gif', 'out.part')).toEqual([
      '--no-warnings',
      '-O2',
      'in.gif',
      '-o',
      'out.part',
    ]);
    expect(gifsicleArgs(30, 'in.gif', 'out.part')).toEqual([
      '--no-warnings',
      '-O2',
      '--lossy=30',
      'in.gif',
      '-o',
      'out.part',
    ]);
  });

  it('refuses a level that is not a whole number from 0', () => {
    expect(() => gifsicleArgs(-1, 'a', 'b')).toThrow(/whole number/u);
    expect(() => gifsicleArgs(2.5, 'a', 'b')).toThrow(/whole number/u);
  });
});
