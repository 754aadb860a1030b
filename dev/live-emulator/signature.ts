// Pure ACS3-HMAC-SHA256 (Alibaba Cloud signature V3) helpers. The emulator
// verifies requests with these instead of importing the SDK's signer, so a
// canonicalisation bug in either one shows up as a mismatch, not as agreement.
import { createHash, createHmac } from 'node:crypto';

export const ACS3 = {
  algorithm: 'ACS3-HMAC-SHA256',
  /** sha256 of an empty payload, what every body-less RPC call carries. */
  emptyPayloadSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
} as const;

export interface CanonicalRequestInput {
  method: string;
  /** Already-encoded path as sent on the wire ("/" for RPC). */
  pathname: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Request headers; looked up case-insensitively. */
  headers: Record<string, string | string[] | undefined>;
  hashedPayload: string;
  signedHeaders: readonly string[];
}

export interface ParsedAuthorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** RFC 3986 encoding: encodeURIComponent leaves !'()* alone, ACS3 does not. */
export function acsEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Keys sorted, values encoded. Keys are left as they are, exactly like
 * @alicloud/openapi-util's getAuthorizationQueryString, so that the emulator
 * agrees with the client that will call it (RPC parameter names are plain ASCII).
 */
export function canonicalQueryString(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${k}=${acsEncode(query[k] ?? '')}`)
    .join('&');
}

function headerValue(headers: CanonicalRequestInput['headers'], name: string): string {
  const found = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = found === undefined ? undefined : headers[found];
  if (Array.isArray(value))
    return value
      .map((v) => v.trim())
      .sort()
      .join(',');
  return (value ?? '').trim();
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const names = [...new Set(input.signedHeaders.map((h) => h.toLowerCase()))].sort();
  const canonicalHeaders = names.map((n) => `${n}:${headerValue(input.headers, n)}\n`).join('');
  return [
    input.method.toUpperCase(),
    input.pathname,
    canonicalQueryString(input.query),
    canonicalHeaders,
    names.join(';'),
    input.hashedPayload,
  ].join('\n');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function stringToSign(canonical: string): string {
  return `${ACS3.algorithm}\n${sha256Hex(canonical)}`;
}

export function sign(secret: string, toSign: string): string {
  return createHmac('sha256', secret).update(toSign).digest('hex');
}

/**
 * Parses "ALGO Credential=AK,SignedHeaders=a;b,Signature=hex". Returns null
 * when any of the three parts is missing or empty; the algorithm is returned
 * as sent so the caller decides whether it is supported.
 */
export function parseAuthorization(header: string | undefined | null): ParsedAuthorization | null {
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(header ?? '');
  if (!match) return null;
  const [, algorithm, rest] = match as unknown as [string, string, string];
  const parts = new Map<string, string>();
  for (const pair of rest.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) parts.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const accessKeyId = parts.get('Credential');
  const signedHeaders = (parts.get('SignedHeaders') ?? '')
    .split(';')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const signature = parts.get('Signature');
  if (!accessKeyId || signedHeaders.length === 0 || !signature) return null;
  return { algorithm, accessKeyId, signedHeaders, signature };
}
