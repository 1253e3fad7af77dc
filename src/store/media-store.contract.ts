import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import type { MediaProbe, ShotList } from '../domain/media.js';
import type { CanonStore } from './canon-store.js';
import type { MediaFileKey } from './media-store.js';

/**
 * Media facts behaviour every adapter must have, through the public interface only. `open`
 * returns a fresh, empty store each time; the suite closes what it opens.
 */
export function describeMediaStoreContract(name: string, open: () => Promise<CanonStore>): void {
  describe(`MediaStore contract: ${name}`, () => {
    const opened: CanonStore[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      await store.applyIngest({
        series: { id: 'tw', title: 'Torchwood', manifest: 'canon.yaml' },
        episodes: ['S01E01', 'S01E02'].map((id, i) => ({
          id,
          season: 1,
          number: i + 1,
          title: null,
          airDate: null,
          storyOrder: null,
          video: `/videos/${id}.mkv`,
        })),
        characters: [],
        sources: [],
        keep: [],
      });
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    const file: MediaFileKey = {
      path: '/videos/S01E01.mkv',
      sizeBytes: 734_003_200,
      mtimeMs: 1_700_000_000_123,
    };
    const probe: MediaProbe = {
      container: 'matroska,webm',
      durationMs: 2_940_125,
      sizeBytes: 734_003_200,
      bitRate: 1_997_000,
      video: {
        index: 0,
        codec: 'h264',
        pixelFormat: 'yuv420p',
        width: 720,
        height: 576,
        sar: { num: 64, den: 45 },
        rotation: 0,
        displayWidth: 1024,
        displayHeight: 576,
        frameRate: { num: 25, den: 1 },
        variableFrameRate: false,
        frames: 73_503,
      },
      audio: { index: 1, codec: 'ac3', channels: 2, sampleRate: 48_000 },
    };
    const shots: ShotList = {
      frameRate: { num: 25, den: 1 },
      frames: 73_503,
      durationMs: 2_940_125,
      cuts: [
        { frame: 52, ms: 2080 },
        { frame: 122, ms: 4880 },
      ],
      fades: [
        { kind: 'out', startFrame: 73_480, endFrame: 73_490, startMs: 2_939_200, endMs: 2_939_600 },
      ],
      method: 'test v1',
    };
    const errorOf = async (p: Promise<unknown>) => {
      const e: unknown = await p.then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ReceiptsError);
      return e as ReceiptsError;
    };

    it('has no facts for an episode never probed', async () => {
      const store = await fresh();
      expect(await store.mediaFacts('tw', 'S01E01')).toBeNull();
    });

    it('keeps a probe and then the shots of the same file, exactly as given', async () => {
      const store = await fresh();
      await store.saveProbe({ seriesId: 'tw', episodeId: 'S01E01', file, probe });
      const probed = await store.mediaFacts('tw', 'S01E01');
      expect(probed).toMatchObject({
        seriesId: 'tw',
        episodeId: 'S01E01',
        file,
        probe,
        shots: null,
        shotsAt: null,
      });
      expect(Date.parse(probed!.probedAt)).not.toBeNaN();
      await store.saveShots({ seriesId: 'tw', episodeId: 'S01E01', file, shots });
      const both = await store.mediaFacts('tw', 'S01E01');
      expect(both?.shots).toEqual(shots);
      expect(both?.shotsAt).not.toBeNull();
      expect(await store.mediaFacts('tw', 'S01E02')).toBeNull();
    });

    it('keeps the shots when the same file is probed again', async () => {
      const store = await fresh();
      await store.saveProbe({ seriesId: 'tw', episodeId: 'S01E01', file, probe });
      await store.saveShots({ seriesId: 'tw', episodeId: 'S01E01', file, shots });
      await store.saveProbe({ seriesId: 'tw', episodeId: 'S01E01', file, probe });
      expect((await store.mediaFacts('tw', 'S01E01'))?.shots).toEqual(shots);
    });

    it('drops the shots when the file changed (size or modification time)', async () => {
      const store = await fresh();
      for (const changed of [
        { ...file, sizeBytes: file.sizeBytes + 1 },
        { ...file, mtimeMs: file.mtimeMs + 1000 },
        { ...file, path: '/videos/other.mkv' },
      ]) {
        await store.saveProbe({ seriesId: 'tw', episodeId: 'S01E01', file, probe });
        await store.saveShots({ seriesId: 'tw', episodeId: 'S01E01', file, shots });
        await store.saveProbe({ seriesId: 'tw', episodeId: 'S01E01', file: changed, probe });
        const facts = await store.mediaFacts('tw', 'S01E01');
        expect(facts?.file).toEqual(changed);
        expect(facts?.shots).toBeNull();
      }
    });

    it('refuses shots of a file that was not probed, and a probe of an unknown episode', async () => {
      const store = await fresh();
      expect(
        (await errorOf(store.saveShots({ seriesId: 'tw', episodeId: 'S01E01', file, shots }))).code,
      ).toBe('NOT_FOUND');
      await store.saveProbe({ seriesId: 'tw', episodeId: 'S01E01', file, probe });
      const other = { ...file, mtimeMs: 1 };
      expect(
        (
          await errorOf(
            store.saveShots({ seriesId: 'tw', episodeId: 'S01E01', file: other, shots }),
          )
        ).code,
      ).toBe('NOT_FOUND');
      expect(
        (await errorOf(store.saveProbe({ seriesId: 'tw', episodeId: 'S09E09', file, probe }))).code,
      ).toBe('NOT_FOUND');
      expect((await store.mediaFacts('tw', 'S01E01'))?.shots).toBeNull();
    });
  });
}
