import type { FunctionError } from '../errors';
import type { Done, Origin, Settled } from '../types';
import type { BatchResult, InvocationResult, ItemFailure, ItemResult, ItemSuccess, RecordRef } from './types';

/** An invocation's result, and how long an HTTP caller should wait to retry what failed. */
export interface Shaped {
  result: InvocationResult;
  retryAfterSeconds: number;
}

/** Until a throttled or unavailable request may be tried again, when nothing more precise is known. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Where a failure belongs: an item, or the whole request when it failed before any item was read. */
type FailedAt =
  | { kind: 'request' }
  | {
      kind: 'item';
      casterId: string | null;
      resourceId: string | null;
      attempts: number;
      record: RecordRef | undefined;
    };

function failure(error: FunctionError, invocationId: string, at: FailedAt): ItemFailure {
  if (at.kind === 'request')
    return { ok: false, casterId: null, resourceId: null, invocationId, error: error.toBody() };
  const { casterId, resourceId, attempts, record } = at;
  return {
    ok: false,
    casterId,
    resourceId,
    invocationId,
    attempts,
    error: error.toBody(),
    ...(record ? { record } : {}),
  };
}

/** The record an item came from: in a batch always, alone only when its source named it. */
function recordRef({ index, identity }: Origin, inBatch: boolean): RecordRef | undefined {
  if (!inBatch && Object.keys(identity).length === 0) return undefined;
  return { index, ...identity };
}

function itemResult(done: Done, invocationId: string, inBatch: boolean): ItemResult {
  const record = recordRef(done.work.origin, inBatch);
  if (done.kind === 'refused') {
    const { casterId, resourceId, error } = done.work;
    return failure(error, invocationId, { kind: 'item', casterId, resourceId, attempts: 0, record });
  }
  const { work, ran } = done;
  const { item } = work;
  const { casterId, regionId, dryRun } = item;
  const named = item.kind === 'resource' ? item.resourceId : null;
  if (!ran.ok) {
    const at = { kind: 'item', casterId, resourceId: named, attempts: ran.attempts, record } as const;
    return failure(ran.error, invocationId, at);
  }
  const { outcome, requestId, attempts, listed } = ran;
  const success: ItemSuccess = {
    ok: true,
    outcome,
    casterId,
    // A slot's resource is the one Live lists there.
    resourceId: named ?? listed?.resourceId ?? null,
    regionId,
    requestId,
    invocationId,
    attempts,
    dryRun,
  };
  // What a list showed of the resource, never its URLs: for a dry run, a slot, or a delete checked by its slot.
  if (listed !== undefined) {
    success.resourceName = listed?.resourceName ?? null;
    success.locationId = listed?.locationId ?? item.locationId;
  }
  return record ? { ...success, record } : success;
}

function batchResult(results: ItemResult[], invocationId: string): BatchResult {
  const summary: BatchResult['summary'] = { deleted: 0, already_absent: 0, would_delete: 0, failed: 0 };
  for (const r of results) {
    if (r.ok) summary[r.outcome] += 1;
    else summary.failed += 1;
  }
  return { ok: summary.failed === 0, results, summary, invocationId };
}

/** The first wait a failure asked for. */
function retryAfterOf(done: readonly Done[]): number {
  for (const d of done) {
    const error = d.kind === 'refused' ? d.work.error : d.ran.ok ? undefined : d.ran.error;
    if (error?.retryAfterSeconds !== undefined) return error.retryAfterSeconds;
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/** The result of every item, in the shape the plan chose. */
export function resultOf(settled: Settled, invocationId: string): Shaped {
  if (settled.shape === 'single') {
    return { result: itemResult(settled.done, invocationId, false), retryAfterSeconds: retryAfterOf([settled.done]) };
  }
  const results = settled.done.map((d) => itemResult(d, invocationId, true));
  return { result: batchResult(results, invocationId), retryAfterSeconds: retryAfterOf(settled.done) };
}

/** The whole request failed before any item ran (it could not be read, or the instance is misconfigured). */
export function requestFailure(error: FunctionError, invocationId: string): Shaped {
  const result = failure(error, invocationId, { kind: 'request' });
  return { result, retryAfterSeconds: error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
}
