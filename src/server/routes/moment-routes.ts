import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findMoments } from '../../app/moment-picker.js';
import { markReviewed } from '../../app/moments-done.js';
import { editMoment } from '../../app/moments-edit.js';
import { addMoment, removeMoment } from '../../app/moments.js';
import { episodeMoments, reviewMomentAt } from '../../app/workbench-moments.js';
import type { CanonStore } from '../../store/canon-store.js';
import { parseInput, queryInt } from '../validate.js';
import { episodeParams } from './library-routes.js';

const ms = (name: string) =>
  z
    .number({ error: `${name} must be a time in milliseconds` })
    .int(`${name} must be whole milliseconds`)
    .min(0, `${name} must not be negative`);
const name = z.string().trim().min(1, 'a name must not be empty').max(200);
const names = z.array(name, { error: 'recipients must be a list of names' }).max(50);
const version = z
  .number({ error: 'give the version the change was made against' })
  .int('version must be a whole number')
  .min(1, 'version must be at least 1');
const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(2000);

/** The fields a person sets on a moment, as the workbench form sends them. */
const momentFields = {
  term: text('term').max(100),
  tier: text('tier').max(100).optional(),
  initiator: name.nullable().optional(),
  recipients: names.optional(),
  mutual: z.boolean({ error: 'mutual must be true or false' }).optional(),
  from: ms('from').optional(),
  to: ms('to').optional(),
  part: text('part').max(100).nullable().optional(),
  readings: z.array(text('a reading').max(100)).max(20).optional(),
  note: text('note').nullable().optional(),
};

const addBody = z.object({
  ...momentFields,
  /** 1-based line of the episode's transcript to anchor to, instead of times. */
  line: z.number({ error: 'line must be a number' }).int().min(1).optional(),
});

const editBody = z.object({ ...momentFields, term: momentFields.term.optional(), version });

const reviewBody = z.object({
  version,
  review: z.enum(['confirmed', 'rejected'], { error: 'review must be confirmed or rejected' }),
});

const momentParams = z.object({ id: z.string().trim().min(1, 'give a moment id').max(100) });
const versionQuery = z.object({ version: queryInt('version', 1) });

const reviewedBody = z.object({
  tier: text('tier').max(100).optional(),
  undo: z.boolean({ error: 'undo must be true or false' }).optional(),
});

const findQuery = z.object({
  q: z.string().max(200, 'q must be at most 200 characters').default(''),
  limit: queryInt('limit', 1, 100).default(20),
});

/** Drop the keys a body left out, so the app sees only fields that were sent. */
function given<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Moments of an episode, and the changes a person makes to them: add, edit and remove (each
 * at the version the page read, so a stale change is a 409 MOMENT_STALE, never an overwrite),
 * accept or reject a suggestion, and mark the episode as fully reviewed.
 */
export function registerMomentRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; author: string | null },
): void {
  const { store, author } = deps;

  // The composer's picker: confirmed moments of any series, by words of their description.
  app.get('/api/moments', async (request) => {
    const q = parseInput(findQuery, request.query, 'query');
    return findMoments(store, q.q, q.limit);
  });

  app.get('/api/series/:series/episodes/:episode/moments', async (request) => {
    const p = parseInput(episodeParams, request.params, 'params');
    return episodeMoments(store, p.series, p.episode);
  });

  app.post('/api/series/:series/episodes/:episode/moments', async (request, reply) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const b = parseInput(addBody, request.body, 'body');
    const moment = await addMoment(
      store,
      { ...given(b), episode: p.episode },
      { series: p.series, author },
    );
    return reply.code(201).send(moment);
  });

  app.patch('/api/moments/:id', async (request) => {
    const { id } = parseInput(momentParams, request.params, 'params');
    const { version: ifVersion, ...fields } = parseInput(editBody, request.body, 'body');
    // null clears a field (no initiator, no note), as false does on the command line.
    return editMoment(store, id, given(fields), { ifVersion, author });
  });

  app.delete('/api/moments/:id', async (request) => {
    const { id } = parseInput(momentParams, request.params, 'params');
    const q = parseInput(versionQuery, request.query, 'query');
    return { removed: await removeMoment(store, id, q.version) };
  });

  app.post('/api/moments/:id/review', async (request) => {
    const { id } = parseInput(momentParams, request.params, 'params');
    const b = parseInput(reviewBody, request.body, 'body');
    return reviewMomentAt(store, id, b.version, b.review, author);
  });

  app.post('/api/series/:series/episodes/:episode/reviewed', async (request) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const b = parseInput(reviewedBody, request.body, 'body');
    return markReviewed(store, {
      series: p.series,
      episodes: [p.episode],
      ...(b.tier === undefined ? {} : { tier: b.tier }),
      ...(b.undo === undefined ? {} : { undo: b.undo }),
      author,
    });
  });
}
