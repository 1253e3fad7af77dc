import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_SHARED_DATA, SHARED_DATA } from '../test/shared-data.js';

/** Benchmarks on the real data set stop with a clear message where ../shared/data is absent. */
export function requireSharedData(bench: string): string {
  if (!HAS_SHARED_DATA) {
    console.error(`${bench} needs ../shared/data beside the repository; it is absent.`);
    process.exit(2);
  }
  return SHARED_DATA;
}

/** Files under `dir` (recursively) whose names match `ext`, sorted, as full paths. */
export function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));
}
