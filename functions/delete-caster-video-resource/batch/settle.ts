import { mustRedeliver, RetryLaterError } from '../errors';
import { redact } from '../redaction';
import { batchResult, failure } from '../result/result';
import type { ErrorBody, InvocationResult, ItemResult, RecordRef } from '../types';
import type { ItemRun } from './process';

/** What an invocation ended with, and what an event invocation must not acknowledge. */
export interface Settled {
  result: InvocationResult;
  /** Codes of the failures a redelivery or a fixed deployment can cure (empty: acknowledge). */
  redeliver: string[];
  retryAfterSeconds?: number;
}

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
    return failure(run.error!, invocationId, {
      casterId: work.casterId,
      resourceId: work.resourceId,
      attempts: run.attempts,
      record,
    });
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

function errorsOf(result: InvocationResult): ErrorBody[] {
  const items = 'results' in result ? result.results : [result];
  return items.flatMap((r) => (r.ok ? [] : [r.error]));
}

/** The result of every item, and the throw-or-return decision over all of them. */
export function settle(runs: ItemRun[], batch: boolean, invocationId: string): Settled {
  const results = runs.map((run) => itemResult(run, invocationId, batch || runs.length !== 1));
  const result = batch || results.length !== 1 ? batchResult(results, invocationId) : results[0];
  const retryAfterSeconds = runs.find((r) => r.error?.retryAfterSeconds !== undefined)?.error?.retryAfterSeconds;
  return { result, redeliver: redeliverCodes(result), retryAfterSeconds };
}

export function redeliverCodes(result: InvocationResult): string[] {
  return [
    ...new Set(
      errorsOf(result)
        .filter(mustRedeliver)
        .map((e) => e.code),
    ),
  ];
}

/**
 * Thrown after every record has run, so FC's async retry or EventBridge's
 * retry policy redelivers the event (the deletes are idempotent) and, once
 * its retries run out, a dead-letter queue keeps it. Names the codes and the
 * invocation; the result rides along for local tools.
 */
export function retryLater(settled: Settled, invocationId: string, secrets: readonly string[]): RetryLaterError {
  const codes = settled.redeliver.join(', ');
  const message = `${codes} remained for invocation ${invocationId}; not acknowledged, so that it is delivered again.`;
  return new RetryLaterError(redact(message, secrets), settled.result);
}
