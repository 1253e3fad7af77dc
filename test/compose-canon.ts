import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GifRequest, GifResult } from '../src/app/gif.js';
import type { ComposeMedia } from '../src/app/compose.js';
import type { GifsetRequest } from '../src/app/gifset.js';

// A tiny canon written for the composer tests; nothing here is copied from a real transcript.

const RAIN_VTT = `WEBVTT

00:00:01.200 --> 00:00:02.600
<v Jack>You are a lifesaver.

00:00:03.000 --> 00:00:04.500
<v Ianto>I know.

00:00:05.000 --> 00:00:06.500
<v Ianto>Would you go back?
`;

const FOG_VTT = `WEBVTT

00:00:01.000 --> 00:00:02.500
<v Jack>Would you go back?

00:00:03.000 --> 00:00:04.000
<v Ianto>Not today.
`;

/** Write the canon (manifest, subtitles; `video` names a file the caller may make). */
export function writeComposeCanon(dir: string, video?: string): string {
  mkdirSync(join(dir, 'subs'), { recursive: true });
  writeFileSync(join(dir, 'subs/rain.vtt'), RAIN_VTT);
  writeFileSync(join(dir, 'subs/fog.vtt'), FOG_VTT);
  const manifest = join(dir, 'canon.yaml');
  writeFileSync(
    manifest,
    [
      'id: night-shift',
      'title: Night Shift',
      'characters:',
      '  Ianto Jones: [IANTO, Ianto]',
      '  Jack Harkness: [JACK, Jack]',
      'episodes:',
      '  - id: S01E01',
      '    season: 1',
      '    number: 1',
      '    title: Rain',
      '    subtitles: [subs/rain.vtt]',
      ...(video === undefined ? [] : [`    video: ${video}`]),
      '  - id: S01E02',
      '    season: 1',
      '    number: 2',
      '    title: Fog',
      '    subtitles: [subs/fog.vtt]',
      '',
    ].join('\n'),
  );
  return manifest;
}

/** A renderer that renders nothing: what renderGif would report, from the request alone. */
export function fakeMedia(): ComposeMedia & { readonly calls: GifRequest[] } {
  const calls: GifRequest[] = [];
  const renderGif = (_store: unknown, r: GifRequest): Promise<GifResult> => {
    calls.push(r);
    const source = r.source;
    if (source.kind !== 'range') throw new Error('the composer passes ranges');
    const width = r.width ?? 540;
    return Promise.resolve({
      path: r.out ?? 'out.gif',
      bytes: 100_000,
      width,
      height: Math.round((width * 9) / 16),
      fps: 15,
      frames: 30,
      cached: false,
      key: 'fake',
      series: 'night-shift',
      episode: source.episodeId,
      format: 'gif',
      startMs: source.startMs,
      endMs: source.endMs,
      snapped: null,
      captioned: [],
      budgetSteps: [],
    });
  };
  return {
    calls,
    renderGif,
    async renderGifset(store, r: GifsetRequest) {
      const made: GifResult[] = [];
      for (const [i, source] of r.sources.entries()) {
        const out = join(
          r.outDir ?? '.',
          `${r.name ?? 'gifset'}-${String(i + 1).padStart(2, '0')}.gif`,
        );
        made.push(await renderGif(store, { source, width: r.width, out }));
      }
      return {
        layoutPath: join(r.outDir ?? '.', `${r.name ?? 'gifset'}.gifset.json`),
        layout: { rows: [], files: [] },
        made,
        totalBytes: made.reduce((s, m) => s + m.bytes, 0),
        fps: 15,
        width: made[0]?.width ?? 0,
        budgetSteps: made.map(() => []),
      };
    },
  };
}
