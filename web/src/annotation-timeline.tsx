import { useEffect, useRef } from 'react';
import type { MomentView, TierView } from './api.js';
import { timecode } from './time.js';

/** Zoom levels: how many times the whole episode's width the timeline is. */
export const ZOOMS = [1, 2, 4, 8, 16, 32] as const;

/** Length drawn for a moment with a start but no end (a glance, a line it is anchored to). */
const POINT_MS = 2500;

/** A tick every this many seconds, chosen so ticks stay at least ~70 px apart. */
function tickSeconds(pxPerSecond: number): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600];
  return steps.find((s) => s * pxPerSecond >= 70) ?? 900;
}

function who(m: MomentView): string {
  if (m.mutual) return m.recipients.join(' & ');
  const to = m.recipients.length > 0 ? ` → ${m.recipients.join(', ')}` : '';
  return `${m.initiator ?? '?'}${to}`;
}

/** The accessible name of a bar: what, who, when, and whether it is only a suggestion. */
export function momentLabel(m: MomentView): string {
  const when = m.at === null ? 'no time' : timecode(m.at.startMs);
  return `${m.termLabel}, ${who(m)}, at ${when}${m.review === 'suggested' ? ' (suggestion)' : ''}`;
}

/**
 * The annotation timeline under the video: one lane per codebook tier, moments as bars
 * (suggestions hatched, confirmed ones solid), the playhead, and the in/out span being
 * marked. Zoomed, it scrolls to keep the playhead in sight. Clicking the ruler seeks.
 */
export function AnnotationTimeline({
  tiers,
  moments,
  durationMs,
  nowMs,
  zoom,
  selected,
  inMs,
  outMs,
  onSeek,
  onSelect,
}: {
  tiers: readonly TierView[];
  moments: readonly MomentView[];
  durationMs: number;
  nowMs: number;
  zoom: number;
  selected: string | null;
  inMs: number | null;
  outMs: number | null;
  onSeek: (ms: number) => void;
  onSelect: (m: MomentView) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const total = Math.max(durationMs, 1000);
  const pct = (ms: number) => `${(Math.min(Math.max(ms, 0), total) / total) * 100}%`;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const x = (nowMs / total) * el.scrollWidth;
    if (x < el.scrollLeft + 40 || x > el.scrollLeft + el.clientWidth - 40) {
      el.scrollLeft = Math.max(0, x - el.clientWidth / 3);
    }
  }, [nowMs, total, zoom]);

  const width = scroller.current?.clientWidth ?? 700;
  const every = tickSeconds((width * zoom) / (total / 1000));
  const ticks: number[] = [];
  for (let s = 0; s * 1000 <= total; s += every) ticks.push(s * 1000);
  const placed = moments.filter((m) => m.at !== null);

  return (
    <div className="timeline" role="group" aria-label="Annotation timeline">
      <div className="lane-names" aria-hidden="true">
        <div className="ruler-name" />
        {tiers.map((t) => (
          <div key={t.id} className="lane-name">
            {t.label}
          </div>
        ))}
      </div>
      <div className="lanes-scroll" ref={scroller}>
        <div className="lanes" style={{ width: `${zoom * 100}%` }}>
          <div
            className="ruler"
            onClick={(e) => {
              const box = e.currentTarget.getBoundingClientRect();
              onSeek(Math.round(((e.clientX - box.left) / box.width) * total));
            }}
          >
            {ticks.map((t) => (
              <span key={t} className="tick" style={{ left: pct(t) }}>
                {timecode(t).replace(/\.0$/u, '')}
              </span>
            ))}
          </div>
          {inMs !== null && (
            <div
              className="in-out"
              aria-label={`Marked ${timecode(inMs)}${outMs === null ? '' : ` to ${timecode(outMs)}`}`}
              style={{
                left: pct(inMs),
                width: outMs === null ? '2px' : pct(Math.max(outMs - inMs, 0)),
              }}
            />
          )}
          {tiers.map((t) => (
            <div key={t.id} className="lane" role="list" aria-label={`${t.label} lane`}>
              {placed
                .filter((m) => m.tier === t.id)
                .map((m) => {
                  const start = m.at!.startMs;
                  const end = m.at!.endMs ?? start + POINT_MS;
                  return (
                    <div role="listitem" key={m.id}>
                      <button
                        type="button"
                        className={`bar ${m.review}${m.id === selected ? ' selected' : ''}`}
                        style={{ left: pct(start), width: pct(Math.max(end - start, 400)) }}
                        aria-label={momentLabel(m)}
                        aria-pressed={m.id === selected}
                        title={momentLabel(m)}
                        onClick={() => onSelect(m)}
                      >
                        {m.termLabel}
                      </button>
                    </div>
                  );
                })}
            </div>
          ))}
          <div className="playhead" style={{ left: pct(nowMs) }} aria-hidden="true" />
        </div>
      </div>
    </div>
  );
}
