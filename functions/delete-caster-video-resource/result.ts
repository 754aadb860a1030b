import type { FunctionError } from './errors';
import type { ItemRun } from './delete-video-resource';
import type { BatchResult, ItemFailure, ItemResult, Outcome } from './types';

export function itemResult(run: ItemRun, invocationId: string): ItemResult {
  const { item } = run;
  if (run.error || !run.outcome) {
    return failure(run.error!, invocationId, item.casterId, item.resourceId, run.attempts);
  }
  return {
    ok: true,
    outcome: run.outcome,
    casterId: item.casterId,
    resourceId: item.resourceId,
    regionId: run.regionId,
    requestId: run.requestId ?? null,
    invocationId,
    attempts: run.attempts,
    dryRun: item.dryRun,
  };
}

/** A failure of one item, or of the whole request (then the IDs are null when it never named them). */
export function failure(
  error: FunctionError,
  invocationId: string,
  casterId: string | null = null,
  resourceId: string | null = null,
  attempts?: number,
): ItemFailure {
  return {
    ok: false,
    casterId,
    resourceId,
    invocationId,
    ...(attempts !== undefined ? { attempts } : {}),
    error: error.toBody(),
  };
}

export function batchResult(results: ItemResult[], invocationId: string): BatchResult {
  const summary: BatchResult['summary'] = { deleted: 0, already_absent: 0, would_delete: 0, failed: 0 };
  for (const r of results) {
    if (r.ok) summary[r.outcome as Outcome] += 1;
    else summary.failed += 1;
  }
  return { ok: summary.failed === 0, results, summary, invocationId };
}
