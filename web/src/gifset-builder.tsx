import { useEffect, useRef, useState } from 'react';
import { api, type GifsetView, type LookOptions } from './api.js';
import type { GifsetItem, GifsetItems } from './gifset-items.js';
import { GifsetResult } from './gifset-result.js';
import { timecode } from './time.js';
import { useJob } from './use-job.js';

/** How the set's GIFs look: the clip panel's choices, shared by every GIF of the set. */
export interface GifsetLook {
  readonly crop: LookOptions['crop'];
  readonly captions: boolean;
  readonly speakers: boolean;
  readonly fps: number | null;
  /** Size budget of each GIF in bytes; null while the panel's budget is not a valid size. */
  readonly maxBytes: number | null;
}

/** Tumblr's widths for one, two and three GIFs across. */
const PER_ROW = [
  { perRow: 1, width: 540 },
  { perRow: 2, width: 268 },
  { perRow: 3, width: 177 },
] as const;

/** Tumblr photo sets hold at most ten images. */
const MAX_CLIPS = 10;

const itemKey = (i: GifsetItem) => `${i.episode}@${i.fromMs}-${i.toMs}`;
const itemName = (i: GifsetItem) => `${i.episode} ${timecode(i.fromMs)} – ${timecode(i.toMs)}`;

/**
 * The gifset being collected: its clips in order (moved and removed with labelled buttons),
 * how many per row, and Build, which runs a `gifset` job on the server (renderGifset) with
 * its progress and then shows the GIFs with their sizes, downloads and a copy for a post.
 */
export function GifsetBuilder({
  series,
  set,
  look,
}: {
  series: string;
  set: GifsetItems;
  look: GifsetLook;
}) {
  const [perRow, setPerRow] = useState(2);
  const build = useJob();
  const list = useRef<HTMLOListElement>(null);
  // After a move the pressed button follows its clip, so the keyboard can keep moving it;
  // after a removal the focus goes to the next clip's Remove, not back to the page's top.
  const [refocus, setRefocus] = useState<{
    key: string;
    button: 'earlier' | 'later' | 'remove';
  } | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    list.current
      ?.querySelector<HTMLButtonElement>(`li[data-key="${refocus.key}"] button.${refocus.button}`)
      ?.focus();
    setRefocus(null);
  }, [refocus]);

  const { items } = set;
  const width = PER_ROW.find((r) => r.perRow === perRow)?.width ?? 268;
  const ready = items.length >= 2 && items.length <= MAX_CLIPS && look.maxBytes !== null;
  const result = build.job?.state === 'done' ? (build.job.result as GifsetView | null) : null;
  const p = build.job?.progress;

  const start = () => {
    if (!ready || look.maxBytes === null) return;
    const maxBytes = look.maxBytes;
    build.start(
      () =>
        api.gifset({
          series,
          clips: items.map((i) => ({ episode: i.episode, from: i.fromMs, to: i.toMs })),
          perRow,
          width,
          crop: look.crop,
          captions: look.captions,
          speakers: look.captions && look.speakers,
          ...(look.fps === null ? {} : { fps: look.fps }),
          maxBytes,
        }),
      () => {},
    );
  };
  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    if (item === undefined || index + by < 0 || index + by >= items.length) return;
    set.move(index, by);
    setRefocus({ key: itemKey(item), button: by < 0 ? 'earlier' : 'later' });
  };
  const remove = (index: number) => {
    const next = items[index + 1] ?? items[index - 1];
    set.remove(index);
    if (next !== undefined) setRefocus({ key: itemKey(next), button: 'remove' });
  };

  return (
    <section className="gifset" aria-labelledby="gifset-heading">
      <h3 id="gifset-heading">Gifset</h3>
      {items.length === 0 ? (
        <p className="hint">
          Collect two or more clips with <strong>Add range to gifset</strong> or, under a rendered
          clip, <strong>Add clip to gifset</strong>, from this episode or others of the series. They
          are rendered alike, with the look chosen above, in the order listed.
        </p>
      ) : (
        <ol className="gifset-items" ref={list} aria-label="Clips of the gifset, in order">
          {items.map((item, i) => (
            <li key={itemKey(item)} data-key={itemKey(item)}>
              <div className="gifset-item">
                <span className="what">
                  {itemName(item)} <span className="span">{item.label}</span>
                </span>
                <button
                  type="button"
                  className="earlier"
                  aria-label={`Move ${itemName(item)} earlier`}
                  aria-disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="later"
                  aria-label={`Move ${itemName(item)} later`}
                  aria-disabled={i === items.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="remove"
                  aria-label={`Remove ${itemName(item)}`}
                  onClick={() => remove(i)}
                >
                  ✕
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {items.length > MAX_CLIPS && (
        <p role="alert" className="error">
          A gifset holds at most {MAX_CLIPS} clips: remove {items.length - MAX_CLIPS}.
        </p>
      )}
      <div className="clip-row">
        <label>
          Per row
          <select value={perRow} onChange={(e) => setPerRow(Number(e.target.value))}>
            {PER_ROW.map((r) => (
              <option key={r.perRow} value={r.perRow}>
                {r.perRow} ({r.width} px)
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={start} disabled={!ready || build.busy}>
          {build.busy ? 'Building…' : `Build gifset of ${items.length}`}
        </button>
        {build.busy && (
          <>
            <progress max={100} value={p?.done ?? 0} aria-label="Building the gifset" />
            <span aria-live="polite" className="job-status">
              {build.job?.state === 'queued' ? 'Waiting…' : `${p?.label ?? ''} ${p?.done ?? 0}%`}
            </span>
          </>
        )}
        <button
          type="button"
          onClick={() => set.clear()}
          disabled={items.length === 0 || build.busy}
        >
          Clear
        </button>
        {build.error !== null && (
          <span role="alert" className="error">
            {build.error}
          </span>
        )}
      </div>
      {result !== null && <GifsetResult view={result} />}
    </section>
  );
}
