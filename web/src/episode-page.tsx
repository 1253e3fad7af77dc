import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Annotator } from './annotator.js';
import { api, episodeUrl, type EpisodeMoments, type EpisodeView, type MomentView } from './api.js';
import { ClipsPanel, type ClipRange } from './clips-panel.js';
import { momentLabel } from './annotation-timeline.js';
import { episodeHref } from './route.js';
import { currentLines, TranscriptList } from './transcript-list.js';
import { usePlayback } from './use-playback.js';

interface Marks {
  readonly inMs: number | null;
  readonly outMs: number | null;
  readonly moment: MomentView | null;
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/**
 * The episode: its video (served with Range, so seeking works) with the subtitle track,
 * the transcript beside it, following playback, and the moments under it. Opened from a
 * search hit or a claim's evidence, it starts at the time (`t`) with the line marked (`line`:
 * its id; `src`: its line in the transcript file) and the moment selected (`moment`).
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
  const startSrc = Number(params.get('src') ?? NaN);
  const [nowMs, setNowMs] = useState<number | null>(Number.isFinite(startMs) ? startMs : null);
  const [durationMs, setDurationMs] = useState<number | null>(null);
  const [moments, setMoments] = useState<EpisodeMoments | null>(null);
  const [momentsError, setMomentsError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [marks, setMarks] = useState<Marks>({ inMs: null, outMs: null, moment: null });
  const playback = usePlayback(series, episode, view?.video ?? false);

  const reloadMoments = useCallback(
    () =>
      api.moments(series, episode).then(
        (m) => {
          setMoments(m);
          setMomentsError(null);
        },
        (e: unknown) => setMomentsError(e instanceof Error ? e.message : String(e)),
      ),
    [series, episode],
  );
  useEffect(() => {
    void reloadMoments();
  }, [reloadMoments]);
  // Checking playability probes the video: read the moments again for its frame rate.
  const probedRate = playback.state === 'ready' && moments !== null && moments.frameRate === null;
  useEffect(() => {
    if (probedRate) void reloadMoments();
  }, [probedRate, reloadMoments]);

  const seek = useCallback((ms: number) => {
    setNowMs(ms);
    if (video.current) video.current.currentTime = ms / 1000;
  }, []);

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
      const marked = view.lines.findIndex(
        (l) => l.id === startLine || (view.linesFrom === 'transcript' && l.line === startSrc),
      );
      return new Set(marked < 0 ? [] : [marked]);
    }
    return currentLines(view.lines, nowMs);
  }, [view, nowMs, startLine, startSrc]);

  // Lines with moments: those a moment is anchored to, and those playing where one starts.
  const marked = useMemo(() => {
    const out = new Map<number, 'suggested' | 'confirmed'>();
    if (!view || !moments) return out;
    for (const m of moments.moments) {
      const review = m.review === 'suggested' ? 'suggested' : 'confirmed';
      const ids =
        m.lineId !== null
          ? [m.lineId]
          : m.at !== null
            ? [...currentLines(view.lines, m.at.startMs)].map((i) => view.lines[i]!.id)
            : [];
      for (const id of ids) if (out.get(id) !== 'confirmed') out.set(id, review);
    }
    return out;
  }, [view, moments]);

  // What the clips panel can render: the marks, the selected moment, the line the page was
  // opened at (a search hit), and the line playing now.
  const ranges = useMemo(() => {
    const out: ClipRange[] = [];
    if (marks.inMs !== null && marks.outMs !== null && marks.outMs > marks.inMs) {
      out.push({ id: 'marks', label: 'In/out marks', fromMs: marks.inMs, toMs: marks.outMs });
    }
    const m = marks.moment;
    if (m?.at && m.at.endMs !== null && m.at.endMs > m.at.startMs) {
      out.push({
        id: `moment:${m.id}`,
        label: `Moment: ${momentLabel(m)}`,
        fromMs: m.at.startMs,
        toMs: m.at.endMs,
      });
    }
    const lineRange = (id: string, label: string, i: number | undefined) => {
      const l = i === undefined ? undefined : view?.lines[i];
      if (l && l.startMs !== null && l.endMs !== null && l.endMs > l.startMs) {
        out.push({ id, label: `${label}: “${short(l.text)}”`, fromMs: l.startMs, toMs: l.endMs });
      }
    };
    const hit = view?.lines.findIndex((l) => l.id === startLine) ?? -1;
    if (hit >= 0) lineRange('hit', 'Search hit', hit);
    const playing = [...current][0];
    if (playing !== hit) lineRange('playing', 'Line playing', playing);
    return out;
  }, [marks, view, startLine, current]);

  if (error !== null) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (view === null) return <p aria-live="polite">Loading {episode}…</p>;

  const base = episodeUrl(view.series.id, view.episode.id);
  const lastLine = view.lines.reduce((t, l) => Math.max(t, l.endMs ?? l.startMs ?? 0), 0);
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
          {view.video && playback.state !== 'ready' ? (
            <div className="video-wait" role="status">
              {playback.state === 'checking' && <p>Checking the video…</p>}
              {playback.state === 'preparing' && (
                <>
                  <p>
                    Preparing a playable copy… {playback.percent ?? 0}%
                    <span className="why"> ({playback.reason}: made once, then kept)</span>
                  </p>
                  <progress
                    max={100}
                    value={playback.percent ?? 0}
                    aria-label="Preparing a playable copy"
                  />
                </>
              )}
              {playback.state === 'failed' && <p className="error">{playback.message}</p>}
            </div>
          ) : view.video ? (
            <video
              ref={video}
              controls
              preload="metadata"
              src={`${base}/video`}
              aria-label={`Video of ${view.episode.id}`}
              onLoadedMetadata={(e) => {
                setDurationMs(Math.round(e.currentTarget.duration * 1000));
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
        <TranscriptList view={view} current={current} marked={marked} onSeek={seek} />
      </div>
      {momentsError !== null && (
        <p role="alert" className="error">
          {momentsError}
        </p>
      )}
      {moments !== null && (
        <Annotator
          series={view.series.id}
          episode={view.episode.id}
          data={moments}
          reload={reloadMoments}
          video={video}
          nowMs={nowMs ?? 0}
          durationMs={durationMs ?? lastLine + 5000}
          seek={seek}
          initialMoment={params.get('moment')}
          onMarks={setMarks}
        />
      )}
      <ClipsPanel
        series={view.series.id}
        episode={view.episode.id}
        ranges={ranges}
        hasVideo={view.video}
      />
    </article>
  );
}
