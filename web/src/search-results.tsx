import { useState } from 'react';
import {
  frameUrl,
  type LineView,
  type SearchGroup,
  type SearchHit,
  type SearchResult,
} from './api.js';
import { episodeHref } from './route.js';
import { timecode } from './time.js';

// The server marks matches with these characters (HIGHLIGHT in src/domain/search.ts);
// only types are shared with the server, so the two values are repeated here.
const OPEN = '\u0002';
const CLOSE = '\u0003';

/** Snippet text with its marked matches as <mark>. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(OPEN).flatMap((chunk, i) => {
    if (i === 0) return [{ mark: false, text: chunk }];
    const [marked = '', rest = ''] = chunk.split(CLOSE);
    return [
      { mark: true, text: marked },
      { mark: false, text: rest },
    ];
  });
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function who(l: LineView): string {
  if (l.kind === 'action') return l.speaker ? `(${l.speaker})` : '(action)';
  if (l.kind === 'scene') return '[scene]';
  return l.speaker ?? '';
}

/** Whether the library has a video for an episode (thumbnails are asked only then). */
export type HasVideo = (series: string, episode: string) => boolean;

/**
 * A still of the hit, loaded only when scrolled into view; a plain placeholder when the line
 * has no time, the episode no video, or the frame cannot be made.
 */
function Thumb({ group, line, video }: { group: SearchGroup; line: LineView; video: boolean }) {
  const [failed, setFailed] = useState(false);
  if (!video || line.startMs === null || failed) {
    return (
      <span className="thumb placeholder" title={video ? 'No frame for this line' : 'No video'}>
        {video ? '' : 'no video'}
      </span>
    );
  }
  // The middle of the line, where it is surely on screen (as `receipts frame` picks).
  const at = line.endMs === null ? line.startMs : Math.round((line.startMs + line.endMs) / 2);
  return (
    <img
      className="thumb"
      src={frameUrl(group.series.id, group.episode.id, at, { width: 192 })}
      loading="lazy"
      decoding="async"
      alt=""
      width={96}
      height={54}
      onError={() => setFailed(true)}
    />
  );
}

function Line({
  group,
  line,
  hit,
  video,
}: {
  group: SearchGroup;
  line: LineView;
  hit?: SearchHit;
  video: boolean;
}) {
  const time =
    line.startMs === null ? '' : `${line.estimatedTime ? '~' : ''}${timecode(line.startMs)}`;
  const href = episodeHref(group.series.id, group.episode.id, { t: line.startMs, line: line.id });
  return (
    <li className={hit ? 'hit' : 'context'}>
      <a href={href} tabIndex={hit ? undefined : -1}>
        {hit ? <Thumb group={group} line={line} video={video} /> : <span className="thumb-slot" />}
        <span className="time">{time}</span>
        <span className="who">{who(line)}</span>
        <span className="text">{hit ? <Snippet text={hit.snippet} /> : line.text}</span>
      </a>
    </li>
  );
}

/** Hits grouped by exchange under their episode; each opens the episode at its moment. */
export function SearchResults({
  result,
  onMore,
  onCountAll,
  hasVideo,
}: {
  result: SearchResult;
  onMore: (() => void) | null;
  /** Asks for the exact number of matching lines when the total shown is a lower bound. */
  onCountAll: (() => void) | null;
  hasVideo: HasVideo;
}) {
  const hits = result.groups.reduce((n, g) => n + g.hits.length, 0);
  if (hits === 0) return <p className="search-count">No matching lines.</p>;
  return (
    <>
      <p className="search-count">
        {hits} of {result.total.toLocaleString('en-US')}
        {result.totalCapped ? '+' : ''} matching lines
        {onCountAll && (
          <>
            {' '}
            <button type="button" onClick={onCountAll}>
              Count all
            </button>
          </>
        )}
      </p>
      <ol className="results" aria-label="Search results">
        {result.groups.map((g) => {
          const video = hasVideo(g.series.id, g.episode.id);
          return (
            <li key={`${g.series.id}/${g.hits[0]?.id ?? 0}`} className="group">
              <h2>
                <span className="ep">{g.episode.id}</span> {g.episode.title ?? ''}{' '}
                <span className="series-name">· {g.series.title}</span>
                <span className="from" title={g.hits[0]?.source.file}>
                  {g.hits[0]?.kind === 'cue' ? 'subtitles' : 'transcript'}
                </span>
              </h2>
              <ul>
                {g.before.map((l) => (
                  <Line key={l.id} group={g} line={l} video={video} />
                ))}
                {g.hits.map((h) => (
                  <Line key={h.id} group={g} line={h} hit={h} video={video} />
                ))}
                {g.after.map((l) => (
                  <Line key={l.id} group={g} line={l} video={video} />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {onMore && (
        <button type="button" onClick={onMore}>
          Show more
        </button>
      )}
    </>
  );
}
