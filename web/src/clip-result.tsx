import type { ClipRenderResult } from './api.js';

/** `84 KB`, `9.73 MB`: bytes as a GIF maker reads them (decimal, as Tumblr counts). */
export function sizeText(bytes: number): string {
  return bytes >= 1e6
    ? `${(bytes / 1e6).toFixed(2)} MB`
    : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

/** The rendered clip itself, what it came to, a download link, and a way into a gifset. */
export function ClipResult({
  clip,
  onAddToGifset,
}: {
  clip: ClipRenderResult;
  /** Put the clip's range in the gifset being collected; null when it is already there. */
  onAddToGifset: (() => void) | null;
}) {
  return (
    <figure className="clip-result">
      {clip.format === 'mp4' ? (
        <video src={clip.url} autoPlay loop muted playsInline controls width={clip.width} />
      ) : (
        <img src={clip.url} alt={`Rendered clip ${clip.fileName}`} width={clip.width} />
      )}
      <figcaption>
        <p className="clip-facts" aria-live="polite">
          <strong>{sizeText(clip.bytes)}</strong>
          {clip.maxBytes !== null && ` of ${sizeText(clip.maxBytes)}`} · {clip.width}×{clip.height}{' '}
          · {clip.fps} fps · {clip.frames} frames
          {clip.captions > 0 && ` · ${clip.captions} caption${clip.captions === 1 ? '' : 's'}`}
          {clip.cached && ' · from the cache'}
        </p>
        {clip.budgetSteps.length > 0 && (
          <ol className="budget-steps" aria-label="Steps taken to fit the budget">
            {clip.budgetSteps.map((s, i) => (
              <li key={i}>
                {s.step}: {sizeText(s.bytes)}
              </li>
            ))}
          </ol>
        )}
        <div className="clip-row">
          <a href={clip.url} download={clip.fileName}>
            Download {clip.fileName}
          </a>
          {/* aria-disabled, not disabled: the button keeps the focus once the clip is added. */}
          <button
            type="button"
            aria-disabled={onAddToGifset === null}
            onClick={() => onAddToGifset?.()}
          >
            {onAddToGifset ? 'Add clip to gifset' : 'Clip in the gifset'}
          </button>
        </div>
      </figcaption>
    </figure>
  );
}
