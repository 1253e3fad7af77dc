import { join } from 'node:path';
import type { Verdict } from '../domain/claim.js';
import { ReceiptsError, isReceiptsError, type Finding, type Place } from '../domain/errors.js';
import type { SearchHit } from '../domain/search.js';
import type { Resolutions } from '../compose/bind.js';
import { altText, describeMoment, plainCaption } from '../compose/citation.js';
import type { PostSettings } from '../compose/front-matter.js';
import type {
  Citation,
  ClaimRef,
  GifRef,
  GifsetRef,
  PostRef,
  QuoteRef,
  ResolvedClaim,
  ResolvedGif,
  ResolvedQuote,
} from '../compose/post-nodes.js';
import { WIDTH_PRESETS } from '../media/clip-plan.js';
import type { CanonStore, EpisodeInfo } from '../store/canon-store.js';
import { checkClaim, openClaimSession, readClaim, type ClaimSession } from './check-claim.js';
import type { ClipSource, GifRequest, GifResult, GifRunOptions } from './gif.js';
import type { GifsetRequest, GifsetResult } from './gifset.js';

/** The media the composer renders through: the real renderers, or a fake in tests. */
export interface ComposeMedia {
  renderGif(store: CanonStore, request: GifRequest, options: GifRunOptions): Promise<GifResult>;
  renderGifset(
    store: CanonStore,
    request: GifsetRequest,
    options: GifRunOptions,
  ): Promise<GifsetResult>;
}

/** Progress of a compose run: which GIF (or gifset) of how many, and how far it is. */
export interface ComposeProgress {
  readonly index: number;
  readonly total: number;
  readonly label: string;
  readonly percent: number;
}

export interface ResolveContext {
  readonly store: CanonStore;
  readonly media: ComposeMedia;
  readonly seriesId: string;
  readonly episodes: ReadonlyMap<string, EpisodeInfo>;
  readonly settings: PostSettings;
  readonly outDir: string;
  /** File name prefix of the GIFs (`post` -> `post-01.gif`, `post-set1-01.gif`). */
  readonly slug: string;
  readonly includeSuggested: boolean;
  readonly run: GifRunOptions;
  readonly onProgress?: (p: ComposeProgress) => void;
}

/** What resolving found, and every GIF it rendered (path, whether from the cache). */
export interface ResolveOutcome {
  readonly resolutions: Resolutions;
  readonly findings: readonly Finding[];
  readonly rendered: readonly { readonly id: string; readonly result: GifResult }[];
  readonly verdicts: readonly { readonly ref: ClaimRef; readonly verdict: Verdict }[];
}

// Errors about the post's content are findings; anything else (the library, ffmpeg missing,
// Ctrl-C, a full disk) stops the run.
const CONTENT_ERRORS = new Set([
  'NOT_FOUND',
  'USAGE',
  'MOMENT_INVALID',
  'CLAIM_INVALID',
  'QUERY_INVALID',
  'MEDIA_NOT_FOUND',
  'MEDIA_UNREADABLE',
  'MEDIA_TRUNCATED',
]);

export function citationOf(
  episodes: ReadonlyMap<string, EpisodeInfo>,
  episodeId: string,
  timeMs: number | null,
): Citation {
  const e = episodes.get(episodeId);
  return {
    episodeId,
    title: e?.title ?? null,
    season: e?.season ?? null,
    number: e?.number ?? null,
    timeMs,
  };
}

/** The `hit`-th line saying `text` (a phrase search), in canon order; null when none. */
async function findLine(
  ctx: ResolveContext,
  text: string,
  episode: string | undefined,
  hit: number,
  kinds: readonly ('cue' | 'dialogue')[],
): Promise<{ episode: string; hit: SearchHit } | null> {
  const phrase = text.replaceAll('"', ' ').trim();
  const result = await ctx.store.search({
    query: `"${phrase}"`,
    filters: {
      series: ctx.seriesId,
      kinds,
      ...(episode === undefined ? {} : { episodeFrom: episode, episodeTo: episode }),
    },
    order: 'canon',
    limit: hit,
    offset: 0,
    context: 0,
  });
  const hits = result.groups.flatMap((g) => g.hits.map((h) => ({ episode: g.episode.id, hit: h })));
  return hits[hit - 1] ?? null;
}

