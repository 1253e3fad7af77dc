import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { ReceiptsError, type ErrorCode } from '../domain/errors.js';

/** A parsed YAML document and the line of any path in it, for errors that name both. */
export interface LocatedYaml {
  readonly doc: Document;
  /** The 1-based line of `path`, or of its nearest ancestor that is in the document. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Parse YAML for a file people write by hand (canon.yaml, codebooks): duplicate keys are
 * errors, and a syntax error is a ReceiptsError with `code`, the file and the line.
 */
export function parseLocatedYaml(text: string, file: string, code: ErrorCode): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new ReceiptsError(code, `not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      file,
      line,
    });
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { doc, lineOf };
}
