import { useEffect, useState } from 'react';
import { api, type JobSnapshot } from './api.js';

/** Whether the page can show the video yet. */
export type PlaybackState =
  | { readonly state: 'checking' }
  | { readonly state: 'ready' }
  | { readonly state: 'preparing'; readonly reason: string; readonly percent: number | null }
  | { readonly state: 'failed'; readonly message: string };

/**
 * The episode's video as the browser can play it. A video Chromium cannot play (HEVC, an
 * AVI, a Matroska file) gets a playable copy made once by a server job, followed here with
 * its progress; a copy already being made (another tab) is followed, not started again.
 * When the check itself fails (ffprobe cannot read the file) the original is tried anyway.
 */
export function usePlayback(series: string, episode: string, hasVideo: boolean): PlaybackState {
  const [playback, setPlayback] = useState<PlaybackState>({ state: 'checking' });

  useEffect(() => {
    if (!hasVideo) return;
    let live = true;
    let stop = () => {};
    setPlayback({ state: 'checking' });
    const follow = (job: JobSnapshot, reason: string) => {
      const show = (j: JobSnapshot) => {
        if (!live) return;
        if (j.state === 'done') setPlayback({ state: 'ready' });
        else if (j.state === 'failed') {
          setPlayback({
            state: 'failed',
            message: `No playable copy could be made: ${j.error?.message ?? 'the job failed'}`,
          });
        } else setPlayback({ state: 'preparing', reason, percent: j.progress?.done ?? null });
      };
      show(job);
      stop = api.watchJob(job.id, show);
    };
    api
      .playback(series, episode)
      .then(async (pb) => {
        if (!live) return;
        if (pb.kind !== 'needs-proxy') return setPlayback({ state: 'ready' });
        const reason = pb.reason ?? 'a format the browser cannot play';
        follow(pb.job ?? (await api.makePlayable(series, episode)), reason);
      })
      .catch((e: unknown) => {
        if (!live) return;
        // A probe that fails (an unreadable file) should not hide the player: let it try.
        const code = (e as { code?: string }).code;
        if (code === 'MEDIA_UNREADABLE' || code === 'MEDIA_TRUNCATED') {
          setPlayback({ state: 'ready' });
        } else {
          setPlayback({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
      });
    return () => {
      live = false;
      stop();
    };
  }, [series, episode, hasVideo]);

  return playback;
}
