import { pathToFileURL } from 'node:url';
import { XMLBuilder } from 'fast-xml-parser';
import type { EafStereotype } from './eaf-read.js';

/**
 * Writing ELAN annotation documents in EAF 3.0, the elements in the order the schema
 * (EAFv3.0.xsd) requires: HEADER, TIME_ORDER, TIER*, LINGUISTIC_TYPE*, LOCALE*, LANGUAGE*,
 * CONSTRAINT*, CONTROLLED_VOCABULARY*.
 */

export const EAF_SCHEMA_LOCATION = 'http://www.mpi.nl/tools/elan/EAFv3.0.xsd';

export interface EafWriteMedia {
  /** An absolute URL (`file:///...`, `https://...`). */
  readonly url: string;
  readonly mimeType: string;
  /** Relative to the .eaf file (`./episode.mp4`), or null. */
  readonly relativeUrl: string | null;
}

export interface EafWriteLinguisticType {
  readonly id: string;
  /** null for the type of an independent, time-aligned tier. */
  readonly stereotype: EafStereotype | null;
  /** The CV_ID of a controlled vocabulary, or null. */
  readonly vocabulary: string | null;
}

export interface EafWriteVocabulary {
  readonly id: string;
  readonly description: string | null;
  readonly entries: readonly {
    readonly id: string;
    readonly value: string;
    readonly description: string | null;
  }[];
}

export type EafWriteAnnotation =
  | {
      readonly kind: 'alignable';
      readonly id: string;
      readonly startMs: number;
      readonly endMs: number;
      readonly value: string;
      /** The CVE_ID of the vocabulary entry the value is, or null. */
      readonly cveRef: string | null;
    }
  | {
      readonly kind: 'ref';
      readonly id: string;
      /** The annotation of the parent tier this one refers to. */
      readonly ref: string;
      readonly value: string;
      readonly cveRef: string | null;
    };

export interface EafWriteTier {
  readonly id: string;
  readonly linguisticType: string;
  readonly parent: string | null;
  readonly participant: string | null;
  readonly annotator: string | null;
  readonly annotations: readonly EafWriteAnnotation[];
}

export interface EafWriteInput {
  readonly author: string;
  /** ISO 8601 date-time, passed in so writing stays pure. */
  readonly date: string;
  readonly media: EafWriteMedia | null;
  /** HEADER PROPERTYs besides lastUsedAnnotationId, which is computed. */
  readonly properties: readonly { readonly name: string; readonly value: string }[];
  readonly tiers: readonly EafWriteTier[];
  readonly linguisticTypes: readonly EafWriteLinguisticType[];
  readonly vocabularies: readonly EafWriteVocabulary[];
}

/** The constraint descriptions ELAN itself writes for its four stereotypes. */
const CONSTRAINTS: readonly (readonly [EafStereotype, string])[] = [
  [
    'Time_Subdivision',
    "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval",
  ],
  [
    'Symbolic_Subdivision',
    'Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered',
  ],
  ['Symbolic_Association', '1-1 association with a parent annotation'],
  [
    'Included_In',
    "Time alignable annotations within the parent annotation's time interval, gaps are allowed",
  ],
];

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '    ',
  suppressEmptyNode: true,
  // Otherwise `TIME_ALIGNABLE="true"` is written as a bare attribute, which is not XML.
  suppressBooleanAttributes: false,
});

/**
 * An EAF 3.0 document for ELAN. Each alignable annotation gets its own two TIME_SLOTs,
 * numbered in time order. Times must be integer ms with end >= start (the caller checks);
 * characters XML 1.0 cannot hold are dropped from values.
 */
