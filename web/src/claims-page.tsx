import { useEffect, useState, type FormEvent } from 'react';
import { api, type ClaimCheckView } from './api.js';
import { DraftChecker } from './draft-checker.js';
import { VerdictView } from './verdict-view.js';

/**
 * Claims: type one in the short form and see its verdict with the receipts, or paste a
 * draft and see every claim sentence checked. The claim and the toggle live in the URL
 * (`#/claims?q=...&suggested=1`), so a verdict can be linked and Back works.
 */
export function ClaimsPage({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const suggested = params.get('suggested') === '1';
  const [text, setText] = useState(q);
  const [withSuggested, setWithSuggested] = useState(suggested);
  const [result, setResult] = useState<ClaimCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (q.trim() === '') {
      setResult(null);
      return;
    }
    const abort = new AbortController();
    setBusy(true);
    setError(null);
    api
      .claim(q, suggested, abort.signal)
      .then(setResult)
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        setResult(null);
        setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setBusy(false));
    return () => abort.abort();
  }, [q, suggested]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams({ q: text.trim() });
    if (withSuggested) next.set('suggested', '1');
    window.location.hash = `#/claims?${next.toString()}`;
  };

  return (
    <div className="claims">
      <h1>Claims</h1>
      <form className="claim-form" onSubmit={submit} role="search" aria-label="Check a claim">
        <label htmlFor="claim">Claim</label>
        <div className="claim-row">
          <input
            id="claim"
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="never Mara kiss Tomas"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="claim-help"
          />
          <button type="submit" className="primary" disabled={text.trim() === '' || busy}>
            {busy ? 'Checking…' : 'Check'}
          </button>
        </div>
        <label className="toggle">
          <input
            type="checkbox"
            checked={withSuggested}
            onChange={(e) => setWithSuggested(e.target.checked)}
          />{' '}
          Include suggestions (count unreviewed suggestions as evidence, and episodes the suggester
          read as covered)
        </label>
        <details id="claim-help" className="syntax">
          <summary>How to write a claim</summary>
          <pre>{`<quantifier> <pattern> [op <pattern or number>] [at <episode>] [in <episodes>]
  quantifiers: only, never, first, last, count, compare, find
  pattern:     [Name] <act> [Name, Name...]  |  Name[ and Name] <act>
               Name says "phrase" [to Name]
  acts are codebook terms or their synonyms; a parent term (affection) means all under it
  also: on <part>, as <reading>, mutual, in S01E01-S01E13, story order`}</pre>
          <p>Examples:</p>
          <ul>
            <li>
              <code>only Tomas hold-hands Mara</code>
            </li>
            <li>
              <code>never Mara says &quot;I love you&quot; to Tomas</code>
            </li>
            <li>
              <code>compare Mara affection Tomas &gt; Tomas affection Mara</code>
            </li>
            <li>
              <code>count Mara kiss &gt;= 2 in S01E01-S01E02</code>
            </li>
          </ul>
          <p>
            <em>Only</em> and <em>never</em> are supported only when every episode in range is
            covered: marked reviewed by a person or, with suggestions included, read by the
            suggester.
          </p>
        </details>
      </form>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result !== null && <VerdictView result={result} />}
      <DraftChecker includeSuggested={withSuggested} />
    </div>
  );
}
