import type { MomentView } from './api.js';
import { timecode } from './time.js';

function people(m: MomentView): string {
  if (m.mutual) return `${m.recipients.join(' and ')}, together`;
  const to = m.recipients.length > 0 ? m.recipients.join(', ') : 'nobody named';
  return `${m.initiator ?? 'someone'} → ${to}`;
}

/**
 * The episode's suggestions, one at a time: the stage direction the rule read and the act
 * it proposes, with one key per decision (A accept, R reject, E edit, N/P next/previous) and
 * the same actions as buttons. Controlled: the page owns the position and the actions.
 */
export function ReviewQueue({
  items,
  index,
  busy,
  message,
  onMove,
  onAccept,
  onReject,
  onEdit,
}: {
  items: readonly MomentView[];
  index: number;
  busy: boolean;
  message: string | null;
  onMove: (delta: 1 | -1) => void;
  onAccept: () => void;
  onReject: () => void;
  onEdit: () => void;
}) {
  const m = items[index];
  return (
    <section className="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        Review suggestions{' '}
        <span className="count">{items.length === 0 ? '' : `${index + 1} of ${items.length}`}</span>
      </h2>
      {m === undefined ? (
        <p className="none">No suggestions wait for review in this episode.</p>
      ) : (
        <>
          <blockquote className="direction">
            <p>{m.sourceText ?? '(no stage direction)'}</p>
            <footer>
              {m.provenance.file !== undefined && (
                <cite>
                  {m.provenance.file}
                  {m.provenance.line !== undefined && `:${m.provenance.line}`}
                </cite>
              )}
              {m.at !== null && <span className="time"> {timecode(m.at.startMs)}</span>}
            </footer>
          </blockquote>
          <dl className="proposal">
            <dt>Act</dt>
            <dd>
              <strong>{m.termLabel}</strong> <span className="none">({m.tier})</span>
            </dd>
            <dt>Who</dt>
            <dd>{people(m)}</dd>
            {m.part !== null && (
              <>
                <dt>Part</dt>
                <dd>{m.part}</dd>
              </>
            )}
            {m.confidence !== null && (
              <>
                <dt>Confidence</dt>
                <dd>{Math.round(m.confidence * 100)}%</dd>
              </>
            )}
          </dl>
        </>
      )}
      {message !== null && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <div className="queue-actions" role="toolbar" aria-label="Review">
        <button type="button" className="accept" onClick={onAccept} disabled={!m || busy}>
          Accept <kbd>A</kbd>
        </button>
        <button type="button" className="reject" onClick={onReject} disabled={!m || busy}>
          Reject <kbd>R</kbd>
        </button>
        <button type="button" onClick={onEdit} disabled={!m || busy}>
          Edit <kbd>E</kbd>
        </button>
        <button type="button" onClick={() => onMove(-1)} disabled={index <= 0}>
          Previous <kbd>P</kbd>
        </button>
        <button type="button" onClick={() => onMove(1)} disabled={index >= items.length - 1}>
          Next <kbd>N</kbd>
        </button>
      </div>
    </section>
  );
}
