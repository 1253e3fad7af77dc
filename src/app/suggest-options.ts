import { REVIEW_THRESHOLD } from '../nlp/confidence.js';

// Apart from suggest.ts so that the CLI can list the flags without loading the suggester
// (and its tagger, compromise) until `suggest` runs.
/** `suggest` options, defined once for flags, --help and validation. */
export const SUGGEST_OPTIONS = [
  {
    name: 'series',
    flag: '--series <id>',
    help: 'the series (needed when the library holds several)',
  },
  { name: 'episode', flag: '--episode <id>', help: 'read this episode' },
  { name: 'all', flag: '--all', help: 'read every episode of the series' },
  {
    name: 'minConfidence',
    flag: '--min-confidence <0..1>',
    help: `keep suggestions at least this sure (default ${REVIEW_THRESHOLD}; 0 keeps all)`,
  },
] as const;
