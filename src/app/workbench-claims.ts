import type { CanonStore } from '../store/canon-store.js';
import { checkClaim, openClaimSession, readClaim } from './check-claim.js';
import type { ClaimCheckView, DraftCheckView } from './workbench-types.js';

export interface ClaimRequest {
  readonly text: string;
  readonly series?: string;
  /** Count unreviewed suggestions as evidence (and suggester-read episodes as covered). */
  readonly includeSuggested: boolean;
}

/** Check one claim written in the short form (or JSON), as `receipts claim` does. */
export async function checkClaimText(
  store: CanonStore,
  request: ClaimRequest,
): Promise<ClaimCheckView> {
  const session = await openClaimSession(store, {
    ...(request.series === undefined ? {} : { series: request.series }),
    includeSuggested: request.includeSuggested,
  });
  const verdict = await checkClaim(store, session, readClaim(session, request.text));
  return { series: { id: session.ctx.series.id, title: session.ctx.series.title }, verdict };
}

/** Check every claim sentence of a pasted draft; the checker (and its tagger) loads only now. */
export async function checkDraftText(
  store: CanonStore,
  request: ClaimRequest,
): Promise<DraftCheckView> {
  const draft = await import('./check-draft.js');
  const check = await draft.checkDraftText(store, request.text, {
    shownAs: 'draft',
    includeSuggested: request.includeSuggested,
    ...(request.series === undefined ? {} : { series: request.series }),
  });
  const series = (await store.listSeries()).find((s) => s.id === check.series);
  return {
    series: { id: check.series, title: series?.title ?? check.series },
    sentences: check.summary.sentences,
    findings: check.findings.map((f) => ({
      line: f.line,
      column: f.column,
      sentence: f.sentence,
      cue: f.cue,
      severity: f.severity,
      reason: f.reason,
      verdict: f.verdict,
      notCheckable: f.notCheckable,
      notes: f.notes,
    })),
  };
}
