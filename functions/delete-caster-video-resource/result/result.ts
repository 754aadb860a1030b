import type { FunctionError } from '../errors';
import type { BatchResult, ItemFailure, ItemResult, Outcome, RecordRef } from '../types';

/** A failure of one item, or of the whole request (then the IDs are null when it never named them). */
export function failure(
  error: FunctionError,
  invocationId: string,
  at: { casterId?: string | null; resourceId?: string | null; attempts?: number; record?: RecordRef } = {},
): ItemFailure {
  return {
    ok: false,
    casterId: at.casterId ?? null,
    resourceId: at.resourceId ?? null,
    invocationId,
    ...(at.attempts !== undefined ? { attempts: at.attempts } : {}),
    error: error.toBody(),
    ...(at.record ? { record: at.record } : {}),
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
