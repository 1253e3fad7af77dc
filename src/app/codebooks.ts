import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook } from '../domain/codebook.js';
import { parseCodebook } from '../formats/codebook-yaml.js';

// The same two levels up from src/app and dist/app: the package's codebooks/ folder.
const DEFAULT_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'codebooks',
  'interaction.yaml',
);

let cached: Codebook | null = null;

/** The shipped interaction codebook (codebooks/interaction.yaml), parsed once. */
export function defaultCodebook(): Codebook {
  cached ??= parseCodebook(readFileSync(DEFAULT_FILE, 'utf8'), 'codebooks/interaction.yaml');
  return cached;
}

/**
 * The codebook a series uses: its own YAML (which may `extends: default`) or the default.
 * `file` names the YAML in errors.
 */
export function codebookFrom(yaml: string | null, file: string): Codebook {
  if (yaml === null) return defaultCodebook();
  return parseCodebook(yaml, file, { base: defaultCodebook() });
}
