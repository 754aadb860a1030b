// `npm start -- --auth`: the local server checks requests as FC's gateway does
// for an HTTP trigger with `authType: function`, before the function sees them.
// FC's documented signing (help.aliyun.com, "Configure signature authentication
// for HTTP triggers") is ACS3-HMAC-SHA256 over method, path, query and the
// signed headers (at least x-acs-date), with an empty payload hash; the
// emulator's canonicalisation (dev/live-emulator/signature.ts) does the rest.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseQuery } from '../../dev/live-emulator/request';
import { ACS3, canonicalRequest, parseAuthorization, sign, stringToSign } from '../../dev/live-emulator/signature';

export interface AcceptedKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export type AuthFailure = { code: 'MissingAuthorization' | 'SignatureDoesNotMatch'; message: string };

/** FC accepts x-acs-date within 15 minutes of its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your access key and signing method.';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

/** null when the request is signed by one of `keys`; otherwise why not (answered 403). */
export function verifyTriggerRequest(
  req: IncomingMessage,
  keys: readonly AcceptedKey[],
  now = Date.now(),
): AuthFailure | null {
  const headers = flatHeaders(req);
  if (!headers.authorization) {
    return {
      code: 'MissingAuthorization',
      message: 'This HTTP trigger has authType function: sign the request with ACS3-HMAC-SHA256 (npm run call does).',
    };
  }
  const auth = parseAuthorization(headers.authorization);
  const mismatch = (why?: string): AuthFailure => ({
    code: 'SignatureDoesNotMatch',
    message: why ? `${SIGNATURE_MISMATCH} (${why})` : SIGNATURE_MISMATCH,
  });
  if (!auth || auth.algorithm !== ACS3.algorithm)
    return mismatch(`the Authorization header is not "${ACS3.algorithm} Credential=…,SignedHeaders=…,Signature=…"`);
  if (!auth.signedHeaders.includes('x-acs-date') || !headers['x-acs-date'])
    return mismatch('x-acs-date must be sent and signed');
  const sentAt = Date.parse(headers['x-acs-date']);
  if (Number.isNaN(sentAt) || Math.abs(now - sentAt) > MAX_SKEW_MS)
    return mismatch('x-acs-date is malformed or more than 15 minutes from the server clock');
  const key = keys.find((k) => k.accessKeyId === auth.accessKeyId);
  if (!key) return mismatch(`AccessKey ${auth.accessKeyId} is not accepted here`);

  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const canonical = canonicalRequest({
    method: req.method ?? 'GET',
    pathname: q < 0 ? raw : raw.slice(0, q),
    query: parseQuery(q < 0 ? '' : raw.slice(q + 1)),
    headers,
    hashedPayload: '',
    signedHeaders: auth.signedHeaders,
  });
  if (!same(auth.signature.toLowerCase(), sign(key.accessKeySecret, stringToSign(canonical)))) return mismatch();
  const token = headers['x-acs-security-token'] ?? '';
  if ((key.securityToken ?? '') !== token || (token && !auth.signedHeaders.includes('x-acs-security-token'))) {
    return mismatch('x-acs-security-token does not belong to this AccessKey, or is not signed');
  }
  return null;
}

/** The 403 answer, in the function's own error shape so that callers parse one shape. */
export function authFailureBody(failure: AuthFailure, invocationId: string): string {
  return JSON.stringify({
    ok: false,
    casterId: null,
    resourceId: null,
    invocationId,
    error: {
      code: failure.code,
      message: failure.message,
      status: 403,
      retryable: false,
      requestId: null,
      details: [],
    },
  });
}
