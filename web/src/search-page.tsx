import { useEffect, useMemo, useState, type RefObject } from 'react';
import { api, type LibraryOverview, type SearchResult } from './api.js';
import { SearchFilters, type Filters } from './search-filters.js';
import { SearchResults } from './search-results.js';

const DEBOUNCE_MS = 200;
// A first page is a few screens of hits. Each hit of an episode with a video also asks
// for a frame, so a keystroke costs 20 frame requests rather than 50; "Show more" adds pages.
// The serve benchmark (bench/serve-bench.ts) asks what this page asks.
const PAGE = 20;
// Matching lines counted per keystroke; "Count all" asks for the exact number. Counting to
// 1,000 was the largest part of a search of common words, and "100+" says "many" as well.
const COUNT = 100;

/** The filters a search URL holds (`#/search?q=..&series=..`), so back and reload keep them. */
function filtersFrom(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    series: params.get('series') ?? '',
    speaker: params.get('speaker') ?? '',
    episode: params.get('episode') ?? '',
    kinds: (params.get('kind') ?? '').split(',').filter(Boolean),
  };
}

/** The filters as a query string: what the page URL keeps. */
function urlOf(f: Filters): URLSearchParams {
  const p = new URLSearchParams({ q: f.q.trim() });
  if (f.series) p.set('series', f.series);
  if (f.speaker) p.set('speaker', f.speaker);
  if (f.episode) p.set('episode', f.episode);
  if (f.kinds.length > 0) p.set('kind', f.kinds.join(','));
  return p;
}

/** What the API is asked: the filters, a page of hits, a line of context around each. */
function queryOf(f: Filters, limit: number, countAll: boolean): URLSearchParams {
  const p = urlOf(f);
  p.set('limit', String(limit));
  p.set('count', countAll ? 'all' : String(COUNT));
  p.set('context', '1');
  p.set('typing', 'true');
  return p;
}

/**
 * Results as you type: each change waits a moment (debounce) and cancels the request still
 * running for the previous text, so a slow answer never replaces a newer one.
 */
export function SearchPage({
  library,
  params,
  inputRef,
}: {
  library: LibraryOverview | null;
  params: URLSearchParams;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(params));
  const [limit, setLimit] = useState(PAGE);
  const [countAll, setCountAll] = useState(false);
  // The last result stays on screen while the next one is fetched: no flicker as you type.
  const [result, setResult] = useState<SearchResult | null>(null);
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (filters.q.trim() === '') {
      setResult(null);
      setSearching(false);
      setFailure(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      // Keep the search in the URL without adding a history entry per keystroke.
      window.history.replaceState(null, '', `#/search?${urlOf(filters).toString()}`);
      setSearching(true);
      api
        .search(queryOf(filters, limit, countAll), controller.signal)
        .then((r) => {
          setResult(r);
          setFailure(null);
          setSearching(false);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setFailure(e instanceof Error ? e.message : String(e));
          setSearching(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [filters, limit, countAll]);

  // Episodes with a video: only their hits get a frame (the others a placeholder, no request).
  const withVideo = useMemo(
    () =>
      new Set(
        (library?.series ?? []).flatMap((s) =>
          s.episodes.filter((e) => e.video).map((e) => `${s.id}/${e.id}`),
        ),
      ),
    [library],
  );

  const change = (next: Partial<Filters>) => {
    setLimit(PAGE);
    setCountAll(false);
    setFilters((f) => ({ ...f, ...next }));
  };

  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">Search</h1>
      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="q">Words, &quot;a phrase&quot;, pre*, -excluded</label>
        <input
          id="q"
          ref={inputRef}
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={filters.q}
          onChange={(e) => change({ q: e.target.value })}
          placeholder="Search every line (press / to come back here)"
        />
        <SearchFilters library={library} filters={filters} onChange={change} />
      </form>
      <div aria-live="polite" className="search-status">
        {searching && 'Searching…'}
        {failure !== null && <span className="error">{failure}</span>}
      </div>
      {result !== null && failure === null && (
        <div aria-busy={searching}>
          <SearchResults
            result={result}
            onMore={result.total > limit ? () => setLimit((n) => n + PAGE) : null}
            onCountAll={result.totalCapped ? () => setCountAll(true) : null}
            hasVideo={(series, episode) => withVideo.has(`${series}/${episode}`)}
          />
        </div>
      )}
    </section>
  );
}
