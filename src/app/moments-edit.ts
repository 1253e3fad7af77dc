import { ReceiptsError } from '../domain/errors.js';
import { participants } from '../domain/moment.js';
import type { CanonStore } from '../store/canon-store.js';
import type { MomentChange, StoredMoment } from '../store/moment-store.js';
import { showMoment } from './moments.js';
import { toMomentFields, type MomentFields } from './moments-options.js';
import { episodeDuration, loadSeriesContext, type SeriesContext } from './moments-series.js';
import {
  checkSpan,
  invalid,
  parseMomentTime,
  resolveCharacter,
  resolveReadings,
  resolveTerm,
  shapePeople,
  type People,
} from './moments-validate.js';

/** How an edit is made: by whom, and against which version. */
export interface EditOptions {
  /** The version the change was made against; default: the version just read. */
  readonly ifVersion?: number;
  readonly author: string | null;
}

/** The outcome of an edit: the moment after it, and which fields changed (none: not stored). */
export interface EditResult {
  readonly moment: StoredMoment;
  readonly changed: readonly (keyof MomentChange)[];
}

/**
 * Change some fields of a moment, validated as `moments add` validates them, stored only if
 * the moment is still at `ifVersion` (MOMENT_STALE otherwise). The episode and the transcript
 * anchor are fixed when a moment is made; names already on it are kept as they are.
 */
export async function editMoment(
  store: CanonStore,
  id: string,
  input: Record<string, unknown>,
  options: EditOptions,
): Promise<EditResult> {
  const f = toMomentFields(input);
  if (f.episode !== undefined) {
    throw invalid('episode', 'a moment stays in its episode: remove it and add it again');
  }
  if (f.line !== undefined || f.file !== undefined) {
    throw invalid('line', 'the transcript line is set when a moment is made; give times instead');
  }
  const { author: _author, ...fields } = f;
  if (Object.values(fields).every((v) => v === undefined)) {
    throw new ReceiptsError('USAGE', `nothing to change for moment ${id}: give a field to edit`);
  }
  const current = await showMoment(store, id);
  const ctx = await loadSeriesContext(store, current.seriesId);
  const duration = await episodeDuration(store, current.seriesId, current.episode);
  const next = merged(ctx, current, f, duration);
  const change: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next) as [keyof MomentChange, unknown][]) {
    if (JSON.stringify(v) !== JSON.stringify(current[k])) change[k] = v;
  }
  const changed = Object.keys(change) as (keyof MomentChange)[];
  if (changed.length === 0) return { moment: current, changed };
  const author = f.author ?? options.author;
  if (author !== null && author !== current.author) change.author = author;
  const moment = await store.updateMoment(id, options.ifVersion ?? current.version, change);
  return { moment, changed };
}

/** The moment's editable fields after the edit, validated. */
function merged(
  ctx: SeriesContext,
  m: StoredMoment,
  f: MomentFields,
  durationMs: number | null,
): Required<MomentChange> {
  const term =
    f.term !== undefined || f.tier !== undefined
      ? resolveTerm(ctx.codebook, f.term ?? m.term, f.tier)
      : { id: m.term, tier: m.tier };
  const startMs = f.from === undefined ? m.startMs : parseMomentTime('from', f.from);
  const endMs = f.to === undefined ? m.endMs : parseMomentTime('to', f.to);
  checkSpan(startMs, endMs, durationMs);
  return {
    startMs,
    endMs,
    anchorSeq: m.anchorSeq,
    tier: term.tier,
    term: term.id,
    ...people(ctx, m, f),
    part: f.part === undefined ? m.part : f.part ? f.part.toLowerCase() : null,
    readings:
      f.readings === undefined
        ? m.readings
        : f.readings === false
          ? []
          : resolveReadings(ctx.codebook, f.readings),
    note: f.note === undefined ? m.note : f.note || null,
    author: m.author,
    review: m.review,
  };
}

/**
 * Participants after an edit. Names given are resolved; names already on the moment stay.
 * Making a moment mutual gathers everyone; undoing it needs an initiator, and the others
 * become its recipients.
 */
function people(ctx: SeriesContext, m: StoredMoment, f: MomentFields): People {
  const mutual = f.mutual ?? m.mutual;
  const given =
    f.initiator === undefined
      ? undefined
      : f.initiator
        ? resolveCharacter(ctx, 'initiator', f.initiator)
        : null;
  const recipients = f.recipients?.map((r) => resolveCharacter(ctx, 'recipients', r));
  if (mutual) {
    return shapePeople(given ?? null, recipients ?? participants(m), true);
  }
  if (m.mutual) {
    if (!given) throw invalid('initiator', 'a moment that is no longer mutual needs --initiator');
    return shapePeople(given, recipients ?? m.recipients.filter((r) => r !== given), false);
  }
  return shapePeople(given === undefined ? m.initiator : given, recipients ?? m.recipients, false);
}
