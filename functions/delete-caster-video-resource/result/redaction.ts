import type { Credentials } from '../types';

/** Shorter values cannot be told apart from ordinary text, and real secrets are far longer. */
const MIN_SECRET_LENGTH = 6;
const MASK = '***';

/**
 * The values that must never leave the function: the AccessKey secret and the
 * security token, also percent-encoded once and twice (an STS token holds
 * `+ / =`, and a V2-style string-to-sign quoted back by an upstream error
 * carries it encoded twice). Longest first, so no variant is half-masked.
 */
export function secretsOf(credentials: Credentials | undefined): string[] {
  if (!credentials) return [];
  const raw = [credentials.accessKeySecret, credentials.securityToken].filter(
    (s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH,
  );
  const variants = raw.flatMap((s) => [s, encodeURIComponent(s), encodeURIComponent(encodeURIComponent(s))]);
  return [...new Set(variants)].sort((a, b) => b.length - a.length);
}

/**
 * Last line of defence on every string that leaves the function (result JSON,
 * log line, thrown message): messages are composed without secrets, and this
 * masks one should any upstream text ever echo it.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/** `value` as it may leave the function, and its JSON (an HTTP answer's body), both masked. */
export function redactValue<T>(value: T, secrets: readonly string[]): { value: T; json: string } {
  const json = JSON.stringify(value);
  const clean = redact(json, secrets);
  return clean === json ? { value, json } : { value: JSON.parse(clean) as T, json: clean };
}
