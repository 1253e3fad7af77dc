import { useEffect, useState } from 'react';

/**
 * Where the UI is: `#/`, `#/search?q=...`, `#/claims?q=...`, `#/compose`,
 * `#/episode/<series>/<episode>?t=<ms>`.
 */
export type Route =
  | { readonly page: 'library' }
  | { readonly page: 'search'; readonly params: URLSearchParams }
  | { readonly page: 'claims'; readonly params: URLSearchParams }
  | { readonly page: 'compose' }
  | {
      readonly page: 'episode';
      readonly series: string;
      readonly episode: string;
      readonly params: URLSearchParams;
    };

/** Read a location hash as a route; anything unknown is the library. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/u, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] === 'search') return { page: 'search', params };
  if (parts[0] === 'claims') return { page: 'claims', params };
  if (parts[0] === 'compose') return { page: 'compose' };
  if (parts[0] === 'episode' && parts[1] && parts[2]) {
    return { page: 'episode', series: parts[1], episode: parts[2], params };
  }
  return { page: 'library' };
}

/**
 * The link to an episode, at a time (ms) and line when given: `line` is a line's id in the
 * library, `src` a 1-based line of the episode's transcript file (as evidence cites it).
 */
export function episodeHref(
  series: string,
  episode: string,
  at?: { t?: number | null; line?: number; src?: number | null; moment?: string },
): string {
  const params = new URLSearchParams();
  if (at?.t !== undefined && at.t !== null) params.set('t', String(at.t));
  if (at?.line !== undefined) params.set('line', String(at.line));
  if (at?.src !== undefined && at.src !== null) params.set('src', String(at.src));
  if (at?.moment !== undefined) params.set('moment', at.moment);
  const q = params.toString();
  return `#/episode/${encodeURIComponent(series)}/${encodeURIComponent(episode)}${q ? `?${q}` : ''}`;
}

/** The current route, following the hash (links, back and forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
