import { ERROR_CODES, FunctionError, TimeoutError, UpstreamUnavailableError } from '../errors';
import { isThrottlingCode, LIVE_CODES } from './codes';

/** What the Live client throws when Live answers 4xx/5xx (`$tea.newError`). */
interface LiveApiErrorShape {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  data?: { statusCode?: unknown; RequestId?: unknown; Message?: unknown; Recommend?: unknown; Code?: unknown };
}

/** Live codes that mean the function's own identity or permissions were refused. */
const CREDENTIAL_CODE =
  /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|MissingSecurityToken|SignatureNonceUsed|InvalidTimeStamp|ContentSHA256NotMatched|Forbidden|NoPermission|Unauthorized)/;

/** Reads a Live answer error into a FunctionError, keeping Live's code and RequestId. */
export function fromLiveAnswer(err: LiveApiErrorShape): FunctionError | undefined {
  const status = Number(err.data?.statusCode ?? err.statusCode);
  if (!Number.isInteger(status) || status < 400) return undefined;
  const code = typeof err.code === 'string' && err.code !== '' && err.code !== 'undefined' ? err.code : '';
  const requestId = typeof err.data?.RequestId === 'string' ? err.data.RequestId : null;
  const liveMessage = typeof err.data?.Message === 'string' ? err.data.Message : `Live answered HTTP ${status}.`;
  const recommend = typeof err.data?.Recommend === 'string' ? [{ recommend: err.data.Recommend }] : [];
  const opts = { requestId, details: recommend };

  if (code === '' && status >= 500)
    return new UpstreamUnavailableError(`Live answered HTTP ${status}.`, undefined, requestId);
  if (isThrottlingCode(code) || status === 429) {
    return new FunctionError(code || ERROR_CODES.throttled, liveMessage, 429, { ...opts, retryable: true });
  }
  if (status >= 500) return new FunctionError(code, liveMessage, 503, { ...opts, retryable: true });
  // Every failure has a code: one Live left out is named for what the function saw.
  if (code === '')
    return new FunctionError(
      ERROR_CODES.upstreamRejected,
      `Live answered HTTP ${status} without an error code.`,
      502,
      opts,
    );
  if (CREDENTIAL_CODE.test(code) || status === 401 || status === 403) {
    // The caller did nothing wrong: the function's own role was refused.
    return new FunctionError(code, liveMessage, 502, opts);
  }
  if (code === LIVE_CODES.casterNotFound || status === 404) return new FunctionError(code, liveMessage, 404, opts);
  return new FunctionError(code, liveMessage, status, opts);
}

/**
 * Live's answers keep their code; transport failures get ours. Messages are
 * composed here, never copied from the transport, so no header or URL leaks.
 */
export function classifyFailure(err: unknown, boundByDeadline: boolean): FunctionError {
  if (err instanceof FunctionError) return err;
  const e = (err ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const answered = fromLiveAnswer(e as Parameters<typeof fromLiveAnswer>[0]);
  if (answered) return answered;
  const name = typeof e.name === 'string' ? e.name : '';
  const timedOut = /Timeout/i.test(name) || e.code === 'ETIMEDOUT';
  if (timedOut && boundByDeadline) return new TimeoutError();
  if (timedOut) return new UpstreamUnavailableError('Live did not answer within the attempt timeout.');
  // The SDK trips over what it cannot read (a body that is not JSON, XML with no error in it, nothing at
  // all): that is Live's answer being unreadable, for a retry to try again, not a fault of the function.
  if (err instanceof SyntaxError || err instanceof TypeError || err instanceof RangeError) {
    return new UpstreamUnavailableError('Live answered with a body the function could not read.');
  }
  const code = typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) ? ` (${e.code})` : '';
  return new UpstreamUnavailableError(`Could not reach Live${code}.`);
}
