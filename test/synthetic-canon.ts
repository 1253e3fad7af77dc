import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTimecode } from '../src/domain/time.js';

const WORDS =
  'you the I to a and it that is what of me in this we he for know have not on be just no your'.split(
    ' ',
  );

function srtTime(ms: number): string {
  const t = formatTimecode(ms).padStart(9, '0');
  const full = t.split(':').length === 2 ? `00:${t}` : t.padStart(12, '0');
  return full.replace('.', ',');
}

/**
 * Write a team-made series to `dir`: `episodes` SRT files of `cues` cues each and a
 * canon.yaml naming them. Deterministic, so tests can count what they expect.
 */
export function writeSyntheticCanon(
  dir: string,
  options: { episodes: number; cues: number; title?: string; marker?: string },
): string {
  mkdirSync(join(dir, 'subs'), { recursive: true });
  const episodes: string[] = [];
  for (let e = 1; e <= options.episodes; e++) {
    const id = `S01E${String(e).padStart(2, '0')}`;
    const lines: string[] = [];
    for (let c = 0; c < options.cues; c++) {
      const start = 1000 + c * 2000;
      const words = Array.from(
        { length: 6 },
        (_, i) => WORDS[(e * 7 + c * 3 + i * 5) % WORDS.length],
      );
      const text =
        c === 0 && options.marker ? `${options.marker} ${words.join(' ')}` : words.join(' ');
      lines.push(
        `${c + 1}\n${srtTime(start)} --> ${srtTime(start + 1500)}\n${c % 10 === 0 ? 'JACK: ' : ''}${text}\n`,
      );
    }
    writeFileSync(join(dir, 'subs', `${id}.srt`), lines.join('\n'));
    episodes.push(
      `  - id: ${id}\n    season: 1\n    number: ${e}\n    subtitles: [subs/${id}.srt]\n`,
    );
  }
  const manifest = join(dir, 'canon.yaml');
  writeFileSync(
    manifest,
    `title: ${options.title ?? 'Synthetic'}\ncharacters:\n  Jack Harkness: [JACK]\nepisodes:\n${episodes.join('')}`,
  );
  return manifest;
}
