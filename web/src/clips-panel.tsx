import { useEffect, useState } from 'react';
import { api, frameUrl, type ClipRenderResult, type LookOptions } from './api.js';
import { ClipResult } from './clip-result.js';
import { GifsetBuilder } from './gifset-builder.js';
import { sameClip, useGifsetItems, type GifsetItem } from './gifset-items.js';
import { timecode } from './time.js';
import { useJob } from './use-job.js';

/** A range the panel can render: the in/out marks, a moment, a search hit's line. */
export interface ClipRange {
  readonly id: string;
  readonly label: string;
  readonly fromMs: number;
  readonly toMs: number;
}

type Format = 'gif' | 'webp' | 'mp4';

/** Tumblr's widths: one GIF across, two side by side, three side by side. */
const PRESETS = [
  { width: 540, label: '540 (one across)' },
  { width: 268, label: '268 (two)' },
  { width: 177, label: '177 (three)' },
] as const;

const FPS_CHOICES = [10, 12, 15, 20, 24];

/**
 * Render a clip of the episode: pick a range, a width (a Tumblr preset or custom), crop,
 * frame rate, captions, budget and format; a still of the range's start previews the look
 * as the options change, and the rendered clip is shown with its size and a download link.
 * The render is a job on the server (renderGif, through its cache), followed with progress.
 * Ranges and rendered clips can be collected into a gifset, built below with the same look.
 */
