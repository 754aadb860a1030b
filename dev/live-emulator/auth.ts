// Authenticates a call the way Live's gateway does, in the gateway's order:
// signature form, key, payload hash, timestamp, signature, token, nonce.
import { timingSafeEqual } from 'node:crypto';
import { ACS_HEADERS, MAX_SKEW_MS, REQUIRED_SIGNED_HEADERS } from './constants';
import { type CredentialStore, isStsKey } from './credentials';
import { type LiveError, liveError } from './errors';
import type { NonceStore } from './nonces';
import type { IncomingCall } from './request';
import { ACS3, canonicalRequest, parseAuthorization, sha256Hex, sign, stringToSign } from './signature';

export interface AuthDeps {
  credentials: CredentialStore;
  nonces: NonceStore;
}

export type AuthResult =
  | { ok: true; accessKeyId: string }
  | { ok: false; accessKeyId: string | null; error: LiveError };

/** x-acs-date as the SDK writes it: YYYY-MM-DDTHH:mm:ssZ (fractions tolerated). */
const ACS_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authenticate(call: IncomingCall, deps: AuthDeps): AuthResult {
  const auth = parseAuthorization(call.headers.authorization);
  const fail = (error: LiveError): AuthResult => ({ ok: false, accessKeyId: auth?.accessKeyId ?? null, error });
  const header = (name: string) => call.headers[name] ?? '';

  if (!auth || auth.algorithm !== ACS3.algorithm) return fail(liveError('IncompleteSignature'));
  const unsigned: string[] = REQUIRED_SIGNED_HEADERS.filter((h) => !auth.signedHeaders.includes(h) || !header(h));
  // A token outside the signature could be swapped in transit; the SDK always signs it.
  if (header(ACS_HEADERS.securityToken) && !auth.signedHeaders.includes(ACS_HEADERS.securityToken)) {
    unsigned.push(ACS_HEADERS.securityToken);
  }
  if (unsigned.length > 0)
    return fail(liveError('IncompleteSignature', `Signed headers must include: ${unsigned.join(', ')}.`));

  const credential = deps.credentials.find(auth.accessKeyId);
  if (!credential) return fail(liveError('InvalidAccessKeyId.NotFound'));

  const payloadHash = sha256Hex(call.body);
  if (!sameText(header(ACS_HEADERS.contentSha256).toLowerCase(), payloadHash)) {
    return fail(liveError('ContentSHA256NotMatched'));
  }

  const date = header(ACS_HEADERS.date);
  const sentAt = ACS_DATE.test(date) ? Date.parse(date) : NaN;
  if (Number.isNaN(sentAt)) return fail(liveError('InvalidTimeStamp.Format'));
  if (Math.abs(Date.now() - sentAt) > MAX_SKEW_MS) return fail(liveError('InvalidTimeStamp.Expired'));

  const toSign = stringToSign(
    canonicalRequest({
      method: call.method,
      pathname: call.pathname,
      query: call.query,
      headers: call.headers,
      hashedPayload: payloadHash,
      signedHeaders: auth.signedHeaders,
    }),
  );
  if (!sameText(auth.signature.toLowerCase(), sign(credential.accessKeySecret, toSign))) {
    // Like Live, show the server's string-to-sign (a hash, never the secret) to help debugging.
    return fail(liveError('SignatureDoesNotMatch', `server string to sign is:${toSign}`));
  }

  const token = header(ACS_HEADERS.securityToken);
  if (isStsKey(credential.accessKeyId) && !token) return fail(liveError('MissingSecurityToken'));
  if (token && !sameText(token, credential.securityToken ?? '')) {
    return fail(liveError('InvalidSecurityToken.MismatchWithAccessKey'));
  }

  // Only an authenticated request uses up its nonce, so a forged one cannot burn a real client's.
  if (!deps.nonces.claim(credential.accessKeyId, header(ACS_HEADERS.nonce))) {
    return fail(liveError('SignatureNonceUsed'));
  }
  return { ok: true, accessKeyId: credential.accessKeyId };
}
