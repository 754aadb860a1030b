import type { LogFields, Logger } from '../logger';
import type { InvocationResult } from './types';

/** Items listed one by one in a batch's log line. */
const LOGGED_ITEMS = 100;

/** The one line per invocation: enough to find each record and what became of it. */
export function logLine(
  logger: Logger,
  result: InvocationResult,
  redeliver: readonly string[],
  durationMs: number,
): void {
  const failedHard = redeliver.length > 0 || ('error' in result && result.error.status >= 500);
  const level = result.ok ? 'info' : failedHard ? 'error' : 'warn';
  const acknowledged = redeliver.length === 0;
  if ('results' in result) {
    logger.log(level, 'batch invocation', {
      outcome: result.ok ? 'ok' : 'partial_failure',
      summary: result.summary,
      ...(acknowledged ? {} : { redeliver }),
      // The line stays small whatever a delivery holds: the summary counts every item, the list the first ones.
      items: result.results.slice(0, LOGGED_ITEMS).map((r) => ({
        casterId: r.casterId,
        resourceId: r.resourceId,
        ...(r.ok
          ? { outcome: r.outcome, requestId: r.requestId, ...(r.locationId ? { locationId: r.locationId } : {}) }
          : { errorCode: r.error.code, requestId: r.error.requestId }),
        attempts: r.attempts ?? 0,
        ...(r.record ? { record: r.record } : {}),
      })),
      ...(result.results.length > LOGGED_ITEMS ? { itemsNotListed: result.results.length - LOGGED_ITEMS } : {}),
      durationMs,
    });
    return;
  }
  // Set field by field rather than spread from conditional objects: this runs on every invocation.
  const fields: LogFields = { casterId: result.casterId, resourceId: result.resourceId };
  if (result.ok) {
    fields.outcome = result.outcome;
    fields.dryRun = result.dryRun;
    fields.regionId = result.regionId;
    fields.requestId = result.requestId;
    if (result.locationId) fields.locationId = result.locationId;
  } else {
    fields.errorCode = result.error.code;
    fields.status = result.error.status;
    fields.requestId = result.error.requestId;
  }
  if (!acknowledged) fields.redeliver = redeliver;
  fields.attempts = result.attempts ?? 0;
  if (result.record) fields.record = result.record;
  fields.durationMs = durationMs;
  logger.log(level, result.ok ? 'video resource delete' : 'video resource delete failed', fields);
}
