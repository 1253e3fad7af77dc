import { useEffect, useRef, useState } from 'react';
import { api, type ComposeFindingView, type ComposeTarget, type ComposeView } from './api.js';
import { MomentPicker, QuotePicker } from './insert-pickers.js';
import { useJob } from './use-job.js';

const DEBOUNCE_MS = 400;
const TARGETS: readonly { id: ComposeTarget; label: string }[] = [
  { id: 'html', label: 'HTML' },
  { id: 'tumblr', label: 'Tumblr' },
  { id: 'ao3', label: 'AO3' },
  { id: 'markdown', label: 'Markdown' },
];
const DRAFT_KEY = 'receipts.compose.draft';

const STARTER = `---
title: A new post
---

# A new post

Write here. :quote{text="..." episode=S01E01} cites a line;
::gif{quote="..." episode=S01E01} is a GIF of it.
`;

/**
 * The composer: Markdown on the left, the post for a target on the right, composed by the
 * server a moment after typing stops (a newer request cancels the one still running). GIFs
 * are placeholders until "Render GIFs" renders them as a job.
 */
export function ComposePage() {
  const [text, setText] = useState(() => localStorage.getItem(DRAFT_KEY) ?? STARTER);
  const [target, setTarget] = useState<ComposeTarget>('html');
  const [baseUrl, setBaseUrl] = useState('');
  const [view, setView] = useState<ComposeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const editor = useRef<HTMLTextAreaElement>(null);
  const render = useJob();
  const validBase = baseUrl.trim() === '' || /^https?:\/\/\S+$/iu.test(baseUrl.trim());
  const input = {
    text,
    to: target,
    ...(baseUrl.trim() === '' || !validBase ? {} : { baseUrl: baseUrl.trim() }),
  };
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    localStorage.setItem(DRAFT_KEY, text);
  }, [text]);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setBusy(true);
      api
        .compose(JSON.parse(inputKey) as typeof input, controller.signal)
        .then((v) => {
          setView(v);
          setError(null);
          setBusy(false);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setError(e instanceof Error ? e.message : String(e));
          setBusy(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [inputKey]);

  // A finished render replaces the preview, if the post has not changed since it started.
  const renderedFor = useRef<string | null>(null);
  useEffect(() => {
    const job = render.job;
    if (job?.state === 'done' && renderedFor.current === inputKey) {
      setView(job.result as ComposeView);
    }
  }, [render.job, inputKey]);

  const startRender = () => {
    renderedFor.current = inputKey;
    render.start(
      () => api.composeRender(input),
      () => {},
    );
  };

  const goTo = (f: ComposeFindingView) => {
    const area = editor.current;
    if (!area || f.line === null) return;
    const lines = area.value.split('\n');
    const before = lines.slice(0, f.line - 1).reduce((n, l) => n + l.length + 1, 0);
    const at = Math.min(area.value.length, before + Math.max(0, (f.column ?? 1) - 1));
    area.focus();
    area.setSelectionRange(at, at);
    // Scroll the line into view: its share of the text's height.
    area.scrollTop = Math.max(0, (f.line - 3) * (area.scrollHeight / Math.max(1, lines.length)));
  };

  const insert = (snippet: string) => {
    const area = editor.current;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    const next = text.slice(0, start) + snippet + text.slice(end);
    setText(next);
    window.requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const copy = () => {
    if (!view) return;
    navigator.clipboard
      .writeText(view.text)
      .then(() => setNote(`Copied ${view.fileName}.`))
      .catch(() => setNote('The browser did not allow copying.'));
  };

  const download = () => {
    if (!view) return;
    const type = view.target === 'tumblr' ? 'application/json' : 'text/plain';
    const href = URL.createObjectURL(new Blob([view.text], { type }));
    const a = document.createElement('a');
    a.href = href;
    a.download = view.fileName;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(href), 1000);
  };

  const progress = render.job?.progress;
  const stale = view !== null && view.rendered && renderedFor.current !== inputKey;

  return (
    <div className="compose">
      <h1>Compose</h1>
      <div className="compose-grid">
        <section className="compose-editor" aria-label="Post">
          <label htmlFor="compose-text">Post (Markdown with directives)</label>
          <textarea
            id="compose-text"
            ref={editor}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            rows={24}
          />
          <QuotePicker onInsert={insert} />
          <MomentPicker onInsert={insert} />
        </section>
        <section className="compose-preview" aria-label="Preview">
          <div className="compose-bar">
            <div role="tablist" aria-label="Target">
              {TARGETS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  aria-selected={target === t.id}
                  onClick={() => setTarget(t.id)}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <span className="compose-state" aria-live="polite">
              {busy ? 'Composing…' : view ? view.fileName : ''}
            </span>
          </div>
          <div className="compose-actions">
            <button type="button" onClick={copy} disabled={!view}>
              Copy
            </button>
            <button type="button" onClick={download} disabled={!view}>
              Download
            </button>
            <button
              type="button"
              className="primary"
              onClick={startRender}
              disabled={render.busy || !view || view.gifs.length === 0}
            >
              {render.busy ? 'Rendering…' : 'Render GIFs'}
            </button>
            {render.busy && progress && (
              <>
                <progress max={progress.total} value={progress.done} aria-label="Rendering GIFs" />
                <span className="job-status">{progress.label}</span>
              </>
            )}
            {render.error !== null && (
              <span role="alert" className="error">
                {render.error}
              </span>
            )}
            <span aria-live="polite" className="job-status">
              {note}
            </span>
          </div>
          <label className="compose-base">
            Base URL of the GIFs (optional; AO3 needs one){' '}
            <input
              type="url"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              placeholder="https://example.org/gifs/"
              aria-invalid={!validBase}
            />
          </label>
          {error !== null && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {view !== null && (
            <>
              <p className="compose-note">
                {view.gifs.length === 0
                  ? 'No GIFs in this post.'
                  : view.rendered
                    ? `${view.gifs.length} GIF(s) rendered.`
                    : `${view.gifs.length} GIF(s) shown as placeholders: Render GIFs to see them.`}
                {stale
                  ? ' The post has changed since the render: render again to see its GIFs.'
                  : ''}
              </p>
              <Preview view={view} />
              <Findings findings={view.findings} onPick={goTo} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** The post for its target: HTML in a sandboxed frame, Tumblr's blocks, or the text. */
function Preview({ view }: { view: ComposeView }) {
  if (view.target === 'html') {
    return (
      <iframe className="compose-frame" title="HTML preview" sandbox="" srcDoc={view.preview} />
    );
  }
  if (view.target === 'tumblr') return <TumblrPreview view={view} />;
  return (
    <pre className="compose-text" aria-label={`${view.target} output`}>
      {view.text}
    </pre>
  );
}

interface NpfBlock {
  readonly type: string;
  readonly text?: string;
  readonly subtype?: string;
  readonly alt_text?: string;
  readonly caption?: string;
  readonly media?: readonly { readonly url?: string; readonly identifier?: string }[];
}

/** NPF blocks drawn roughly one by one, then the JSON itself. */
function TumblrPreview({ view }: { view: ComposeView }) {
  let blocks: readonly NpfBlock[] = [];
  try {
    blocks = (JSON.parse(view.text) as { content?: NpfBlock[] }).content ?? [];
  } catch {
    blocks = [];
  }
  const gifUrl = (m: { url?: string; identifier?: string } | undefined) => {
    const name = m?.identifier ?? decodeURIComponent(m?.url?.split('/').pop() ?? '');
    return view.gifs.find((g) => g.file === name)?.url ?? null;
  };
  return (
    <>
      <ol className="npf-blocks" aria-label="Tumblr blocks">
        {blocks.map((b, i) => (
          <li key={i} className={`npf-${b.type}`}>
            <span className="npf-kind">{b.subtype ? `${b.type} · ${b.subtype}` : b.type}</span>
            {b.type === 'text' && <p>{b.text}</p>}
            {b.type === 'image' && (
              <figure>
                {gifUrl(b.media?.[0]) !== null ? (
                  <img src={gifUrl(b.media?.[0])!} alt={b.alt_text ?? ''} />
                ) : (
                  <span>{b.alt_text}</span>
                )}
                {b.caption && <figcaption>{b.caption}</figcaption>}
              </figure>
            )}
          </li>
        ))}
      </ol>
      <details open>
        <summary>NPF JSON</summary>
        <pre className="compose-text" aria-label="NPF JSON">
          {prettyJson(view.text)}
        </pre>
      </details>
    </>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Findings({
  findings,
  onPick,
}: {
  findings: readonly ComposeFindingView[];
  onPick: (f: ComposeFindingView) => void;
}) {
  return (
    <section className="compose-findings" aria-labelledby="compose-findings-heading">
      <h2 id="compose-findings-heading">
        {findings.length === 0 ? 'No findings' : `Findings (${findings.length})`}
      </h2>
      <ol>
        {findings.map((f, i) => (
          <li key={i} className={`finding ${f.severity}`}>
            {f.line !== null ? (
              <button type="button" className="place" onClick={() => onPick(f)}>
                {f.line}:{f.column ?? 1}
              </button>
            ) : (
              <span className="place">—</span>
            )}{' '}
            <span className="rule">{f.rule}</span> {f.reason}
          </li>
        ))}
      </ol>
    </section>
  );
}
