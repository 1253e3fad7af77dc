import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { api, type LibraryOverview } from './api.js';
import { ClaimsPage } from './claims-page.js';
import { ComposePage } from './compose-page.js';
import { EpisodePage } from './episode-page.js';
import { LibraryPage } from './library-page.js';
import { useRoute } from './route.js';
import { SearchPage } from './search-page.js';

/** The shell: header with navigation, the page for the route, and the `/` shortcut. */
export function App() {
  const route = useRoute();
  const [library, setLibrary] = useState<LibraryOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => {
    api
      .library()
      .then(setLibrary)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(reload, [reload]);

  useEffect(() => {
    // `/` focuses search from anywhere, except while typing in a field.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      e.preventDefault();
      if (searchInput.current) searchInput.current.focus();
      else window.location.hash = '#/search';
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <a className="skip" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/">
          Receipts
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.page === 'library' ? 'page' : undefined}>
            Library
          </a>
          <a href="#/search" aria-current={route.page === 'search' ? 'page' : undefined}>
            Search <kbd>/</kbd>
          </a>
          <a href="#/claims" aria-current={route.page === 'claims' ? 'page' : undefined}>
            Claims
          </a>
          <a href="#/compose" aria-current={route.page === 'compose' ? 'page' : undefined}>
            Compose
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {error !== null && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {route.page === 'library' && <LibraryPage library={library} onChanged={reload} />}
        {route.page === 'search' && (
          <SearchPage library={library} params={route.params} inputRef={searchInput} />
        )}
        {route.page === 'claims' && <ClaimsPage params={route.params} />}
        {route.page === 'compose' && <ComposePage />}
        {route.page === 'episode' && (
          <EpisodePage
            // A new episode or moment starts afresh (player time, highlighted line).
            key={`${route.series}/${route.episode}?${route.params.toString()}`}
            series={route.series}
            episode={route.episode}
            params={route.params}
          />
        )}
      </main>
    </>
  );
}

/** The skip link moves focus without changing the hash (the hash is the route). */
function skipToMain(e: MouseEvent) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}
