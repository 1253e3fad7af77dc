import { ReceiptsError } from '../domain/errors.js';
import type { ShotList } from '../domain/media.js';
import { detectShots, planShots, SHOTS_METHOD, type ShotsRunOptions } from '../media/shots.js';
import type { CanonStore } from '../store/canon-store.js';
import { sameMediaFile } from '../store/media-store.js';
import { probeEpisode, type ProbedEpisode } from './probe.js';

export interface EpisodeShotsRequest extends ShotsRunOptions {
  readonly seriesId: string;
  readonly episodeId: string;
  /** Detect again even when shots of this very file are stored. */
  readonly redo?: boolean;
}

export interface EpisodeShots extends ProbedEpisode {
  readonly shots: ShotList;
  /** True when stored shots of this same file (and detector version) were used. */
  readonly shotsCached: boolean;
}

/**
 * The cuts and fades of an episode's video: stored ones when the file and the detector are
 * unchanged, else probe (a truncated or unreadable file fails here, before decoding), plan,
 * decode once and store.
 */
export async function episodeShots(
  store: CanonStore,
  request: EpisodeShotsRequest,
): Promise<EpisodeShots> {
  const probed = await probeEpisode(store, { ...request, redo: false });
  const stored = await store.mediaFacts(request.seriesId, request.episodeId);
  const shots = stored?.shots ?? null;
  if (
    request.redo !== true &&
    shots !== null &&
    shots.method === SHOTS_METHOD &&
    stored !== null &&
    sameMediaFile(stored.file, probed.file)
  ) {
    return { ...probed, shots, shotsCached: true };
  }
  const planned = planShots(probed.file.path, probed.probe);
  if (!planned.ok) {
    throw new ReceiptsError(
      'MEDIA_UNREADABLE',
      `Cannot look for shots: ${planned.reasons.join('; ')}.`,
      { file: probed.file.path },
    );
  }
  const found = await detectShots(planned.plan, request);
  await store.saveShots({
    seriesId: request.seriesId,
    episodeId: request.episodeId,
    file: probed.file,
    shots: found,
  });
  return { ...probed, shots: found, shotsCached: false };
}
