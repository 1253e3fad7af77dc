import { ReceiptsError } from '../domain/errors.js';
import type { MediaProbe } from '../domain/media.js';
import {
  probeVideo,
  videoFileKey,
  type MediaRunOptions,
  type VideoFileKey,
} from '../media/probe.js';
import type { CanonStore, EpisodeInfo } from '../store/canon-store.js';
import { sameMediaFile } from '../store/media-store.js';

export interface EpisodeVideo {
  readonly episode: EpisodeInfo;
  /** The video file as it is on disk now. */
  readonly file: VideoFileKey;
}

/**
 * An episode and its video file. NOT_FOUND for an unknown episode; MEDIA_NOT_FOUND when the
 * manifest names no video for it or the file is gone.
 */
export async function episodeVideo(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
): Promise<EpisodeVideo> {
  const episodes = await store.listEpisodes(seriesId);
  const episode = episodes.find((e) => e.id === episodeId);
  if (episode === undefined) {
    const some = episodes.slice(0, 5).map((e) => e.id);
    throw new ReceiptsError(
      'NOT_FOUND',
      `No episode ${episodeId} in ${seriesId} (episodes: ${some.join(', ')}${episodes.length > 5 ? ', ...' : ''}).`,
    );
  }
  if (episode.video === null) {
    throw new ReceiptsError(
      'MEDIA_NOT_FOUND',
      `${episodeId} has no video: add \`video: <file>\` to the episode in the manifest and ingest again.`,
    );
  }
  return { episode, file: videoFileKey(episode.video) };
}

export interface ProbeEpisodeRequest extends MediaRunOptions {
  readonly seriesId: string;
  readonly episodeId: string;
  /** Probe again even when facts of this very file are stored. */
  readonly redo?: boolean;
}

export interface ProbedEpisode extends EpisodeVideo {
  readonly probe: MediaProbe;
  /** True when the stored probe of this same file was used. */
  readonly cached: boolean;
}

/** The probe of an episode's video: stored facts when the file is unchanged, else ffprobe. */
export async function probeEpisode(
  store: CanonStore,
  request: ProbeEpisodeRequest,
): Promise<ProbedEpisode> {
  const { episode, file } = await episodeVideo(store, request.seriesId, request.episodeId);
  const stored = await store.mediaFacts(request.seriesId, request.episodeId);
  if (stored !== null && sameMediaFile(stored.file, file) && request.redo !== true) {
    return { episode, file, probe: stored.probe, cached: true };
  }
  const probe = await probeVideo(file.path, request);
  await store.saveProbe({ seriesId: request.seriesId, episodeId: request.episodeId, file, probe });
  return { episode, file, probe, cached: false };
}
