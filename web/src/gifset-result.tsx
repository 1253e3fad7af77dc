import { useState } from 'react';
import type { GifsetGifView, GifsetView } from './api.js';
import { sizeText } from './clip-result.js';
import { timecode } from './time.js';

/** `0:13.000`, `1:02:03.450`: a time as the composer's `from=` and `to=` read it. */
export function directiveTime(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const s = Math.floor(whole / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = `${String(s % 60).padStart(2, '0')}.${String(whole % 1000).padStart(3, '0')}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The set as a `:::gifset` block for the composer, which renders the same ranges alike. */
export function gifsetDirective(view: GifsetView): string {
  const gif = (g: GifsetGifView) =>
    `::gif{episode=${g.episode} from=${directiveTime(g.startMs)} to=${directiveTime(g.endMs)}}`;
  return [`:::gifset{per-row=${view.perRow}}`, ...view.gifs.map(gif), ':::'].join('\n');
}

/**
 * A built gifset laid out in its rows, with each GIF's size against the budget, a download
 * link per file and for the layout, and a copy of the set as a post directive.
 */
export function GifsetResult({ view }: { view: GifsetView }) {
  const [note, setNote] = useState('');
  const byFile = new Map(view.gifs.map((g) => [g.file, g]));
  const copy = () => {
    navigator.clipboard
      .writeText(gifsetDirective(view))
      .then(() => setNote('Copied the :::gifset directive.'))
      .catch(() => setNote('The browser did not allow copying.'));
  };
  return (
    <figure className="gifset-result" aria-labelledby="gifset-result-caption">
      <div className="gifset-rows">
        {view.rows.map((row, r) => (
          <div className="gifset-row" key={r}>
            {row.map((file) => {
              const g = byFile.get(file);
              return g === undefined ? null : (
                <img
                  key={file}
                  src={g.url}
                  width={g.width}
                  height={g.height}
                  alt={`${g.episode} ${timecode(g.startMs)} – ${timecode(g.endMs)}`}
                />
              );
            })}
          </div>
        ))}
      </div>
      <figcaption id="gifset-result-caption">
        <p className="clip-facts" aria-live="polite">
          <strong>
            {view.gifs.length} GIFs, {sizeText(view.totalBytes)} in all
          </strong>{' '}
          · {view.width} px · {view.fps} fps · {view.perRow} per row
        </p>
        <ul className="gifset-files" aria-label="Files of the gifset">
          {view.gifs.map((g) => (
            <li key={g.file}>
              <a href={g.url} download={g.file}>
                {g.file}
              </a>{' '}
              <span className="facts">
                {sizeText(g.bytes)} of {sizeText(view.maxBytes)} · {g.width}×{g.height} · {g.frames}{' '}
                frames
                {g.budgetSteps.length > 0 && ` · ${g.budgetSteps.map((s) => s.step).join(', ')}`}
              </span>
            </li>
          ))}
        </ul>
        <div className="clip-row">
          <a href={view.layoutUrl} download={view.layoutFile}>
            Download layout {view.layoutFile}
          </a>
          <button type="button" onClick={copy}>
            Copy as a post directive
          </button>
          <span aria-live="polite" className="job-status">
            {note}
          </span>
        </div>
      </figcaption>
    </figure>
  );
}
