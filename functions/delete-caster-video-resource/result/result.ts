import type { ItemRun } from '../batch/process';
import type { FunctionError } from '../errors';
import type { BatchResult, ItemFailure, ItemResult, Outcome, RecordRef } from '../types';

/** The record an item came from: its place in the results and its identity in the source. */
function recordRef(run: ItemRun, batch: boolean): RecordRef | undefined {
  const { index, identity } = run.work;
  if (!batch && (!identity || Object.keys(identity).length === 0)) return undefined;
  return { index, ...identity };
}

export function itemResult(run: ItemRun, invocationId: string, batch: boolean): ItemResult {
  const { work } = run;
  const record = recordRef(run, batch);
  if (run.error || !run.outcome || !work.item) {
    return failure(run.error!, invocationId, { casterId: work.casterId, resourceId: work.resourceId, attempts: run.attempts, record });
  }
  return {
    ok: true,
    outcome: run.outcome,
    casterId: work.item.casterId,
    resourceId: work.item.resourceId,
    regionId: work.item.regionId,
    requestId: run.requestId ?? null,
    invocationId,
    attempts: run.attempts,
    dryRun: work.item.dryRun,
    ...(record ? { record } : {}),
  };
}

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
