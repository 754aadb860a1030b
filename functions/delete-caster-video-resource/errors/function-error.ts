import type { ErrorBody } from '../result/types';

/** The function's own error codes; Live's codes pass through as they are. */
export const ERROR_CODES = {
  invalidRequest: 'InvalidRequest',
  payloadTooLarge: 'PayloadTooLarge',
  unsupportedMediaType: 'UnsupportedMediaType',
  methodNotAllowed: 'MethodNotAllowed',
  casterNotAllowed: 'CasterNotAllowed',
  missingCredentials: 'MissingCredentials',
  upstreamUnavailable: 'UpstreamUnavailable',
  upstreamRejected: 'UpstreamRejected',
  throttled: 'Throttled',
  timeout: 'Timeout',
  notAttempted: 'NotAttempted',
  notFound: 'NotFound',
  requestTimeout: 'RequestTimeout',
  locationMismatch: 'LocationMismatch',
  invalidConfiguration: 'InvalidConfiguration',
  functionFault: 'FunctionFault',
} as const;

export interface FieldProblem {
  field: string;
  problem: string;
}

export interface ErrorOptions {
  retryable?: boolean;
  requestId?: string | null;
  details?: unknown[];
  retryAfterSeconds?: number;
  retryAfterMs?: number;
  recordsOwn?: boolean;
  liveStatus?: number | null;
}

/**
 * Every failure this function reports: a code, an HTTP status and whether a
 * retry may help. Immutable: a failure that learns more (a pause Live asked
 * for, when to retry) is copied with `with`. Each kind names itself.
 */
export class FunctionError extends Error {
  override readonly name: string = 'FunctionError';
  readonly code: string;
  readonly status: number;
  readonly retryable: boolean;
  readonly requestId: string | null;
  readonly details: readonly unknown[];
  /**
   * The record itself is at fault: delivered again, it would fail the same way, so an event acknowledges it.
   * Set by the function's own refusals and, for Live's answers, only in live/classify.ts.
   */
  readonly recordsOwn: boolean;
  /** The HTTP status Live answered with, when this error is Live's answer. */
  readonly liveStatus: number | null;
  /** Seconds a caller should wait before retrying (429 / 503). */
  readonly retryAfterSeconds?: number;
  /** Live's `x-acs-retry-after` on a throttling answer, in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(code: string, message: string, status: number, opts: ErrorOptions = {}) {
    // A failure is data, never debugged from its stack: capturing one per refused record would cost more than reading it.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.status = status;
    this.retryable = opts.retryable ?? false;
    this.requestId = opts.requestId ?? null;
    this.details = opts.details ?? [];
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.retryAfterMs = opts.retryAfterMs;
    this.recordsOwn = opts.recordsOwn ?? false;
    this.liveStatus = opts.liveStatus ?? null;
  }

  /** The same failure, of the same kind, knowing when a retry may come. */
  with(changes: Pick<ErrorOptions, 'retryAfterSeconds' | 'retryAfterMs'>): this {
    // Every own property, the message too (Error keeps it unenumerable), then the changes.
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    return Object.assign(copy, changes);
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      status: this.status,
      retryable: this.retryable,
      requestId: this.requestId,
      details: [...this.details],
    };
  }
}
