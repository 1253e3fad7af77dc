import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MomentInput, TierView } from './api.js';
import { isTyping } from './player-control.js';
import { timecode } from './time.js';

/** What the form starts from: a new moment's in/out points, or the moment being edited. */
export interface MomentDraft {
  readonly tier: string;
  readonly term: string | null;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
  readonly fromMs: number | null;
  readonly toMs: number | null;
  readonly note: string | null;
}

/** What the next number key picks: a term (default), the initiator, or a recipient. */
type Picking = 'term' | 'initiator' | 'recipient';

/**
 * Add or edit a moment: a term from the codebook (number keys 1-9 pick the tier's first
 * terms), who initiates and who receives (the canon's characters, those who speak most in the
 * episode first: B then 1-9 picks the initiator, T then 1-9 toggles a recipient, M toggles
 * mutual), a note. Times come from the I and O keys. Saving sends only what the app
 * validates; its message shows here.
 */
export function MomentForm({
  title,
  draft,
  tiers,
  characters,
  busy,
  error,
  submitLabel,
  onSave,
  onCancel,
  withTimes = true,
}: {
  title: string;
  draft: MomentDraft;
  tiers: readonly TierView[];
  characters: readonly string[];
  busy: boolean;
  error: string | null;
  submitLabel: string;
  onSave: (input: MomentInput) => void;
  onCancel: () => void;
  withTimes?: boolean;
}) {
  const [tier, setTier] = useState(draft.tier);
  const [term, setTerm] = useState<string | null>(draft.term);
  const [initiator, setInitiator] = useState<string | null>(draft.initiator);
  const [recipients, setRecipients] = useState<readonly string[]>(draft.recipients);
  const [mutual, setMutual] = useState(draft.mutual);
  const [note, setNote] = useState(draft.note ?? '');
  const [picking, setPicking] = useState<Picking>('term');
  const first = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    // Focus moves into the form so the number keys pick a term at once.
    first.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const terms = tiers.find((t) => t.id === tier)?.terms ?? [];
  const quick = terms.slice(0, 9);
  const others = terms.slice(9);

  const people = characters.slice(0, 9);
  const toggle = (name: string) =>
    setRecipients((r) => (r.includes(name) ? r.filter((x) => x !== name) : [...r, name]));

  // While the form is open, wherever the focus is except in text fields (no option label
  // starts with a digit, so a focused select loses nothing): number keys pick a term, or
  // after B the initiator and after T a recipient; M toggles mutual; Escape drops a pending
  // B or T, else cancels the form. (I and O stay the player's in and out keys.)
  const keys = useRef({ quick, people, picking, onCancel });
  keys.current = { quick, people, picking, onCancel };
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const now = keys.current;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (now.picking === 'term') now.onCancel();
        else setPicking('term');
        return;
      }
      const inSelect = (e.target as HTMLElement | null)?.tagName === 'SELECT';
      if ((isTyping(e.target) && !inSelect) || e.ctrlKey || e.metaKey || e.altKey) return;
      const letter = e.key.toLowerCase();
      if (letter === 'b' || letter === 't') {
        e.preventDefault();
        setPicking(letter === 'b' ? 'initiator' : 'recipient');
        return;
      }
      if (letter === 'm') {
        e.preventDefault();
        setMutual((m) => !m);
        return;
      }
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1) return;
      if (now.picking === 'term') {
        const picked = now.quick[n - 1];
        if (picked === undefined) return;
        e.preventDefault();
        setTerm(picked.id);
        return;
      }
      const person = now.people[n - 1];
      if (person === undefined) return;
      e.preventDefault();
      if (now.picking === 'initiator') {
        setMutual(false);
        setInitiator((i) => (i === person ? null : person));
      } else {
        toggle(person);
      }
      setPicking('term');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (term === null) return;
    onSave({
      term,
      tier,
      initiator: mutual ? null : initiator,
      recipients: [...recipients],
      mutual,
      ...(withTimes && draft.fromMs !== null ? { from: draft.fromMs } : {}),
      ...(withTimes && draft.toMs !== null ? { to: draft.toMs } : {}),
      note: note.trim() === '' ? null : note.trim(),
    });
  };

  const numbered = (name: string) => {
    const i = people.indexOf(name);
    return i < 0 ? null : <kbd>{i + 1}</kbd>;
  };

  return (
    <form className="moment-form" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {withTimes && (
        <p className="span">
          {draft.fromMs === null ? 'No time: press I at the start' : timecode(draft.fromMs)}
          {draft.toMs !== null && ` – ${timecode(draft.toMs)}`}
          <span className="hint">
            {' '}
            (<kbd>I</kbd> in, <kbd>O</kbd> out)
          </span>
        </p>
      )}
      <label className="tier-pick">
        Tier{' '}
        <select
          value={tier}
          onChange={(e) => {
            setTier(e.target.value);
            setTerm(null);
          }}
        >
          {tiers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="terms" ref={first}>
        <legend>
          Term <span className="hint">(keys 1–{quick.length})</span>
        </legend>
        {quick.map((t, i) => (
          <label key={t.id} className={t.id === term ? 'chosen' : ''}>
            <input
              type="radio"
              name="term"
              value={t.id}
              checked={t.id === term}
              onChange={() => setTerm(t.id)}
            />
            <kbd>{i + 1}</kbd> {t.label}
          </label>
        ))}
        {others.length > 0 && (
          <label className="more">
            More{' '}
            <select
              value={others.some((t) => t.id === term) ? (term ?? '') : ''}
              onChange={(e) => setTerm(e.target.value || null)}
            >
              <option value="">—</option>
              {others.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <div className="people">
        <p className="hint" role="status">
          {picking === 'initiator'
            ? 'Initiator: press 1–9 (Esc: never mind)'
            : picking === 'recipient'
              ? 'Recipient: press 1–9 to add or remove (Esc: never mind)'
              : null}
          {picking === 'term' && (
            <>
              <kbd>B</kbd> then a number: initiator · <kbd>T</kbd> then a number: recipient ·{' '}
              <kbd>M</kbd>: mutual
            </>
          )}
        </p>
        <label>
          Initiator{' '}
          <select
            value={initiator ?? ''}
            disabled={mutual}
            onChange={(e) => setInitiator(e.target.value || null)}
          >
            <option value="">— nobody / unknown —</option>
            {characters.map((c, i) => (
              <option key={c} value={c}>
                {i < people.length ? `${i + 1}  ${c}` : c}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="recipients">
          <legend>Recipients</legend>
          {characters.map((c) => (
            <label key={c}>
              <input type="checkbox" checked={recipients.includes(c)} onChange={() => toggle(c)} />{' '}
              {numbered(c)} {c}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={mutual} onChange={(e) => setMutual(e.target.checked)} />{' '}
          Mutual (they both do it)
        </label>
      </div>
      <label className="note">
        Note <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || term === null}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
