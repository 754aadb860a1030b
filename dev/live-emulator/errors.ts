// Live's error answers: code → HTTP status and message, as the gateway and the
// Live service report them. Messages never carry secrets or tokens, except
// where the 'echo' fault quotes them on purpose to test the caller's masking.
export const LIVE_ERRORS = {
  IncompleteSignature: { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  ContentSHA256NotMatched: { status: 400, message: 'The content SHA256 you specified did not match what we received.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  SignatureDoesNotMatch: { status: 400, message: 'Specified signature does not match our calculation.' },
  MissingSecurityToken: { status: 400, message: 'SecurityToken is mandatory for this AccessKeyId.' },
  'InvalidSecurityToken.MismatchWithAccessKey': {
    status: 400,
    message: 'Specified SecurityToken mismatch with the AccessKey.',
  },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  InvalidVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
  'InvalidAction.NotFound': { status: 404, message: 'Specified api is not found, please check your url and method.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  ServiceUnavailable: { status: 503, message: 'The request has failed due to a temporary failure of the server.' },
  InternalError: {
    status: 500,
    message: 'The request processing has failed due to some unknown error, exception or failure.',
  },
  InvalidParameter: { status: 400, message: 'The specified parameter is not valid.' },
  'Forbidden.RAM': {
    status: 403,
    message: 'User not authorized to operate on the specified resource, or this API does not support RAM.',
  },
  MissingCasterId: { status: 400, message: 'CasterId is mandatory for this action.' },
  MissingResourceId: { status: 400, message: 'ResourceId is mandatory for this action.' },
  MissingRegionId: { status: 400, message: 'RegionId is mandatory for this action.' },
  'InvalidCaster.NotFound': { status: 404, message: 'The specified caster is not found.' },
  'InvalidResource.NotFound': { status: 404, message: 'The specified resource is not found.' },
} as const;

export type LiveErrorCode = keyof typeof LIVE_ERRORS;

export interface LiveError {
  code: LiveErrorCode;
  status: number;
  message: string;
}

/** `detail` is appended to the standard message (e.g. the server's string-to-sign). */
export function liveError(code: LiveErrorCode, detail?: string): LiveError {
  const { status, message } = LIVE_ERRORS[code];
  return { code, status, message: detail ? `${message} ${detail}` : message };
}

export function isLiveError(value: unknown): value is LiveError {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value && 'message' in value;
}

/** The JSON body Live answers for an error. */
export function errorBody(error: LiveError, requestId: string, hostId: string) {
  const q = new URLSearchParams({ q: error.code, product: 'live', requestId });
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?${q.toString()}`,
  };
}
