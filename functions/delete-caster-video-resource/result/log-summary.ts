import type { Logger } from '../logger';
import type { InvocationResult } from '../types';

/** The one line per invocation (SPEC §7): enough to find each record and what became of it. */
export function logSummary(logger: Logger, result: InvocationResult, redeliver: readonly string[], durationMs: number): void {
  const failedHard = redeliver.length > 0 || ('error' in result && result.error.status >= 500);
  const level = result.ok ? 'info' : failedHard ? 'error' : 'warn';
  const acknowledged = redeliver.length === 0;
  if ('results' in result) {
    logger.log(level, 'batch invocation', {
      outcome: result.ok ? 'ok' : 'partial_failure',
      summary: result.summary,
      ...(acknowledged ? {} : { redeliver }),
      items: result.results.map((r) => ({
        casterId: r.casterId,
        resourceId: r.resourceId,
        ...(r.ok ? { outcome: r.outcome, requestId: r.requestId } : { errorCode: r.error.code, requestId: r.error.requestId }),
        attempts: r.attempts ?? 0,
        ...(r.record ? { record: r.record } : {}),
      })),
      durationMs,
    });
    return;
  }
  logger.log(level, result.ok ? 'video resource delete' : 'video resource delete failed', {
    casterId: result.casterId,
    resourceId: result.resourceId,
    ...(result.ok
      ? { outcome: result.outcome, dryRun: result.dryRun, regionId: result.regionId, requestId: result.requestId }
      : { errorCode: result.error.code, status: result.error.status, requestId: result.error.requestId }),
    ...(acknowledged ? {} : { redeliver }),
    attempts: result.attempts ?? 0,
    ...(result.record ? { record: result.record } : {}),
    durationMs,
  });
}
