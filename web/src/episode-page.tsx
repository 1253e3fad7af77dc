import { useEffect, useMemo, useRef, useState } from 'react';
import { api, episodeUrl, type EpisodeView } from './api.js';
import { episodeHref } from './route.js';
import { currentLines, TranscriptList } from './transcript-list.js';

/**
 * The episode: its video (served with Range, so seeking works) with the subtitle track,
 * and the transcript beside it, following playback. Opened from a search hit, it starts
 * at the hit's time (`t`) with the hit's line (`line`) marked.
 */
export function EpisodePage({
  series,
  episode,
  params,
}: {
  series: string;
  episode: string;
  params: URLSearchParams;
}) {
  const [view, setView] = useState<EpisodeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const startMs = Number(params.get('t') ?? NaN);
  const startLine = Number(params.get('line') ?? NaN);
  const [nowMs, setNowMs] = useState<number | null>(Number.isFinite(startMs) ? startMs : null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let live = true;
    setView(null);
    setError(null);
    api
      .episode(series, episode)
      .then((v) => live && setView(v))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [series, episode]);

  const current = useMemo(() => {
    if (!view) return new Set<number>();
    if (nowMs === null) {
      const marked = view.lines.findIndex((l) => l.id === startLine);
      return new Set(marked < 0 ? [] : [marked]);
    }
    return currentLines(view.lines, nowMs);
  }, [view, nowMs, startLine]);

  if (error !== null) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (view === null) return <p aria-live="polite">Loading {episode}…</p>;

  const base = episodeUrl(view.series.id, view.episode.id);
  const seek = (ms: number) => {
    setNowMs(ms);
    if (video.current) video.current.currentTime = ms / 1000;
  };
  return (
    <article className="episode" aria-labelledby="episode-heading">
      <header className="episode-head">
        <h1 id="episode-heading">
          <span className="ep">{view.episode.id}</span> {view.episode.title ?? ''}
        </h1>
        <p className="series-name">{view.series.title}</p>
        <nav aria-label="Episodes" className="episode-nav">
          {view.previous && (
            <a href={episodeHref(view.series.id, view.previous)} rel="prev">
              ← {view.previous}
            </a>
          )}
          {view.next && (
            <a href={episodeHref(view.series.id, view.next)} rel="next">
              {view.next} →
            </a>
          )}
        </nav>
      </header>
      <div className="player-and-lines">
        <div className="player">
          {view.video ? (
            <video
              ref={video}
              controls
              preload="metadata"
              src={`${base}/video`}
              aria-label={`Video of ${view.episode.id}`}
              onLoadedMetadata={(e) => {
                if (Number.isFinite(startMs)) e.currentTarget.currentTime = startMs / 1000;
              }}
              onTimeUpdate={(e) => setNowMs(Math.round(e.currentTarget.currentTime * 1000))}
              onSeeked={(e) => setNowMs(Math.round(e.currentTarget.currentTime * 1000))}
            >
              {view.subtitle && (
                <track
                  kind="subtitles"
                  srcLang="en"
                  label="Subtitles"
                  src={`${base}/subtitles.vtt`}
                  default
                />
              )}
            </video>
          ) : (
            <p className="no-video">
              No video for this episode: add <code>video:</code> to it in canon.yaml and ingest
              again.
            </p>
          )}
          <p className="sources">
            {view.subtitle && <span>Subtitles: {view.subtitle}</span>}
            {view.transcript && <span>Transcript: {view.transcript}</span>}
          </p>
        </div>
        <TranscriptList view={view} current={current} onSeek={seek} />
      </div>
    </article>
  );
}
