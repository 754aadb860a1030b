import { ALLOWED_METHODS } from '../request/http';
import type { HttpAnswer, InvocationResult } from './types';

/** What an HTTP caller is answered: the result (already redacted), and how long to wait before retrying it. */
export interface Answer {
  result: InvocationResult;
  retryAfterSeconds: number;
}

/** 200 success, 207 a batch with any failure, else the error's own status. */
function statusOf({ result }: Answer): number {
  if ('results' in result) return result.ok ? 200 : 207;
  return result.ok ? 200 : result.error.status;
}

/** An answer for a caller waiting on HTTP (its result already redacted). */
export function httpAnswer(answer: Answer): HttpAnswer {
  const status = statusOf(answer);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  };
  if (status === 405) headers.allow = ALLOWED_METHODS.join(', ');
  if (status === 429 || status === 503) headers['retry-after'] = String(answer.retryAfterSeconds);
  return { status, headers, body: JSON.stringify(answer.result) };
}
