import { useEffect, useState } from 'react';
import { api, type PickableMoment, type SearchResult } from './api.js';
import { timecode } from './time.js';

const DEBOUNCE_MS = 200;

/**
 * The answer of `find` for what is typed, asked a moment after typing stops (a newer text
 * cancels the request still running). `whenEmpty`: ask for an empty text too (a first list).
 */
function useFound<T>(
  q: string,
  find: (q: string, signal: AbortSignal) => Promise<T>,
  whenEmpty: boolean,
): T | null {
  const [found, setFound] = useState<T | null>(null);
  useEffect(() => {
    if (q.trim() === '' && !whenEmpty) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      find(q.trim(), controller.signal)
        .then(setFound)
        .catch(() => {});
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `find` is a module-level function of each picker, never a new one: not a dependency.
  }, [q, whenEmpty]);
  return found;
}

/** A directive attribute's value: one line, quotes escaped. */
const attr = (s: string) => s.replace(/\s+/gu, ' ').trim().replaceAll('"', '\\"');

const findLines = (q: string, signal: AbortSignal): Promise<SearchResult> =>
  api.search(new URLSearchParams({ q, limit: '8', kind: 'cue,dialogue', typing: 'true' }), signal);

/** A small search: each hit inserts a quote or a GIF of its line at the caret. */
export function QuotePicker({ onInsert }: { onInsert: (snippet: string) => void }) {
  const [q, setQ] = useState('');
  const result = useFound(q, findLines, false);
  const hits = (result?.groups ?? []).flatMap((g) =>
    g.hits.map((h) => ({ episode: g.episode.id, hit: h })),
  );
  return (
    <div className="insert-picker">
      <label htmlFor="compose-search">Insert a line</label>
      <input
        id="compose-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search the canon…"
        autoComplete="off"
      />
      {q.trim() !== '' && hits.length > 0 && (
        <ul aria-label="Lines to insert">
          {hits.map(({ episode, hit }) => (
            <li key={`${episode}-${hit.id}`}>
              <span className="hit-text">
                <strong>{episode}</strong> {hit.speaker ? `${hit.speaker}: ` : ''}
                {hit.text}
              </span>
              <button
                type="button"
                onClick={() => onInsert(`:quote{text="${attr(hit.text)}" episode=${episode}}`)}
              >
                Quote
              </button>
              <button
                type="button"
                onClick={() => onInsert(`\n::gif{quote="${attr(hit.text)}" episode=${episode}}\n`)}
              >
                GIF
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const findMoments = (q: string, signal: AbortSignal): Promise<PickableMoment[]> =>
  api.findMoments(q, signal);

/** Who does what to whom, as the timeline's details say it. */
function people(m: PickableMoment): string {
  if (m.mutual) return m.recipients.join(' ↔ ');
  const to = m.recipients.join(', ');
  return m.initiator === null ? to : to === '' ? m.initiator : `${m.initiator} → ${to}`;
}

/** Reviewed moments by words of their description; each inserts a GIF of the moment. */
export function MomentPicker({ onInsert }: { onInsert: (snippet: string) => void }) {
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const moments = useFound(q, findMoments, open);
  return (
    <div className="insert-picker">
      <label htmlFor="compose-moments">Insert a moment</label>
      <input
        id="compose-moments"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onFocus={() => setOpen(true)}
        placeholder="kiss, a name, an episode, words of a note…"
        autoComplete="off"
      />
      {open && moments !== null && (
        <ul aria-label="Moments to insert">
          {moments.length === 0 && (
            <li className="empty">
              No reviewed moment matches. Moments are added and reviewed on an episode&apos;s page.
            </li>
          )}
          {moments.map((m) => (
            <li key={m.id}>
              <span className="hit-text">
                <strong>{m.episode}</strong> {m.termLabel} {people(m)}
                {m.startMs !== null && ` · ${timecode(m.startMs)}`}
                {m.note !== null && <em> — {m.note}</em>}
              </span>
              <button type="button" onClick={() => onInsert(`\n::gif{moment=${m.id}}\n`)}>
                GIF
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
