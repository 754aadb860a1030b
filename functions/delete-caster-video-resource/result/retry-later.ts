import { RetryLaterError } from '../errors';
import { redact } from '../redaction';
import type { InvocationResult } from './types';

/** What an invocation leaves undone: its result, the codes to redeliver, and what to mask in the message. */
export interface Unacknowledged {
  result: InvocationResult;
  redeliver: readonly string[];
  invocationId: string;
  secrets: readonly string[];
}

/**
 * Thrown after every record has run, so that FC's async retry or
 * EventBridge's retry policy delivers the event again (the deletes are
 * idempotent) and, once its retries run out, a dead-letter queue keeps it.
 * Names the codes and the invocation; the result rides along for local tools.
 */
export function retryLater({ result, redeliver, invocationId, secrets }: Unacknowledged): RetryLaterError {
  const codes = redeliver.join(', ');
  const message = `${codes} remained for invocation ${invocationId}; not acknowledged, so that it is delivered again.`;
  return new RetryLaterError(redact(message, secrets), result);
}
