import { ERROR_CODES, FunctionError, TimeoutError, UpstreamUnavailableError } from '../errors';
import { isThrottlingCode, LIVE_CODES } from './codes';

/** Live's error body, as the Live client throws it for a 4xx/5xx (`$tea.newError`'s `data`) or answers it with a 2xx. */
interface LiveErrorBody {
  statusCode?: unknown;
  RequestId?: unknown;
  Message?: unknown;
  Recommend?: unknown;
  Code?: unknown;
}

/** What the Live client throws when Live answers 4xx/5xx (`$tea.newError`). */
interface LiveApiErrorShape {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  data?: LiveErrorBody;
}

/** Live codes that mean the function's own identity or permissions were refused. */
const CREDENTIAL_CODE =
  /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|MissingSecurityToken|SignatureNonceUsed|InvalidTimeStamp|ContentSHA256NotMatched|InvalidUserId|Forbidden|NoPermission|Unauthorized)/;

/**
 * Live's codes that blame the record itself: an ID or parameter it could not
 * read, a caster it does not have. Named one by one, never by a pattern:
 * `InvalidSecurityToken.Malformed` or `InvalidUserId.Malformed` come from the
 * function's credentials, and acknowledging them would drop the event.
 */
const RECORDS_OWN_CODES: ReadonlySet<string> = new Set([
  'InvalidCasterId.Malformed',
  'InvalidParameter.Malformed',
  LIVE_CODES.casterNotFound,
]);

/** Live refused the request itself: a 4xx, not throttling. A 5xx (or a 2xx) carrying a code proves nothing about it. */
export function isLiveRefusal(liveStatus: number | null): boolean {
  return liveStatus !== null && liveStatus >= 400 && liveStatus < 500 && liveStatus !== 429;
}

/** Live's RequestId, when the answer carries one that is not blank. */
const requestIdOf = (data: LiveErrorBody) =>
  typeof data.RequestId === 'string' && data.RequestId.trim() !== '' ? data.RequestId : null;

/** Reads a Live answer error into a FunctionError, keeping Live's code and RequestId. */
export function fromLiveAnswer(err: LiveApiErrorShape): FunctionError | undefined {
  const status = Number(err.data?.statusCode ?? err.statusCode);
  if (!Number.isInteger(status) || status < 400) return undefined;
  const code = typeof err.code === 'string' && err.code !== '' && err.code !== 'undefined' ? err.code : '';
  return liveError(status, code, err.data ?? {});
}

/** Live's error, whatever status it came with; whose fault it is is decided here, once. */
function liveError(status: number, code: string, data: LiveErrorBody): FunctionError {
  const requestId = requestIdOf(data);
  const liveMessage = typeof data.Message === 'string' ? data.Message : `Live answered HTTP ${status}.`;
  const recommend = typeof data.Recommend === 'string' ? [{ recommend: data.Recommend }] : [];
  // Only Live's own refusal, shown by its RequestId, makes a failure the record's.
  const recordsOwn = RECORDS_OWN_CODES.has(code) && isLiveRefusal(status) && requestId !== null;
  const opts = { requestId, details: recommend, liveStatus: status, recordsOwn };

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
  // A refusal sent with a success status: Live's code, but no status of its own to pass on.
  return new FunctionError(code, liveMessage, status >= 400 ? status : 502, opts);
}

/**
 * An answer below 400 is evidence that Live did the work only as a 200 JSON
 * object with a RequestId and no error Code: a gateway's empty 200, a 202 that
 * promises nothing, or a refusal sent with 200 proves nothing. Returns the
 * error such an answer amounts to; undefined when it is evidence.
 */
export function unprovenAnswer(status: number, body: unknown): FunctionError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return new UpstreamUnavailableError(`Live answered HTTP ${status} without a JSON object.`);
  const answer = body as LiveErrorBody;
  if (typeof answer.Code === 'string' && answer.Code !== '') return liveError(status, answer.Code, answer);
  // Live's successes carry no Code at all: one in any letter case, even empty or null, is no success.
  if (Object.keys(answer).some((key) => key.toLowerCase() === 'code'))
    return new UpstreamUnavailableError(`Live answered HTTP ${status} with an error code it could not name.`);
  const requestId = requestIdOf(answer);
  // Live answers its successes 200; a 202 or 206 promises nothing.
  if (status !== 200) return new UpstreamUnavailableError(`Live answered HTTP ${status}.`, undefined, requestId);
  if (requestId === null)
    return new UpstreamUnavailableError(`Live answered HTTP ${status} without a RequestId: nothing shows it was done.`);
  return undefined;
}

/**
 * Live's answers keep their code; transport failures get ours. Messages are
 * composed here, never copied from the transport, so no header or URL leaks.
 */
export function classifyFailure(err: unknown, boundByDeadline: boolean): FunctionError {
  if (err instanceof FunctionError) return err;
  const e = (err ?? {}) as { name?: unknown; code?: unknown; message?: unknown; limit?: unknown };
  const answered = fromLiveAnswer(e as Parameters<typeof fromLiveAnswer>[0]);
  if (answered) return answered;
  const name = typeof e.name === 'string' ? e.name : '';
  // transport/httpx.js stopped reading a body no Live answer comes near: retrying may meet a sane one.
  if (name === 'AnswerTooLargeError') {
    const limit = Number.isSafeInteger(e.limit) ? ` ${e.limit} bytes` : ' the limit';
    return new UpstreamUnavailableError(`Live's answer was larger than${limit}; the function stopped reading it.`);
  }
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
