import { useState, type FormEvent } from 'react';
import { api, type DraftCheckView } from './api.js';
import { VerdictBadge, VerdictView } from './verdict-view.js';

/** Paste a draft; every sentence that makes a canon claim is listed with its verdict. */
export function DraftChecker({ includeSuggested }: { includeSuggested: boolean }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<DraftCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    api
      .checkDraft(text, includeSuggested)
      .then(setResult)
      .catch((x: unknown) => {
        setResult(null);
        setError(x instanceof Error ? x.message : String(x));
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Check a draft</h2>
      <form onSubmit={submit}>
        <label htmlFor="draft-text">
          Paste a draft (Markdown or plain text): sentences with “the only time”, “never”, “always”,
          “more … than” are checked.
        </label>
        <textarea id="draft-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={text.trim() === '' || busy}>
          {busy ? 'Checking…' : 'Check draft'}
        </button>
      </form>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result !== null && (
        <div className="findings" aria-live="polite">
          <p>
            {result.findings.length === 0
              ? `No canon claims found in ${result.sentences} sentence(s).`
              : `${result.findings.length} claim(s) in ${result.sentences} sentence(s):`}
          </p>
          <ol>
            {result.findings.map((f, i) => (
              <li key={i} className={`finding ${f.severity}`}>
                <details>
                  <summary>
                    <span className="place">
                      {f.line}:{f.column}
                    </span>{' '}
                    {f.verdict !== null ? (
                      <VerdictBadge verdict={f.verdict.verdict} />
                    ) : (
                      <span className="verdict-badge not-checkable">Not checkable</span>
                    )}{' '}
                    <q>{f.sentence}</q>
                  </summary>
                  {f.verdict === null && <p>{f.reason}</p>}
                  {f.notes.length > 0 && (
                    <ul className="notes">
                      {f.notes.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  )}
                  {f.verdict !== null && (
                    <VerdictView result={{ series: result.series, verdict: f.verdict }} />
                  )}
                </details>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
