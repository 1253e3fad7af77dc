import { useEffect, useMemo, useRef, useState } from 'react';
import { AnnotationTimeline, momentLabel, ZOOMS } from './annotation-timeline.js';
import { api, type EpisodeMoments, type MomentInput, type MomentView } from './api.js';
import { JobStatus } from './job-status.js';
import { MomentDetails } from './moment-details.js';
import { MomentForm, type MomentDraft } from './moment-form.js';
import { useKeys, usePlayerControl } from './player-control.js';
import { ReviewQueue } from './review-queue.js';
import { timecode } from './time.js';
import { useJob } from './use-job.js';

type FormState =
  | { readonly mode: 'add' }
  | { readonly mode: 'edit'; readonly moment: MomentView; readonly accept: boolean };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Everything that annotates the episode, under the video: the transport (J/K/L, frame
 * steps), the timeline, the review queue for suggestions, the add/edit form (I/O marks),
 * the selected moment, and the suggest and mark-reviewed actions. Every change goes through
 * the API at the version the page read, then the moments are read again.
 */
export function Annotator({
  series,
  episode,
  data,
  reload,
  video,
  nowMs,
  durationMs,
  seek,
  initialMoment,
  onMarks,
}: {
  series: string;
  episode: string;
  data: EpisodeMoments;
  reload: () => Promise<void>;
  video: React.RefObject<HTMLVideoElement | null>;
  nowMs: number;
  durationMs: number;
  seek: (ms: number) => void;
  initialMoment: string | null;
  /** Told the in/out marks and the selected moment as they change (the clips panel's ranges). */
  onMarks?: (marks: {
    inMs: number | null;
    outMs: number | null;
    moment: MomentView | null;
  }) => void;
}) {
  const player = usePlayerControl(video, data.frameRate);
  const [zoom, setZoom] = useState(0);
  const [selected, setSelected] = useState<string | null>(initialMoment);
  const [inMs, setIn] = useState<number | null>(null);
  const [outMs, setOut] = useState<number | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [queueAt, setQueueAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ queue?: string; form?: string; details?: string }>({});
  const [reviewedNote, setReviewedNote] = useState<{ ok: boolean; text: string } | null>(null);
  const suggestJob = useJob();

  const queue = useMemo(() => data.moments.filter((m) => m.review === 'suggested'), [data]);
  const index = Math.min(queueAt, Math.max(queue.length - 1, 0));
  const current = queue[index];
  const chosen = data.moments.find((m) => m.id === selected) ?? null;

  useEffect(() => onMarks?.({ inMs, outMs, moment: chosen }), [inMs, outMs, chosen, onMarks]);

  // Walking the queue seeks the video to each suggestion that has a time.
  const shown = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const id = current?.id ?? null;
    if (shown.current !== undefined && id !== shown.current && current?.at) {
      seek(current.at.startMs);
    }
    shown.current = id;
  }, [current, seek]);

  const run = async (
    where: 'queue' | 'form' | 'details',
    work: () => Promise<unknown>,
  ): Promise<boolean> => {
    setBusy(true);
    setErrors({});
    try {
      await work();
      await reload();
      return true;
    } catch (e) {
      setErrors({ [where]: message(e) });
      // A stale version means the page is behind: read the moments again.
      await reload().catch(() => {});
      return false;
    } finally {
      setBusy(false);
    }
  };

  const decide = (m: MomentView | undefined, review: 'confirmed' | 'rejected') => {
    if (!m || busy) return;
    void run('queue', () => api.reviewMoment(m.id, m.version, review));
  };

  // The video's own clock: the state copy lags behind a seek by an event.
  const at = () => (video.current ? Math.round(video.current.currentTime * 1000) : nowMs);

  const openAdd = () => {
    if (inMs === null) setIn(at());
    setForm({ mode: 'add' });
  };

  const markOut = () => {
    const now = at();
    const start = inMs ?? now;
    const [a, b] = now < start ? [now, start] : [start, now];
    setIn(a);
    setOut(b);
    if (form === null) setForm({ mode: 'add' });
  };

  const save = async (input: MomentInput) => {
    if (form === null) return;
    if (form.mode === 'add') {
      let added: string | null = null;
      const ok = await run('form', async () => {
        added = (await api.addMoment(series, episode, input)).id;
      });
      if (ok) {
        setForm(null);
        setIn(null);
        setOut(null);
        setSelected(added);
      }
      return;
    }
    const m = form.moment;
    const ok = await run('form', async () => {
      const { moment } = await api.editMoment(m.id, m.version, input);
      if (form.accept) await api.reviewMoment(m.id, moment.version, 'confirmed');
    });
    if (ok) {
      setForm(null);
      setIn(null);
      setOut(null);
    }
  };

  const edit = (m: MomentView | undefined, accept: boolean) => {
    if (!m) return;
    setErrors({});
    setIn(m.startMs);
    setOut(m.endMs);
    setForm({ mode: 'edit', moment: m, accept });
  };

  const markReviewed = async () => {
    setReviewedNote(null);
    try {
      await api.markReviewed(series, episode);
      setReviewedNote({ ok: true, text: `${episode} is marked as fully reviewed.` });
      await reload();
    } catch (e) {
      setReviewedNote({ ok: false, text: message(e) });
    }
  };

  const formOpen = form !== null;
  useKeys({
    j: player.backward,
    k: player.pause,
    l: player.forward,
    ',': () => player.step(-1),
    '.': () => player.step(1),
    i: () => setIn(at()),
    o: markOut,
    '+': () => setZoom((z) => Math.min(z + 1, ZOOMS.length - 1)),
    '=': () => setZoom((z) => Math.min(z + 1, ZOOMS.length - 1)),
    '-': () => setZoom((z) => Math.max(z - 1, 0)),
    // Review keys act on the queue only while no form is open (its keys are its own).
    a: formOpen ? undefined : () => decide(current, 'confirmed'),
    r: formOpen ? undefined : () => decide(current, 'rejected'),
    e: formOpen ? undefined : () => edit(current, true),
    n: formOpen ? undefined : () => setQueueAt(Math.min(index + 1, queue.length - 1)),
    p: formOpen ? undefined : () => setQueueAt(Math.max(index - 1, 0)),
  });

  const draft: MomentDraft =
    form?.mode === 'edit'
      ? {
          tier: form.moment.tier,
          term: form.moment.term,
          initiator: form.moment.initiator,
          recipients: form.moment.recipients,
          mutual: form.moment.mutual,
          fromMs: inMs,
          toMs: outMs,
          note: form.moment.note,
        }
      : {
          tier: data.tiers[0]?.id ?? 'action',
          term: null,
          initiator: null,
          recipients: [],
          mutual: false,
          fromMs: inMs,
          toMs: outMs,
          note: null,
        };
  const unplaced = data.moments.filter((m) => m.at === null);
  const reviewed = data.reviewed.length > 0;
  const s = player.shuttle;

  return (
    <section className="annotator" aria-label="Moments">
      <div className="transport" role="toolbar" aria-label="Playback and marks">
        <button type="button" onClick={player.backward} title="Play backwards (J)">
          <kbd>J</kbd> ◀◀
        </button>
        <button type="button" onClick={player.pause} title="Pause (K)">
          <kbd>K</kbd> ❚❚
        </button>
        <button type="button" onClick={player.forward} title="Play, faster at each press (L)">
          <kbd>L</kbd> ▶
        </button>
        <button type="button" onClick={() => player.step(-1)} title="One frame back (,)">
          <kbd>,</kbd> −1f
        </button>
        <button type="button" onClick={() => player.step(1)} title="One frame on (.)">
          <kbd>.</kbd> +1f
        </button>
        <span className="clock" aria-live="off">
          {timecode(nowMs)}
          {s.direction !== 0 && ` ${s.direction < 0 ? '◀' : '▶'} ${s.rate}×`}
        </span>
        <span className="sep" />
        <button type="button" onClick={() => setIn(at())}>
          <kbd>I</kbd> In
        </button>
        <button type="button" onClick={markOut}>
          <kbd>O</kbd> Out
        </button>
        <span className="marks" aria-live="polite">
          {inMs === null
            ? ''
            : `${timecode(inMs)}${outMs === null ? ' –' : ` – ${timecode(outMs)}`}`}
        </span>
        <button type="button" className="primary" onClick={openAdd} disabled={formOpen}>
          Add moment
        </button>
        <span className="sep" />
        <span className="zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            onClick={() => setZoom((z) => Math.max(z - 1, 0))}
            aria-label="Zoom out"
            disabled={zoom === 0}
          >
            <kbd>-</kbd>
          </button>
          <span className="zoom-level">{ZOOMS[zoom]}×</span>
          <button
            type="button"
            onClick={() => setZoom((z) => Math.min(z + 1, ZOOMS.length - 1))}
            aria-label="Zoom in"
            disabled={zoom === ZOOMS.length - 1}
          >
            <kbd>+</kbd>
          </button>
        </span>
      </div>
      <AnnotationTimeline
        tiers={data.tiers}
        moments={data.moments}
        durationMs={durationMs}
        nowMs={nowMs}
        zoom={ZOOMS[zoom]!}
        selected={selected}
        inMs={inMs}
        outMs={outMs}
        onSeek={seek}
        onSelect={(m) => {
          setSelected(m.id);
          setErrors({});
          if (m.at) seek(m.at.startMs);
        }}
      />
      <p className="legend">
        <span className="bar-key confirmed" /> confirmed <span className="bar-key suggested" />{' '}
        suggestion
        {unplaced.length > 0 && ` · ${unplaced.length} without a time, listed below`}
      </p>
      {unplaced.length > 0 && (
        <div className="unplaced">
          <h3>Not on the timeline (no time yet)</h3>
          <ul>
            {unplaced.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className={`chip ${m.review}`}
                  onClick={() => setSelected(m.id)}
                  aria-pressed={m.id === selected}
                >
                  {momentLabel(m)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="annotate-panels">
        <ReviewQueue
          items={queue}
          index={index}
          busy={busy || formOpen}
          message={errors.queue ?? null}
          onMove={(d) => setQueueAt(Math.min(Math.max(index + d, 0), queue.length - 1))}
          onAccept={() => decide(current, 'confirmed')}
          onReject={() => decide(current, 'rejected')}
          onEdit={() => edit(current, true)}
        />
        <div className="side">
          {form !== null ? (
            <MomentForm
              key={form.mode === 'edit' ? form.moment.id : 'new'}
              title={
                form.mode === 'add'
                  ? 'Add a moment'
                  : form.accept
                    ? 'Edit the suggestion, then accept it'
                    : 'Edit the moment'
              }
              draft={draft}
              tiers={data.tiers}
              characters={data.characters}
              busy={busy}
              error={errors.form ?? null}
              submitLabel={
                form.mode === 'add'
                  ? 'Save moment'
                  : form.accept
                    ? 'Save and accept'
                    : 'Save changes'
              }
              onSave={(input) => void save(input)}
              onCancel={() => {
                setForm(null);
                setErrors({});
              }}
            />
          ) : chosen !== null ? (
            <MomentDetails
              key={chosen.id}
              moment={chosen}
              busy={busy}
              error={errors.details ?? null}
              onEdit={() => edit(chosen, false)}
              onDelete={() =>
                void run('details', () => api.removeMoment(chosen.id, chosen.version)).then(
                  (ok) => ok && setSelected(null),
                )
              }
              onReview={(review) =>
                void run('details', () => api.reviewMoment(chosen.id, chosen.version, review))
              }
              onClose={() => setSelected(null)}
            />
          ) : (
            <p className="hint-box">
              Press <kbd>I</kbd> and <kbd>O</kbd> at the start and end of a moment to add it, or
              pick a bar on the timeline to see, edit or delete it.
            </p>
          )}
          <div className="episode-actions">
            <div className="job">
              <button
                type="button"
                onClick={() =>
                  suggestJob.start(
                    () => api.suggest(series, episode),
                    () => void reload(),
                  )
                }
                disabled={suggestJob.busy}
              >
                {suggestJob.busy ? 'Suggesting…' : 'Suggest moments'}
              </button>
              <JobStatus
                handle={suggestJob}
                label={`Suggesting moments in ${episode}`}
                doneText={
                  suggestJob.job?.result
                    ? `Suggested ${(suggestJob.job.result as { added: number }).added}.`
                    : 'Done.'
                }
              />
            </div>
            <div className="job">
              <button type="button" onClick={() => void markReviewed()}>
                Mark episode reviewed
              </button>
              {reviewed && <span className="yes">Reviewed</span>}
            </div>
            {reviewedNote !== null && (
              <p
                role={reviewedNote.ok ? 'status' : 'alert'}
                className={reviewedNote.ok ? 'yes' : 'error'}
              >
                {reviewedNote.text}
              </p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
