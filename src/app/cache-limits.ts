import { rmSync } from 'node:fs';
import { folderBytes, trimFolder, type TrimResult } from '../media/cache-trim.js';
import type { WorkbenchCaches } from './workbench-clips.js';

/**
 * How much each cache folder may hold before its least recently used files go: renders are
 * cheap to make again, playable copies of whole episodes are not (and are large).
 */
export const CACHE_LIMITS: Readonly<Record<keyof WorkbenchCaches, number>> = {
  renders: 2e9,
  clips: 1e9,
  proxies: 20e9,
};

export interface CacheFolderReport {
  readonly name: keyof WorkbenchCaches;
  readonly dir: string;
  readonly bytes: number;
  readonly limit: number;
}

const NAMES = Object.keys(CACHE_LIMITS) as (keyof WorkbenchCaches)[];

/** Each cache folder with what it holds and may hold. */
export function cacheReport(caches: WorkbenchCaches): CacheFolderReport[] {
  return NAMES.map((name) => ({
    name,
    dir: caches[name],
    bytes: folderBytes(caches[name]),
    limit: CACHE_LIMITS[name],
  }));
}

/** Bring every cache folder under its limit (the workbench does after each media job). */
export function trimCaches(caches: WorkbenchCaches): Record<keyof WorkbenchCaches, TrimResult> {
  return Object.fromEntries(
    NAMES.map((name) => [name, trimFolder(caches[name], CACHE_LIMITS[name])]),
  ) as Record<keyof WorkbenchCaches, TrimResult>;
}

/** Empty the named cache folders (all by default): everything in them can be made again. */
export function clearCaches(
  caches: WorkbenchCaches,
  names: readonly (keyof WorkbenchCaches)[] = NAMES,
): void {
  for (const name of names) rmSync(caches[name], { recursive: true, force: true });
}
