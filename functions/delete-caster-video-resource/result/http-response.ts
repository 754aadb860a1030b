import { HTTP } from '../constants';
import type { HttpResponse, InvocationResult } from '../types';

/** SPEC §5: 200 success, 207 a batch with any failure, else the error's own status. */
export function httpStatus(result: InvocationResult): number {
  if ('results' in result) return result.ok ? 200 : 207;
  return result.ok ? 200 : result.error.status;
}

export function toHttpResponse(result: InvocationResult, body: string, retryAfterSeconds?: number): HttpResponse {
  const statusCode = httpStatus(result);
  const headers: Record<string, string> = { 'content-type': HTTP.jsonContentType, 'cache-control': 'no-store' };
  if (statusCode === 405) headers.allow = HTTP.allowedMethods.join(', ');
  if (statusCode === 429 || statusCode === 503) headers['retry-after'] = String(retryAfterSeconds ?? 1);
  return { statusCode, headers, body, isBase64Encoded: false };
}
