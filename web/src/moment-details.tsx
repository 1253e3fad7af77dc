import { useState } from 'react';
import type { MomentView } from './api.js';
import { timecode } from './time.js';

/** The selected moment: what, who, when, where it came from, and what can be done to it. */
export function MomentDetails({
  moment: m,
  busy,
  error,
  onEdit,
  onDelete,
  onReview,
  onClose,
}: {
  moment: MomentView;
  busy: boolean;
  error: string | null;
  onEdit: () => void;
  onDelete: () => void;
  onReview: (review: 'confirmed' | 'rejected') => void;
  onClose: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const when =
    m.at === null
      ? 'no time yet'
      : `${timecode(m.at.startMs)}${m.at.endMs === null ? '' : ` – ${timecode(m.at.endMs)}`}${
          m.at.from === 'line' ? ' (its transcript line)' : ''
        }`;
  const source =
    m.provenance.file === undefined
      ? null
      : `${m.provenance.file}${m.provenance.line === undefined ? '' : `:${m.provenance.line}`}`;
  return (
    <section className="moment-details" aria-labelledby="moment-heading">
      <h3 id="moment-heading">
        {m.termLabel}{' '}
        <span className={`review-tag ${m.review}`}>
          {m.review === 'suggested' ? 'suggestion' : m.review}
        </span>
      </h3>
      <dl>
        <dt>Who</dt>
        <dd>
          {m.mutual
            ? `${m.recipients.join(' and ')} (mutual)`
            : `${m.initiator ?? '—'} → ${m.recipients.join(', ') || '—'}`}
        </dd>
        <dt>When</dt>
        <dd>{when}</dd>
        {m.sourceText !== null && (
          <>
            <dt>Direction</dt>
            <dd className="direction-text">{m.sourceText}</dd>
          </>
        )}
        {m.note !== null && (
          <>
            <dt>Note</dt>
            <dd>{m.note}</dd>
          </>
        )}
        <dt>By</dt>
        <dd>
          {m.provenance.kind === 'rule' ? `rule ${m.provenance.rule ?? ''}` : m.provenance.kind}
          {m.author !== null && `, ${m.author}`}
          {source !== null && <span className="none"> · {source}</span>}
          <span className="none"> · version {m.version}</span>
        </dd>
      </dl>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        {m.review === 'suggested' && (
          <>
            <button type="button" onClick={() => onReview('confirmed')} disabled={busy}>
              Accept
            </button>
            <button type="button" onClick={() => onReview('rejected')} disabled={busy}>
              Reject
            </button>
          </>
        )}
        <button type="button" onClick={onEdit} disabled={busy}>
          Edit
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                onDelete();
              }}
              disabled={busy}
            >
              Yes, delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
        <button type="button" className="close" onClick={onClose} aria-label="Close details">
          ×
        </button>
      </div>
    </section>
  );
}
