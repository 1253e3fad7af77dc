import { useEffect, useRef } from 'react';
import type { EpisodeLine, EpisodeView } from './api.js';
import { timecode } from './time.js';

/**
 * The lines playing at `ms`: those that started last at or before it (a stage direction
 * between two cues stays current until the next line starts; two speakers of one cue are
 * current together). Empty before the first line.
 */
export function currentLines(lines: readonly EpisodeLine[], ms: number): ReadonlySet<number> {
  let start = -Infinity;
  for (const l of lines) {
    if (l.startMs !== null && l.startMs <= ms && l.startMs > start) start = l.startMs;
  }
  const out = new Set<number>();
  lines.forEach((l, i) => {
    if (l.startMs === start) out.add(i);
  });
  return out;
}

function who(l: EpisodeLine): string {
  if (l.kind === 'scene') return '';
  if (l.kind === 'action') return l.speaker ? `(${l.speaker})` : '';
  return `${l.speaker ?? ''}${l.qualifier ? ` [${l.qualifier}]` : ''}`;
}

/**
 * The episode's lines beside the video. The current one is highlighted (aria-current) and
 * kept in view; a timed line is a button that seeks the video to it; a line with moments
 * carries a mark (hollow for suggestions only).
 */
export function TranscriptList({
  view,
  current,
  marked,
  onSeek,
}: {
  view: EpisodeView;
  current: ReadonlySet<number>;
  /** Line id -> the best review state of its moments (confirmed over suggested). */
  marked: ReadonlyMap<number, 'suggested' | 'confirmed'>;
  onSeek: (ms: number) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    // Scroll the list only (not the page), and only when the line is out of sight.
    if (!el || !list.current) return;
    const box = list.current.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) {
      list.current.scrollTop += r.top - box.top - box.height / 3;
    }
  }, [current]);
  const title = view.linesFrom === 'transcript' ? 'Transcript' : 'Subtitles';
  if (view.lines.length === 0) {
    return <p className="lines-empty">No subtitles or transcript for this episode.</p>;
  }
  return (
    <section className="lines" aria-labelledby="lines-heading">
      <h2 id="lines-heading">{title}</h2>
      <ol ref={list}>
        {view.lines.map((l, i) => {
          const mark = marked.get(l.id);
          const body = (
            <>
              <span className="time">{l.startMs === null ? '' : timecode(l.startMs)}</span>
              <span className="who">{who(l)}</span>
              <span className="text">
                {l.text}
                {mark !== undefined && (
                  <span
                    className={`moment-mark ${mark}`}
                    role="img"
                    aria-label={mark === 'confirmed' ? 'has moments' : 'has suggestions'}
                    title={mark === 'confirmed' ? 'has moments' : 'has suggestions'}
                  />
                )}
              </span>
            </>
          );
          return (
            <li
              key={l.id}
              className={`line ${l.kind}${current.has(i) ? ' current' : ''}${mark ? ` has-moment ${mark}` : ''}`}
              aria-current={current.has(i) ? 'true' : undefined}
              data-line-id={l.id}
            >
              {l.startMs === null ? (
                <div className="untimed">{body}</div>
              ) : (
                <button type="button" onClick={() => onSeek(l.startMs!)}>
                  {body}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