/** Resolve every reference of a post: quotes, claims, GIFs and gifsets (rendered, cached). */
export async function resolveRefs(
  ctx: ResolveContext,
  refs: readonly PostRef[],
): Promise<ResolveOutcome> {
  const findings: Finding[] = [];
  const gifs = new Map<string, ResolvedGif>();
  const quotes = new Map<string, ResolvedQuote>();
  const claims = new Map<string, ResolvedClaim>();
  const rendered: { id: string; result: GifResult }[] = [];
  const verdicts: { ref: ClaimRef; verdict: Verdict }[] = [];
  const fail = (place: Place, ruleId: string) => (e: unknown) => {
    if (!isReceiptsError(e) || !CONTENT_ERRORS.has(e.code)) throw e;
    findings.push({ severity: 'error', ruleId, reason: e.message, place });
  };
  let session: ClaimSession | null = null;
  const renders = refs.filter((r) => r.kind === 'gif' || r.kind === 'gifset');
  let index = 0;
  let single = 0;
  let sets = 0;
  for (const ref of refs) {
    if (ref.kind === 'quote') {
      await resolveQuote(ctx, ref).then((q) => quotes.set(ref.id, q), fail(ref.place, 'quote'));
    } else if (ref.kind === 'claim') {
      session ??= await openClaimSession(ctx.store, {
        series: ctx.seriesId,
        includeSuggested: ctx.includeSuggested,
      });
      const s = session;
      await (async () => {
        const verdict = await checkClaim(ctx.store, s, readClaim(s, ref.text));
        verdicts.push({ ref, verdict });
        claims.set(ref.id, claimOf(ctx, ref.text, verdict));
        if (verdict.verdict === 'contradicted') {
          findings.push({
            severity: 'error',
            ruleId: 'claim-contradicted',
            reason: `the embedded claim is contradicted by the canon: ${verdict.explanation}`,
            place: ref.place,
          });
        }
      })().catch(fail(ref.place, 'claim'));
    } else {
      index++;
      const progress = (label: string) => (percent: number) =>
        ctx.onProgress?.({ index, total: renders.length, label, percent });
      if (ref.kind === 'gif') {
        const file = `${ctx.slug}-${String(++single).padStart(2, '0')}.gif`;
        await renderOne(ctx, ref, file, progress(file))
          .then((r) => {
            gifs.set(ref.id, r.gif);
            rendered.push({ id: ref.id, result: r.result });
          })
          .catch(fail(ref.place, 'gif'));
      } else {
        const name = `${ctx.slug}-set${++sets}`;
        await renderSet(ctx, ref, name, progress(name))
          .then((list) => {
            for (const r of list) {
              gifs.set(r.id, r.gif);
              rendered.push({ id: r.id, result: r.result });
            }
          })
          .catch(fail(ref.place, 'gifset'));
      }
    }
  }
  return { resolutions: { gifs, quotes, claims }, findings, rendered, verdicts };
}

async function resolveQuote(ctx: ResolveContext, ref: QuoteRef): Promise<ResolvedQuote> {
  const found =
    (await findLine(ctx, ref.text, ref.episode, ref.hit, ['cue'])) ??
    (await findLine(ctx, ref.text, ref.episode, ref.hit, ['dialogue']));
  if (found === null) {
    throw new ReceiptsError(
      'NOT_FOUND',
      `no line${ref.episode === undefined ? '' : ` of ${ref.episode}`} says "${ref.text}"${ref.hit > 1 ? ` ${ref.hit} times` : ''}; it is shown without a citation`,
    );
  }
  return {
    text: ref.text,
    speaker: found.hit.speaker,
    citation: citationOf(ctx.episodes, found.episode, found.hit.startMs),
  };
}

/** What a GIF's source is once looked up: a range to render, and what it shows. */
interface PlannedGif {
  readonly source: ClipSource;
  readonly episode: string;
  readonly startMs: number;
  readonly what: string | null;
  readonly line: string | null;
}