export function ClipsPanel({
  series,
  episode,
  ranges,
  hasVideo,
}: {
  series: string;
  episode: string;
  ranges: readonly ClipRange[];
  hasVideo: boolean;
}) {
  const [rangeId, setRangeId] = useState<string | null>(null);
  const [preset, setPreset] = useState<number | 'custom'>(540);
  const [custom, setCustom] = useState('400');
  const [crop, setCrop] = useState<LookOptions['crop']>('full');
  const [fps, setFps] = useState<number | null>(null);
  const [captions, setCaptions] = useState(true);
  const [speakers, setSpeakers] = useState(false);
  const [budgetMb, setBudgetMb] = useState('10');
  const [format, setFormat] = useState<Format>('gif');
  const [previewFailed, setPreviewFailed] = useState(false);
  const render = useJob();
  const gifset = useGifsetItems(series);

  // The chosen range, else the first offered (marks come first when set).
  const range = ranges.find((r) => r.id === rangeId) ?? ranges[0] ?? null;
  const width = preset === 'custom' ? Math.round(Number(custom)) : preset;
  const widthOk = Number.isInteger(width) && width >= 32 && width <= 1920;
  const budget = Number(budgetMb);
  const budgetValid = budget >= 0.001 && budget <= 1000;
  const budgetOk = format !== 'gif' || budgetValid;
  const look: LookOptions = { width: widthOk ? width : 540, crop, captions, speakers };
  const preview =
    range === null || !hasVideo
      ? null
      : frameUrl(series, episode, range.fromMs, { ...look, width: Math.min(look.width, 540) });
  useEffect(() => setPreviewFailed(false), [preview]);

  const result =
    render.job?.state === 'done' ? (render.job.result as ClipRenderResult | null) : null;
  const rangeItem: GifsetItem | null =
    range === null ? null : { episode, fromMs: range.fromMs, toMs: range.toMs, label: range.label };
  const resultItem: GifsetItem | null =
    result === null
      ? null
      : {
          episode: result.episode,
          fromMs: result.startMs,
          toMs: result.endMs,
          label: `rendered ${result.format.toUpperCase()}`,
        };
  const inGifset = (item: GifsetItem) => gifset.items.some((i) => sameClip(i, item));
  const p = render.job?.progress;
  const start = () => {
    if (range === null || !widthOk || !budgetOk) return;
    render.start(
      () =>
        api.render({
          series,
          episode,
          from: range.fromMs,
          to: range.toMs,
          ...look,
          ...(fps === null ? {} : { fps }),
          ...(format === 'gif' ? { maxBytes: Math.round(budget * 1e6) } : {}),
          format,
        }),
      () => {},
    );
  };

  if (!hasVideo) return null;
  return (
    <section className="clips" aria-labelledby="clips-heading">
      <h2 id="clips-heading">Clip</h2>
      <div className="clips-body">
        <form
          className="clip-options"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <fieldset>
            <legend>Range</legend>
            {ranges.length === 0 && (
              <p className="hint">
                Set in and out points (<kbd>I</kbd>, <kbd>O</kbd>), pick a moment, or open the
                episode from a search hit.
              </p>
            )}
            {ranges.map((r) => (
              <label key={r.id} className="check">
                <input
                  type="radio"
                  name="clip-range"
                  checked={range?.id === r.id}
                  onChange={() => setRangeId(r.id)}
                />
                <span>
                  {r.label}{' '}
                  <span className="span">
                    {timecode(r.fromMs)} – {timecode(r.toMs)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Width</legend>
            {PRESETS.map((w) => (
              <label key={w.width} className="check">
                <input
                  type="radio"
                  name="clip-width"
                  checked={preset === w.width}
                  onChange={() => setPreset(w.width)}
                />
                {w.label}
              </label>
            ))}
            <label className="check">
              <input
                type="radio"
                name="clip-width"
                checked={preset === 'custom'}
                onChange={() => setPreset('custom')}
              />
              custom
            </label>
            {preset === 'custom' && (
              <label className="inline">
                <input
                  type="number"
                  min={32}
                  max={1920}
                  value={custom}
                  aria-label="Custom width in pixels"
                  aria-invalid={!widthOk}
                  onChange={(e) => setCustom(e.target.value)}
                />{' '}
                px
              </label>
            )}
          </fieldset>
          <div className="clip-row">
            <label>
              Crop
              <select value={crop} onChange={(e) => setCrop(e.target.value as LookOptions['crop'])}>
                <option value="full">full frame</option>
                <option value="square">square (centre)</option>
              </select>
            </label>
            <label>
              Frame rate
              <select
                value={fps ?? ''}
                onChange={(e) => setFps(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">source (at most 15)</option>
                {FPS_CHOICES.map((f) => (
                  <option key={f} value={f}>
                    {f} fps
                  </option>
                ))}
              </select>
            </label>
            <label>
              Format
              <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
                <option value="gif">GIF</option>
                <option value="webp">WebP</option>
                <option value="mp4">MP4</option>
              </select>
            </label>
            {format === 'gif' && (
              <label>
                Size budget (MB)
                <input
                  type="number"
                  min={0.001}
                  step="any"
                  value={budgetMb}
                  aria-invalid={!budgetOk}
                  onChange={(e) => setBudgetMb(e.target.value)}
                />
              </label>
            )}
          </div>
          <div className="clip-row">
            <label className="check">
              <input
                type="checkbox"
                checked={captions}
                onChange={(e) => setCaptions(e.target.checked)}
              />
              Captions
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={speakers}
                disabled={!captions}
                onChange={(e) => setSpeakers(e.target.checked)}
              />
              Speaker names
            </label>
          </div>
          <div className="clip-row">
            <button
              type="submit"
              className="primary"
              disabled={range === null || !widthOk || !budgetOk || render.busy}
            >
              {render.busy ? 'Rendering…' : `Render ${format.toUpperCase()}`}
            </button>
            {render.busy && (
              <>
                <progress
                  max={100}
                  value={p?.done ?? 0}
                  aria-label={`Rendering a clip of ${episode}`}
                />
                <span aria-live="polite" className="job-status">
                  {render.job?.state === 'queued' ? 'Waiting…' : `${p?.done ?? 0}%`}
                </span>
              </>
            )}
            <button
              type="button"
              aria-disabled={rangeItem === null || inGifset(rangeItem)}
              onClick={() => rangeItem !== null && gifset.add(rangeItem)}
            >
              {rangeItem !== null && inGifset(rangeItem)
                ? 'Range in the gifset'
                : 'Add range to gifset'}
            </button>
            {render.error !== null && (
              <span role="alert" className="error">
                {render.error}
              </span>
            )}
          </div>
        </form>
        <div className="clip-views">
          {preview !== null && (
            <figure className="clip-preview">
              {previewFailed ? (
                <div className="thumb placeholder">no frame here</div>
              ) : (
                <img
                  src={preview}
                  alt={`Still at ${timecode(range?.fromMs ?? 0)}`}
                  onError={() => setPreviewFailed(true)}
                />
              )}
              <figcaption>Preview: the first frame, {look.width} px wide</figcaption>
            </figure>
          )}
          {result !== null && resultItem !== null && (
            <ClipResult
              clip={result}
              onAddToGifset={inGifset(resultItem) ? null : () => gifset.add(resultItem)}
            />
          )}
        </div>
      </div>
      <GifsetBuilder
        series={series}
        set={gifset}
        look={{
          crop,
          captions,
          speakers,
          fps,
          maxBytes: budgetValid ? Math.round(budget * 1e6) : null,
        }}
      />
    </section>
  );
}
