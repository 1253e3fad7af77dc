import type { LibraryOverview } from './api.js';

/** What the user narrows a search by; empty strings mean "any". */
export interface Filters {
  readonly q: string;
  readonly series: string;
  readonly speaker: string;
  readonly episode: string;
  readonly kinds: readonly string[];
}

const KINDS: readonly [string, string][] = [
  ['cue', 'Subtitle cues'],
  ['dialogue', 'Transcript dialogue'],
  ['action', 'Stage directions'],
  ['scene', 'Scene headings'],
];

/**
 * Series, speaker, episode and kind. Speakers and episodes come from the chosen series (or
 * the only one), so each list holds only names and ids the library knows.
 */
export function SearchFilters({
  library,
  filters,
  onChange,
}: {
  library: LibraryOverview | null;
  filters: Filters;
  onChange: (next: Partial<Filters>) => void;
}) {
  const all = library?.series ?? [];
  const series =
    all.find((s) => s.id === filters.series) ?? (all.length === 1 ? all[0] : undefined);
  const toggleKind = (k: string, on: boolean) =>
    onChange({ kinds: on ? [...filters.kinds, k] : filters.kinds.filter((x) => x !== k) });
  return (
    <div className="filters">
      {all.length > 1 && (
        <label>
          Series
          <select
            value={filters.series}
            onChange={(e) => onChange({ series: e.target.value, speaker: '', episode: '' })}
          >
            <option value="">Every series</option>
            {all.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Speaker
        <select value={filters.speaker} onChange={(e) => onChange({ speaker: e.target.value })}>
          <option value="">Anyone</option>
          {(series?.characters ?? []).map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Episode
        <select
          value={filters.episode}
          onChange={(e) => onChange({ episode: e.target.value })}
          disabled={!series}
          title={series ? undefined : 'Choose a series first'}
        >
          <option value="">Every episode</option>
          {(series?.episodes ?? []).map((e) => (
            <option key={e.id} value={e.id}>
              {e.id}
              {e.title ? ` ${e.title}` : ''}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="kinds">
        <legend>Kind (none ticked: all)</legend>
        {KINDS.map(([k, label]) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={filters.kinds.includes(k)}
              onChange={(e) => toggleKind(k, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
