import type { Credentials } from './types';

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

/**
 * `value` as it may leave the function: itself when no string in it (key or
 * value) holds a secret, else a masked copy. It walks the strings rather than
 * serialise the value to search its JSON: this runs on every invocation.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0 || !holdsSecret(value, secrets)) return value;
  return JSON.parse(redact(JSON.stringify(value), secrets)) as T;
}

function holdsSecret(value: unknown, secrets: readonly string[]): boolean {
  if (typeof value === 'string') return secrets.some((secret) => value.includes(secret));
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((entry) => holdsSecret(entry, secrets));
  for (const key in value) {
    if (holdsSecret(key, secrets) || holdsSecret((value as Record<string, unknown>)[key], secrets)) return true;
  }
  return false;
}
