import { ERROR_CODES, LIVE_CODES } from './constants';
import type { ErrorBody } from './types';

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Every failure this function reports: a code, an HTTP status and whether a retry may help. */
export class FunctionError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retryable: boolean;
  readonly requestId: string | null;
  readonly details: unknown[];
  /** Seconds a caller should wait before retrying (429 / 503). */
  retryAfterSeconds?: number;

  constructor(
    code: string,
    message: string,
    status: number,
    opts: { retryable?: boolean; requestId?: string | null; details?: unknown[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'FunctionError';
    this.code = code;
    this.status = status;
    this.retryable = opts.retryable ?? false;
    this.requestId = opts.requestId ?? null;
    this.details = opts.details ?? [];
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      status: this.status,
      retryable: this.retryable,
      requestId: this.requestId,
      details: this.details,
    };
  }
}

/** More problems than this are counted, not listed, so a hostile event cannot inflate the answer. */
export const MAX_LISTED_PROBLEMS = 100;

export class InvalidRequestError extends FunctionError {
  constructor(problems: FieldProblem[]) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    if (problems.length > listed.length) {
      listed.push({ field: '(request)', problem: `${problems.length - MAX_LISTED_PROBLEMS} more problems not listed` });
    }
    const summary = listed.map((p) => `${p.field}: ${p.problem}`).join('; ');
    super(ERROR_CODES.invalidRequest, `Invalid request: ${summary}`, 400, { details: listed });
  }
}

export class PayloadTooLargeError extends FunctionError {
  constructor(limit: number) {
    super(ERROR_CODES.payloadTooLarge, `The request body is larger than ${limit} bytes.`, 413);
  }
}

export class UnsupportedMediaTypeError extends FunctionError {
  constructor(contentType: string) {
    super(
      ERROR_CODES.unsupportedMediaType,
      `Content type "${contentType}" is not supported; send application/json or application/x-www-form-urlencoded.`,
      415,
    );
  }
}

export class MethodNotAllowedError extends FunctionError {
  constructor(method: string, readonly allow: readonly string[]) {
    super(ERROR_CODES.methodNotAllowed, `Method ${method} is not allowed; use ${allow.join(' or ')}.`, 405);
  }
}

export class CasterNotAllowedError extends FunctionError {
  constructor(casterId: string) {
    super(ERROR_CODES.casterNotAllowed, `Caster ${casterId} is not in ALLOWED_CASTER_IDS.`, 403);
  }
}

export class MissingCredentialsError extends FunctionError {
  constructor() {
    super(
      ERROR_CODES.missingCredentials,
      'No credentials: attach a RAM role to the function, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
      500,
    );
  }
}

export class InvalidConfigurationError extends FunctionError {
  constructor(message: string) {
    super(ERROR_CODES.invalidConfiguration, message, 500);
  }
}

export class TimeoutError extends FunctionError {
  constructor(message = 'The function ran out of time before Live answered.') {
    super(ERROR_CODES.timeout, message, 504, { retryable: true });
  }
}

export class UpstreamUnavailableError extends FunctionError {
  constructor(message: string, retryAfterSeconds?: number) {
    super(ERROR_CODES.upstreamUnavailable, message, 503, { retryable: true, retryAfterSeconds });
  }
}

export class ThrottledError extends FunctionError {
  constructor(message: string, retryAfterSeconds: number) {
    super(ERROR_CODES.throttled, message, 429, { retryable: true, retryAfterSeconds });
  }
}

/** What the Live client throws when Live answers 4xx/5xx (`$tea.newError`). */
interface LiveApiErrorShape {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  data?: { statusCode?: unknown; RequestId?: unknown; Message?: unknown; Recommend?: unknown; Code?: unknown };
}

/** Live codes that mean the function's own identity or permissions were refused. */
const CREDENTIAL_CODE = /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|MissingSecurityToken|SignatureNonceUsed|InvalidTimeStamp|ContentSHA256NotMatched|Forbidden|NoPermission|Unauthorized)/;

export function isThrottlingCode(code: string): boolean {
  return code.startsWith('Throttling');
}

/** Reads a Live answer error into a FunctionError, keeping Live's code and RequestId. */
export function fromLiveAnswer(err: LiveApiErrorShape): FunctionError | undefined {
  const status = Number(err.data?.statusCode ?? err.statusCode);
  if (!Number.isInteger(status) || status < 400) return undefined;
  const code = typeof err.code === 'string' && err.code !== '' && err.code !== 'undefined' ? err.code : '';
  const requestId = typeof err.data?.RequestId === 'string' ? err.data.RequestId : null;
  const liveMessage = typeof err.data?.Message === 'string' ? err.data.Message : `Live answered HTTP ${status}.`;
  const recommend = typeof err.data?.Recommend === 'string' ? [{ recommend: err.data.Recommend }] : [];
  const opts = { requestId, details: recommend };

  if (code === '' && status >= 500) return new UpstreamUnavailableError(`Live answered HTTP ${status}.`);
  if (isThrottlingCode(code) || status === 429) {
    return new FunctionError(code || ERROR_CODES.throttled, liveMessage, 429, { ...opts, retryable: true });
  }
  if (status >= 500) return new FunctionError(code, liveMessage, 503, { ...opts, retryable: true });
  if (CREDENTIAL_CODE.test(code) || status === 401 || status === 403) {
    // The caller did nothing wrong: the function's own role was refused.
    return new FunctionError(code, liveMessage, 502, opts);
  }
  if (code === LIVE_CODES.casterNotFound || status === 404) return new FunctionError(code, liveMessage, 404, opts);
  return new FunctionError(code || 'UpstreamRejected', liveMessage, status, opts);
}

export class InternalError extends FunctionError {
  constructor() {
    super('FunctionFault', 'The function failed unexpectedly; see its log line for this invocationId.', 500);
  }
}

/**
 * Thrown by event invocations (CloudEvent, batch, plain payload) when a
 * retryable failure remains after our retries, so that EventBridge or FC's
 * async retry tries again later; the delete is idempotent, so that is safe.
 */
export class RetryLaterError extends Error {
  constructor(message: string, readonly result: unknown) {
    super(message);
    this.name = 'RetryLaterError';
  }
}
