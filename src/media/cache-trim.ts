import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

// Keeping a cache folder under a size: the least recently used files go first. A file and its
// `<file>.json` entry (render-cache.ts) count as one. Files used in the last few minutes are
// never removed, so a render or a playable copy being served is not pulled away; `.part` temp
// files are left to their writer unless they are old enough to be leftovers of a killed one.

export interface TrimOptions {
  /** Milliseconds since the epoch (tests). */
  readonly now?: number;
  /** Files used more recently than this are kept whatever the size. */
  readonly minAgeMs?: number;
  /** Temp files older than this are leftovers and go first. */
  readonly partMaxAgeMs?: number;
}

export interface TrimResult {
  readonly removedFiles: number;
  readonly removedBytes: number;
  readonly keptBytes: number;
}

interface Unit {
  readonly paths: string[];
  bytes: number;
  usedMs: number;
  part: boolean;
}

const MINUTE = 60_000;

/** Every file under `dir` (nested folders included), grouped with its `.json` entry. */
function unitsOf(dir: string): Unit[] {
  const units = new Map<string, Unit>();
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return; // no folder yet: nothing cached
    }
    for (const name of names) {
      const path = join(d, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue; // removed meanwhile
      }
      if (st.isDirectory()) {
        walk(path);
        continue;
      }
      const key = path.endsWith('.json') ? path.slice(0, -'.json'.length) : path;
      const unit = units.get(key) ?? {
        paths: [],
        bytes: 0,
        usedMs: 0,
        part: name.endsWith('.part'),
      };
      unit.paths.push(path);
      unit.bytes += st.size;
      unit.usedMs = Math.max(unit.usedMs, st.mtimeMs);
      units.set(key, unit);
    }
  };
  walk(dir);
  return [...units.values()];
}

/** Record that a cached file was used now, so trimming keeps it longer (best effort). */
export function markUsed(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // gone, or a read-only cache: it only means the file may be trimmed sooner
  }
}

/** Bytes of every file under `dir`. */
export function folderBytes(dir: string): number {
  return unitsOf(dir).reduce((sum, u) => sum + u.bytes, 0);
}

/** Remove the least recently used files of `dir` until it holds at most `maxBytes`. */
export function trimFolder(dir: string, maxBytes: number, options: TrimOptions = {}): TrimResult {
  const now = options.now ?? Date.now();
  const minAge = options.minAgeMs ?? 10 * MINUTE;
  const partMaxAge = options.partMaxAgeMs ?? 60 * MINUTE;
  const units = unitsOf(dir).sort((a, b) => a.usedMs - b.usedMs);
  let kept = units.reduce((sum, u) => sum + u.bytes, 0);
  let removedFiles = 0;
  let removedBytes = 0;
  const remove = (u: Unit) => {
    for (const p of u.paths) rmSync(p, { force: true });
    removedFiles += u.paths.length;
    removedBytes += u.bytes;
    kept -= u.bytes;
  };
  for (const u of units) {
    if (u.part && now - u.usedMs > partMaxAge) remove(u);
  }
  for (const u of units) {
    if (kept <= maxBytes) break;
    if (u.part || now - u.usedMs < minAge) continue;
    remove(u);
  }
  return { removedFiles, removedBytes, keptBytes: kept };
}
