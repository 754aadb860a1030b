import { ERROR_CODES, FunctionError } from '../errors';
import { isMalformedCode, LIVE_CODES } from '../live/codes';
import type { Settled } from '../types';

/** The failures that are the record's own: a redelivery would fail the same way. */
const RECORDS_OWN: ReadonlySet<string> = new Set([
  ERROR_CODES.invalidRequest,
  ERROR_CODES.casterNotAllowed,
  LIVE_CODES.casterNotFound,
  // An HTTP request that is not one this function takes (an asynchronous call is redelivered only on a throw).
  ERROR_CODES.payloadTooLarge,
  ERROR_CODES.unsupportedMediaType,
  ERROR_CODES.methodNotAllowed,
  ERROR_CODES.notFound,
]);

/**
 * Whether an invocation nobody waits for must throw for this failure, so that
 * FC or EventBridge delivers it again (and a dead-letter queue keeps it in the
 * end). Only the record's own failures are acknowledged; anything else (a
 * retry, a fixed deployment or a fixed Live may cure it, and an answer nobody
 * expected) is redelivered.
 */
export function mustRedeliver(error: { code: string }): boolean {
  return !(RECORDS_OWN.has(error.code) || isMalformedCode(error.code));
}

/** The codes of the failures that must be redelivered, each once; empty: acknowledge. */
export function redeliverCodes(settled: Settled | FunctionError): string[] {
  const failures =
    settled instanceof FunctionError
      ? [settled]
      : (settled.shape === 'single' ? [settled.done] : settled.done).flatMap((d) =>
          d.kind === 'refused' ? [d.work.error] : d.ran.ok ? [] : [d.ran.error],
        );
  return [...new Set(failures.filter(mustRedeliver).map((e) => e.code))];
}