export function writeEaf(input: EafWriteInput): string {
  const slots: { id: string; ms: number; owner: string; end: boolean }[] = [];
  for (const tier of input.tiers) {
    for (const a of tier.annotations) {
      if (a.kind !== 'alignable') continue;
      slots.push({ id: '', ms: a.startMs, owner: a.id, end: false });
      slots.push({ id: '', ms: a.endMs, owner: a.id, end: true });
    }
  }
  // Stable sort: equal times keep annotation order, so every start precedes its own end.
  slots.sort((x, y) => x.ms - y.ms);
  const slotOf = new Map<string, string>();
  slots.forEach((s, i) => {
    s.id = `ts${i + 1}`;
    slotOf.set(`${s.owner}\u0000${s.end ? 2 : 1}`, s.id);
  });

  let lastId = 0;
  for (const tier of input.tiers) {
    for (const a of tier.annotations) {
      const n = /^a(\d+)$/.exec(a.id);
      if (n !== null) lastId = Math.max(lastId, Number(n[1]));
    }
  }

  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    ANNOTATION_DOCUMENT: {
      '@_AUTHOR': xmlSafe(input.author),
      '@_DATE': input.date,
      '@_FORMAT': '3.0',
      '@_VERSION': '3.0',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:noNamespaceSchemaLocation': EAF_SCHEMA_LOCATION,
      HEADER: {
        '@_MEDIA_FILE': '',
        '@_TIME_UNITS': 'milliseconds',
        MEDIA_DESCRIPTOR:
          input.media === null
            ? []
            : [
                {
                  '@_MEDIA_URL': xmlSafe(input.media.url),
                  '@_MIME_TYPE': input.media.mimeType,
                  ...(input.media.relativeUrl === null
                    ? {}
                    : { '@_RELATIVE_MEDIA_URL': xmlSafe(input.media.relativeUrl) }),
                },
              ],
        PROPERTY: [
          ...input.properties.map((p) => ({
            '@_NAME': xmlSafe(p.name),
            '#text': xmlSafe(p.value),
          })),
          { '@_NAME': 'lastUsedAnnotationId', '#text': String(lastId) },
        ],
      },
      TIME_ORDER: {
        TIME_SLOT: slots.map((s) => ({ '@_TIME_SLOT_ID': s.id, '@_TIME_VALUE': String(s.ms) })),
      },
      TIER: input.tiers.map((t) => ({
        ...(t.annotator === null ? {} : { '@_ANNOTATOR': xmlSafe(t.annotator) }),
        '@_LINGUISTIC_TYPE_REF': t.linguisticType,
        ...(t.parent === null ? {} : { '@_PARENT_REF': xmlSafe(t.parent) }),
        ...(t.participant === null ? {} : { '@_PARTICIPANT': xmlSafe(t.participant) }),
        '@_TIER_ID': xmlSafe(t.id),
        ANNOTATION: t.annotations.map((a) => annotation(a, slotOf)),
      })),
      LINGUISTIC_TYPE: input.linguisticTypes.map((lt) => ({
        ...(lt.stereotype === null ? {} : { '@_CONSTRAINTS': lt.stereotype }),
        ...(lt.vocabulary === null
          ? {}
          : { '@_CONTROLLED_VOCABULARY_REF': xmlSafe(lt.vocabulary) }),
        '@_GRAPHIC_REFERENCES': 'false',
        '@_LINGUISTIC_TYPE_ID': xmlSafe(lt.id),
        '@_TIME_ALIGNABLE': String(
          lt.stereotype !== 'Symbolic_Association' && lt.stereotype !== 'Symbolic_Subdivision',
        ),
      })),
      LOCALE: [{ '@_COUNTRY_CODE': 'US', '@_LANGUAGE_CODE': 'en' }],
      LANGUAGE: [
        {
          '@_LANG_DEF': 'http://cdb.iso.org/lg/CDB-00138502-001',
          '@_LANG_ID': 'eng',
          '@_LANG_LABEL': 'English (eng)',
        },
      ],
      CONSTRAINT: CONSTRAINTS.map(([stereotype, description]) => ({
        '@_DESCRIPTION': description,
        '@_STEREOTYPE': stereotype,
      })),
      CONTROLLED_VOCABULARY: input.vocabularies.map((cv) => ({
        '@_CV_ID': xmlSafe(cv.id),
        DESCRIPTION: [{ '@_LANG_REF': 'eng', '#text': xmlSafe(cv.description ?? '') }],
        CV_ENTRY_ML: cv.entries.map((e) => ({
          '@_CVE_ID': xmlSafe(e.id),
          CVE_VALUE: [
            {
              ...(e.description === null ? {} : { '@_DESCRIPTION': xmlSafe(e.description) }),
              '@_LANG_REF': 'eng',
              '#text': xmlSafe(e.value),
            },
          ],
        })),
      })),
    },
  };
  return builder.build(doc);
}

function annotation(a: EafWriteAnnotation, slotOf: ReadonlyMap<string, string>): object {
  const value = { ANNOTATION_VALUE: { '#text': xmlSafe(a.value) } };
  const cve = a.cveRef === null ? {} : { '@_CVE_REF': xmlSafe(a.cveRef) };
  if (a.kind === 'alignable') {
    return {
      ALIGNABLE_ANNOTATION: {
        '@_ANNOTATION_ID': xmlSafe(a.id),
        ...cve,
        '@_TIME_SLOT_REF1': slotOf.get(`${a.id}\u00001`),
        '@_TIME_SLOT_REF2': slotOf.get(`${a.id}\u00002`),
        ...value,
      },
    };
  }
  return {
    REF_ANNOTATION: {
      '@_ANNOTATION_ID': xmlSafe(a.id),
      '@_ANNOTATION_REF': xmlSafe(a.ref),
      ...cve,
      ...value,
    },
  };
}

/** Drop what XML 1.0 cannot hold: most C0 controls, lone surrogates, U+FFFE and U+FFFF. */
export function xmlSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- removing these characters is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  wav: 'audio/x-wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
};

/**
 * A MEDIA_DESCRIPTOR for a media file: a URL is kept, an absolute path becomes a file: URL;
 * a relative path (relative to where the .eaf will be) is written as RELATIVE_MEDIA_URL,
 * which ELAN tries when MEDIA_URL does not resolve.
 */
export function eafMedia(pathOrUrl: string): EafWriteMedia {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(pathOrUrl)?.[1]?.toLowerCase() ?? '';
  const mimeType = MIME_TYPES[ext] ?? 'unknown';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathOrUrl)) {
    return { url: pathOrUrl, mimeType, relativeUrl: null };
  }
  if (pathOrUrl.startsWith('/')) {
    return { url: pathToFileURL(pathOrUrl).href, mimeType, relativeUrl: null };
  }
  if (/^[a-z]:[\\/]/i.test(pathOrUrl)) {
    const url = `file:///${encodeURI(pathOrUrl.replace(/\\/g, '/'))}`;
    return { url, mimeType, relativeUrl: null };
  }
  const rel = pathOrUrl.replace(/\\/g, '/');
  const relativeUrl = rel.startsWith('./') || rel.startsWith('../') ? rel : `./${rel}`;
  return { url: `file:${encodeURI(relativeUrl)}`, mimeType, relativeUrl };
}
