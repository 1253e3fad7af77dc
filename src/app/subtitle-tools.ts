import { anchorMap, fitRetime, offsetMap, type LinearMap } from '../align/retime.js';
import { CharacterIndex } from '../domain/canon.js';
import { ReceiptsError } from '../domain/errors.js';
import { parseTimecode, type Ms } from '../domain/time.js';
import { readSubtitlesSync } from '../formats/read-subtitles.js';
import { writeVtt, type VttCue } from '../formats/write-vtt.js';
import type { RetimingInfo } from '../store/alignment-store.js';
import type { CanonStore, StoredSource } from '../store/canon-store.js';
import { readUserFile } from './read-file.js';
import { cuesOf, mainSources } from './stored-lines.js';

/**
 * The subtitle source of an episode a command works on: the one named by its stored path,
 * else the first whose language is English or unknown, else the first.
 */
export async function episodeSubtitle(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  path?: string,
): Promise<StoredSource> {
  const sources = await store.episodeSources(seriesId, episodeId);
  const subtitles = sources.filter((s) => s.role === 'subtitle');
  if (path !== undefined) {
    const named = subtitles.find((s) => s.path === path);
    if (named) return named;
    throw new ReceiptsError(
      'NOT_FOUND',
      `${path} is not a subtitle file of ${episodeId} (${subtitles.map((s) => s.path).join(', ') || 'it has none'}).`,
    );
  }
  const chosen = mainSources(sources).subtitle;
  if (!chosen)
    throw new ReceiptsError('NOT_FOUND', `${episodeId} has no subtitles in the library.`);
  return chosen;
}

const describeMap = (m: LinearMap) =>
  `t' = ${m.scale.toFixed(6)} t ${m.offsetMs < 0 ? '-' : '+'} ${(Math.abs(m.offsetMs) / 1000).toFixed(3)} s`;

/** How a retiming reads in provenance notes and command output. */
export function describeRetiming(r: RetimingInfo): string {
  const how =
    r.method === 'fit' ? `fitted to ${r.reference ?? 'another file'}` : `from ${r.method}`;
  return `${describeMap(r)} (${how}, ${r.retimedAt.slice(0, 10)})`;
}

/**
 * WebVTT of an episode's subtitles with `<v Speaker>` voices: the file's own speakers or
 * those alignment found, named as the canon names them; retimed times; provenance notes.
 */
export async function episodeVtt(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  path?: string,
): Promise<{ text: string; source: string; cues: number; voiced: number }> {
  const source = await episodeSubtitle(store, seriesId, episodeId, path);
  const names = new CharacterIndex(await store.listCharacters(seriesId));
  const cues: { startMs: Ms; endMs: Ms; parts: { styled: string; speaker: string | null }[] }[] =
    [];
  let last = -1;
  let voiced = 0;
  for (const c of cuesOf(source)) {
    const speaker = c.speaker === null ? null : (names.resolve(c.speaker) ?? c.speaker);
    if (speaker !== null) voiced++;
    const part = { styled: c.styled, speaker };
    if (c.cueIndex === last) cues[cues.length - 1]!.parts.push(part);
    else cues.push({ startMs: c.startMs, endMs: c.endMs, parts: [part] });
    last = c.cueIndex;
  }
  const notes = [`${episodeId}, from ${source.path}, written by Receipts`];
  const retiming = (await store.listRetimings(seriesId)).find((r) => r.path === source.path);
  if (retiming) notes.push(`Retimed: ${describeRetiming(retiming)}`);
  const alignment = (await store.listAlignments(seriesId)).find(
    (a) => a.episodeId === episodeId && a.subtitlePath === source.path,
  );
  if (alignment) {
    notes.push(
      `Speakers from aligning with ${alignment.transcriptPath} (${alignment.alignedAt.slice(0, 10)})`,
    );
  }
  return {
    text: writeVtt(cues satisfies VttCue[], notes),
    source: source.path,
    cues: cues.length,
    voiced,
  };
}

export type RetimeRequest =
  | { readonly kind: 'offset'; readonly offsetMs: Ms }
  | { readonly kind: 'anchors'; readonly anchors: readonly [readonly [Ms, Ms], readonly [Ms, Ms]] }
  | { readonly kind: 'fit'; readonly referenceFile: string; readonly shownAs: string };

export interface RetimeOutcome {
  readonly retiming: RetimingInfo;
  readonly clamped: number;
  /** For a fit: how well the map fits the matched cue pairs. */
  readonly fit: {
    readonly pairs: number;
    readonly inliers: number;
    readonly medianErrorMs: Ms;
    readonly frameRate: { readonly from: number; readonly to: number } | null;
  } | null;
}

/**
 * Retime one subtitle source of an episode. Offsets and anchors are relative to the times in
 * the file; a fit is made against the times as they are now and composed with any earlier
 * retiming, so the stored map always goes from the file's times.
 */
export async function retimeSubtitle(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  request: RetimeRequest,
  path?: string,
): Promise<RetimeOutcome> {
  const source = await episodeSubtitle(store, seriesId, episodeId, path);
  let map: LinearMap;
  let fit: RetimeOutcome['fit'] = null;
  if (request.kind === 'offset') map = offsetMap(request.offsetMs);
  else if (request.kind === 'anchors') map = anchorMap(...request.anchors);
  else {
    const bytes = await readUserFile(request.referenceFile, {}, request.shownAs);
    const target = readSubtitlesSync(bytes, request.shownAs).cues;
    const found = fitRetime(cuesOf(source), target);
    if (found.kind === 'no-fit') {
      throw new ReceiptsError('USAGE', `cannot retime to ${request.shownAs}: ${found.message}`);
    }
    const before = (await store.listRetimings(seriesId)).find((r) => r.path === source.path);
    map = before
      ? {
          scale: found.map.scale * before.scale,
          offsetMs: found.map.scale * before.offsetMs + found.map.offsetMs,
        }
      : found.map;
    fit = {
      pairs: found.pairs,
      inliers: found.inliers,
      medianErrorMs: found.medianErrorMs,
      frameRate: found.frameRate,
    };
  }
  const { clamped, ...retiming } = await store.retime({
    seriesId,
    path: source.path,
    scale: map.scale,
    offsetMs: map.offsetMs,
    method: request.kind,
    reference: request.kind === 'fit' ? request.shownAs : null,
  });
  return { retiming, clamped, fit };
}

/** `-119s`, `-1:59.5`, `+250ms`, `2.5` (seconds): a signed offset in ms; null if not one. */
export function parseOffset(text: string): Ms | null {
  const m = /^([+-]?)(.+?)(ms)?$/u.exec(text.trim());
  if (!m) return null;
  const [, sign, body, inMs] = m;
  const abs = inMs ? (/^\d+$/u.test(body!) ? Number(body) : null) : parseTimecode(body!);
  return abs === null ? null : sign === '-' ? -abs : abs;
}