async function planGif(ctx: ResolveContext, ref: GifRef): Promise<PlannedGif> {
  const s = ref.source;
  if (s.kind === 'range') {
    return {
      source: { kind: 'range', episodeId: s.episode, startMs: s.fromMs, endMs: s.toMs },
      episode: s.episode,
      startMs: s.fromMs,
      what: null,
      line: null,
    };
  }
  if (s.kind === 'moment') {
    const m = await ctx.store.getMoment(s.id);
    if (m === null) throw new ReceiptsError('NOT_FOUND', `there is no moment ${s.id}`);
    if (m.startMs === null || m.endMs === null) {
      throw new ReceiptsError('MOMENT_INVALID', `moment ${s.id} has no start and end times`);
    }
    return {
      source: { kind: 'range', episodeId: m.episode, startMs: m.startMs, endMs: m.endMs },
      episode: m.episode,
      startMs: m.startMs,
      what: describeMoment(m),
      line: null,
    };
  }
  const found = await findLine(ctx, s.text, s.episode, s.hit, ['cue']);
  if (found === null || found.hit.startMs === null || found.hit.endMs === null) {
    throw new ReceiptsError(
      'NOT_FOUND',
      `no timed subtitle line${s.episode === undefined ? '' : ` of ${s.episode}`} says "${s.text}"`,
    );
  }
  const line = plainCaption(found.hit.text);
  return {
    source: {
      kind: 'range',
      episodeId: found.episode,
      startMs: found.hit.startMs,
      endMs: found.hit.endMs,
    },
    episode: found.episode,
    startMs: found.hit.startMs,
    what: `${found.hit.speaker ?? 'Someone'} says “${line}”`,
    line,
  };
}

function resolvedGif(ctx: ResolveContext, ref: GifRef, p: PlannedGif, r: GifResult): ResolvedGif {
  const citation = citationOf(ctx.episodes, p.episode, p.startMs);
  const captions = r.captioned.map((c) => plainCaption(c.styled));
  const file = r.path.slice(ctx.outDir.length).replace(/^[\\/]+/, '');
  return {
    file,
    src: file,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    alt: ref.alt ?? altText({ what: p.what, captions, citation }),
    caption: ref.caption ?? (p.line === null ? null : `“${p.line}”`),
    citation,
  };
}

async function renderOne(
  ctx: ResolveContext,
  ref: GifRef,
  file: string,
  onProgress: (percent: number) => void,
): Promise<{ gif: ResolvedGif; result: GifResult }> {
  const planned = await planGif(ctx, ref);
  const result = await ctx.media.renderGif(
    ctx.store,
    {
      seriesId: ctx.seriesId,
      source: planned.source,
      format: 'gif',
      padMs: Math.round(ctx.settings.gifs.pad * 1000),
      speakers: ctx.settings.gifs.speakers,
      ...(ctx.settings.gifs.width === undefined ? {} : { width: ctx.settings.gifs.width }),
      out: join(ctx.outDir, file),
    },
    { ...ctx.run, onProgress },
  );
  return { gif: resolvedGif(ctx, ref, planned, result), result };
}

const PER_ROW_WIDTH: Record<number, number> = {
  1: WIDTH_PRESETS.single,
  2: WIDTH_PRESETS.two,
  3: WIDTH_PRESETS.three,
};

async function renderSet(
  ctx: ResolveContext,
  ref: GifsetRef,
  name: string,
  onProgress: (percent: number) => void,
): Promise<{ id: string; gif: ResolvedGif; result: GifResult }[]> {
  const planned = await Promise.all(ref.gifs.map((g) => planGif(ctx, g)));
  const set = await ctx.media.renderGifset(
    ctx.store,
    {
      seriesId: ctx.seriesId,
      sources: planned.map((p) => p.source),
      width: PER_ROW_WIDTH[ref.perRow] ?? WIDTH_PRESETS.two,
      perRow: ref.perRow,
      padMs: Math.round(ctx.settings.gifs.pad * 1000),
      speakers: ctx.settings.gifs.speakers,
      outDir: ctx.outDir,
      name,
    },
    { ...ctx.run, onProgress },
  );
  return ref.gifs.map((g, i) => {
    const result = set.made[i];
    const p = planned[i];
    if (result === undefined || p === undefined) {
      throw new ReceiptsError('INTERNAL', `the gifset ${name} made fewer GIFs than asked`);
    }
    return { id: g.id, gif: resolvedGif(ctx, g, p, result), result };
  });
}

/** A verdict for the post: a few cited pieces of evidence (counter-examples first). */
function claimOf(ctx: ResolveContext, text: string, v: Verdict): ResolvedClaim {
  const shown = v.verdict === 'contradicted' ? v.counterexamples : v.evidence;
  return {
    text,
    verdict: v.verdict,
    explanation: v.explanation,
    evidence: shown.slice(0, 3).map((e) => ({
      text: e.text,
      citation: citationOf(ctx.episodes, e.episode, e.startMs),
    })),
  };
}
