// The codes and statuses a result may carry.
export const OUTCOMES = ['deleted', 'already_absent', 'would_delete'] as const;

/** The function's own codes and the status each one must carry. */
export const OWN_CODE_STATUS: Readonly<Record<string, number>> = {
  InvalidRequest: 400,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  MethodNotAllowed: 405,
  CasterNotAllowed: 403,
  MissingCredentials: 500,
  UpstreamUnavailable: 503,
  Throttled: 429,
  Timeout: 504,
  NotAttempted: 503,
  NotFound: 404,
  InvalidConfiguration: 500,
  LocationMismatch: 409,
  RequestTimeout: 408,
  /** An unexpected failure inside the function (a bug): never the answer to any input. */
  FunctionFault: 500,
};

/** Statuses an item failure may carry. */
export const ERROR_STATUSES = new Set([400, 403, 404, 405, 408, 409, 413, 415, 429, 500, 502, 503, 504]);

/** The answer to input the function refused before any network call. */
export const CALLER_ERROR_CODES = new Set([
  'InvalidRequest',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'MethodNotAllowed',
]);
