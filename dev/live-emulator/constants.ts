export const LIVE_API = {
  version: '2016-11-01',
  product: 'live',
} as const;

/** Header names as node lower-cases them. */
export const ACS_HEADERS = {
  host: 'host',
  action: 'x-acs-action',
  version: 'x-acs-version',
  date: 'x-acs-date',
  nonce: 'x-acs-signature-nonce',
  contentSha256: 'x-acs-content-sha256',
  securityToken: 'x-acs-security-token',
  requestId: 'x-acs-request-id',
  /** Sent with a quota refusal when EmulatorOptions.retryAfterHeader is set: ms until a slot frees. */
  retryAfter: 'x-acs-retry-after',
} as const;

/** Headers a V3 signature must cover, or the request is not authenticated at all. */
export const REQUIRED_SIGNED_HEADERS = [
  ACS_HEADERS.host,
  ACS_HEADERS.date,
  ACS_HEADERS.nonce,
  ACS_HEADERS.contentSha256,
  ACS_HEADERS.action,
  ACS_HEADERS.version,
] as const;

/** Live (the API gateway) accepts x-acs-date within 15 minutes of its clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

export const CONTENT_TYPES = {
  json: 'application/json;charset=utf-8',
  html: 'text/html;charset=utf-8',
} as const;
