import type { LibraryOverview, SeriesOverview } from './api.js';
import { AlignButton } from './align-button.js';
import { IngestForm } from './ingest-form.js';
import { episodeHref } from './route.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Series and episodes, with what is ingested, aligned and annotated at a glance. */
export function LibraryPage({
  library,
  onChanged,
}: {
  library: LibraryOverview | null;
  onChanged: () => void;
}) {
  if (library === null) return <p aria-live="polite">Loading the library…</p>;
  if (library.series.length === 0) {
    return (
      <section className="empty-library" aria-labelledby="library-heading">
        <h1 id="library-heading">Library</h1>
        <p className="lead">
          No series yet. Point Receipts at a folder of episodes, subtitles and transcripts:
        </p>
        <IngestForm onDone={onChanged} />
        <p className="hint">
          Episodes are named from the file names (<code>Show - 01x01 - Title.srt</code>,{' '}
          <code>Show.S01E01.Title.mkv</code>, <code>0101.txt</code>); the folder gets a{' '}
          <code>canon.yaml</code> listing them, which you can edit later to add characters and
          aliases. The path is read on this machine, relative to the folder{' '}
          <code>receipts serve</code> was started in.
        </p>
        <p className="hint">
          The same in a terminal: <code>receipts init &lt;folder&gt;</code>, then{' '}
          <code>receipts ingest &lt;folder&gt;/canon.yaml</code>.
        </p>
      </section>
    );
  }
  return (
    <>
      <h1>Library</h1>
      {library.series.map((s) => (
        <SeriesSection key={s.id} series={s} onChanged={onChanged} />
      ))}
      <IngestForm onDone={onChanged} />
    </>
  );
}

function SeriesSection({ series, onChanged }: { series: SeriesOverview; onChanged: () => void }) {
  const eps = series.episodes;
  const count = (f: (e: SeriesOverview['episodes'][number]) => boolean) => eps.filter(f).length;
  const summary: [string, number][] = [
    ['with subtitles', count((e) => e.subtitles > 0)],
    ['with transcripts', count((e) => e.transcripts > 0)],
    ['aligned', count((e) => e.aligned !== null)],
    ['with video', count((e) => e.video)],
    ['annotated', count((e) => e.moments.confirmed > 0)],
  ];
  const headingId = `series-${series.id}`;
  return (
    <section className="series" aria-labelledby={headingId}>
      <div className="series-head">
        <h2 id={headingId}>{series.title}</h2>
        <AlignButton series={series} onDone={onChanged} />
      </div>
      <ul className="coverage" aria-label="Coverage">
        {summary.map(([label, n]) => (
          <li key={label}>
            <meter min={0} max={eps.length} value={n} aria-label={label} />
            <span>
              {n} of {eps.length} {label}
            </span>
          </li>
        ))}
      </ul>
      <table className="episodes">
        <caption className="visually-hidden">Episodes of {series.title} in canon order</caption>
        <thead>
          <tr>
            <th scope="col">Episode</th>
            <th scope="col">Title</th>
            <th scope="col" className="num">
              Cues
            </th>
            <th scope="col" className="num">
              Transcript
            </th>
            <th scope="col">Aligned</th>
            <th scope="col">Video</th>
            <th scope="col">Moments</th>
          </tr>
        </thead>
        <tbody>
          {eps.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <a href={episodeHref(series.id, e.id)}>{e.id}</a>
              </th>
              <td>{e.title ?? ''}</td>
              <td className="num">{e.cues || <span className="none">none</span>}</td>
              <td className="num">{e.transcriptLines || <span className="none">none</span>}</td>
              <td>
                {e.aligned ? (
                  <span className="yes" title={`lines ${pct(e.aligned.lineMatch)}`}>
                    cues {pct(e.aligned.cueMatch)}
                  </span>
                ) : (
                  <span className="none">no</span>
                )}
              </td>
              <td>
                {e.video ? <span className="yes">yes</span> : <span className="none">no</span>}
              </td>
              <td>
                {e.moments.confirmed + e.moments.suggested === 0 ? (
                  <span className="none">none</span>
                ) : (
                  `${e.moments.confirmed} confirmed, ${e.moments.suggested} suggested`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
