import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestCanon } from '../src/app/ingest-canon.js';
import { episodeVtt, retimeSubtitle } from '../src/app/subtitle-tools.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-retime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!HAS_SHARED_DATA)('retiming Sintel subtitles to another release', () => {
  it('finds the -119 s offset to the MDN WebVTT and stores it', async () => {
    const srt = sharedData('sintel-srt-meyer1994', 'sintel_en.srt');
    const manifest = join(dir, 'canon.yaml');
    writeFileSync(
      manifest,
      `title: Sintel\nepisodes:\n  - id: S01E01\n    subtitles: [{ file: ${JSON.stringify(srt)}, language: en }]\n`,
    );
    const store = await openSqliteStore(join(dir, 'lib.db'));
    try {
      await ingestCanon(manifest, store);
      const vtt = sharedData('mdn-shared-assets-clips', 'sintel-en.vtt');
      const r = await retimeSubtitle(store, 'sintel', 'S01E01', {
        kind: 'fit',
        referenceFile: vtt,
        shownAs: 'sintel-en.vtt',
      });
      expect(r.retiming.scale).toBe(1);
      expect(r.retiming.offsetMs).toBe(-119_000);
      expect(r.fit!.inliers).toBeGreaterThanOrEqual(9);
      const out = await episodeVtt(store, 'sintel', 'S01E01');
      expect(out.text).toContain('00:00:18.250 --> 00:00:21.500\nThis blade has a dark past.');
      expect(out.text).toContain(
        "NOTE Retimed: t' = 1.000000 t - 119.000 s (fitted to sintel-en.vtt",
      );
    } finally {
      await store.close();
    }
  });
});
