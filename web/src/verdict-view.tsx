import type { ClaimCheckView } from './api.js';
import { episodeHref } from './route.js';
import { timecode } from './time.js';

type Verdict = ClaimCheckView['verdict'];
type Evidence = Verdict['evidence'][number];

const VERDICT_TEXT: Record<Verdict['verdict'], string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  'insufficient-coverage': 'Not enough coverage',
  'no-evidence': 'No evidence',
};

/** A verdict's badge: colour and words, never colour alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict['verdict'] }) {
  return <span className={`verdict-badge ${verdict}`}>{VERDICT_TEXT[verdict]}</span>;
}

/** One piece of evidence: a link into the episode at its time (or its transcript line). */
function EvidenceItem({ series, e }: { series: string; e: Evidence }) {
  const moment = e.kind === 'moment' && !e.id.startsWith('line:') ? e.id : undefined;
  const href = episodeHref(series, e.episode, {
    t: e.startMs,
    src: e.source?.line ?? null,
    ...(moment === undefined ? {} : { moment }),
  });
  return (
    <li className="evidence">
      <a href={href}>
        <span className="ep">{e.episode}</span>
        <span className="time">{e.startMs === null ? '—' : timecode(e.startMs)}</span>
        <span className="text">
          {e.kind === 'dialogue' && e.speaker ? (
            <strong>
              {e.speaker}
              {e.listener ? ` → ${e.listener}` : ''}:{' '}
            </strong>
          ) : null}
          {e.text}
          {e.review === 'suggested' && <span className="review-tag suggested">suggestion</span>}
        </span>
      </a>
      {e.source !== null && (
        <span className="source">
          {e.source.file}:{e.source.line}
        </span>
      )}
    </li>
  );
}

function EvidenceList({
  title,
  items,
  series,
  note,
}: {
  title: string;
  items: readonly Evidence[];
  series: string;
  note?: string;
}) {
  if (items.length === 0) return null;
  return (
    <section className="evidence-list">
      <h3>
        {title} <span className="count">({items.length})</span>
      </h3>
      {note !== undefined && <p className="hint">{note}</p>}
      <ol>
        {items.map((e, i) => (
          <EvidenceItem key={`${e.id}-${i}`} series={series} e={e} />
        ))}
      </ol>
    </section>
  );
}

/**
 * A checked claim: the verdict and its sentence, then the receipts (evidence or
 * counter-examples, each opening the episode there), the stage directions nobody has read
 * yet, and the coverage the verdict rests on.
 */
export function VerdictView({ result }: { result: ClaimCheckView }) {
  const v = result.verdict;
  const series = result.series.id;
  const c = v.coverage;
  return (
    <div className="verdict" aria-live="polite">
      <p className="verdict-line">
        <VerdictBadge verdict={v.verdict} /> <span className="explanation">{v.explanation}</span>
      </p>
      <EvidenceList title="Counter-examples" items={v.counterexamples} series={series} />
      <EvidenceList
        title={v.otherEvidence !== undefined ? 'Evidence for the first pattern' : 'Evidence'}
        items={v.evidence.filter((e) => !v.counterexamples.some((x) => x.id === e.id))}
        series={series}
      />
      {v.otherEvidence !== undefined && (
        <EvidenceList
          title="Evidence for the second pattern"
          items={v.otherEvidence}
          series={series}
        />
      )}
      <EvidenceList
        title="Stage directions to review"
        items={v.unread}
        series={series}
        note="They mention the act and the people, but no moment records them: review them before relying on the verdict."
      />
      <section className="coverage-box">
        <h3>Coverage</h3>
        <p>
          <meter min={0} max={Math.max(c.inRange, 1)} value={c.covered} aria-hidden="true" />{' '}
          <strong>
            {c.covered} of {c.inRange}
          </strong>{' '}
          episodes in range covered ({c.episodes} in the canon): {c.basis}.
        </p>
        {c.missing.length > 0 && (
          <p>
            Not covered:{' '}
            {c.missing.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <a href={episodeHref(series, id)}>{id}</a>
              </span>
            ))}
          </p>
        )}
        <p className="hint">
          Checked in {v.ms} ms{v.includeSuggested ? ', counting unreviewed suggestions' : ''}.
        </p>
      </section>
    </div>
  );
}
