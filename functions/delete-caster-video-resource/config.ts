import { DEFAULTS, LIVE_API } from './constants';
import { InvalidConfigurationError } from './errors';
import type { FcContext } from './types';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Endpoint {
  /** `host[:port]`, as the Live client wants it. */
  host: string;
  protocol: 'http' | 'https';
}

export interface Config {
  endpoint: Endpoint;
  defaultRegion?: string;
  maxAttempts: number;
  qps: number;
  allowedCasterIds?: ReadonlySet<string>;
  logLevel: LogLevel;
  functionTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

function positiveNumber(name: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new InvalidConfigurationError(`${name} must be a positive ${integer ? 'integer' : 'number'}.`);
  }
  return value;
}

let lastEndpoint: { raw: string | undefined; endpoint: Endpoint } | undefined;

/**
 * `host[:port]` or `http(s)://host[:port]`; plain http only to loopback, so
 * credentials never cross a network in clear. Config is read on every
 * invocation, but the same text is parsed (a URL) only once.
 */
export function parseEndpoint(raw: string | undefined): Endpoint {
  if (lastEndpoint && lastEndpoint.raw === raw) return lastEndpoint.endpoint;
  const endpoint = Object.freeze(parseEndpointText(raw));
  lastEndpoint = { raw, endpoint };
  return endpoint;
}

function parseEndpointText(raw: string | undefined): Endpoint {
  if (raw === undefined || raw.trim() === '') return { host: LIVE_API.defaultEndpoint, protocol: 'https' };
  const text = raw.trim();
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidConfigurationError('LIVE_ENDPOINT must be host[:port] or http(s)://host[:port].');
  }
  const protocol = url.protocol === 'http:' ? 'http' : url.protocol === 'https:' ? 'https' : undefined;
  if (!protocol || (url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
    throw new InvalidConfigurationError('LIVE_ENDPOINT must be host[:port] or http(s)://host[:port].');
  }
  if (protocol === 'http' && !LOOPBACK_HOST.test(url.hostname)) {
    throw new InvalidConfigurationError('LIVE_ENDPOINT: plain http is refused except to a loopback host; use https.');
  }
  return { host: url.host, protocol };
}

/** Read on every invocation: FC may reuse an instance after its configuration changed. */
export function readConfig(context: FcContext, env: Env = process.env): Config {
  const level = (env.LOG_LEVEL ?? DEFAULTS.logLevel).trim().toLowerCase() as LogLevel;
  const allowed = (env.ALLOWED_CASTER_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const timeoutSeconds = Number(context.function?.timeout);
  return {
    endpoint: parseEndpoint(env.LIVE_ENDPOINT),
    defaultRegion: env.LIVE_REGION || context.region || env.FC_REGION || undefined,
    maxAttempts: positiveNumber('LIVE_MAX_ATTEMPTS', env.LIVE_MAX_ATTEMPTS, DEFAULTS.maxAttempts, true),
    qps: positiveNumber('LIVE_QPS', env.LIVE_QPS, DEFAULTS.qps, false),
    allowedCasterIds: allowed.length > 0 ? new Set(allowed) : undefined,
    logLevel: LOG_LEVELS.includes(level) ? level : DEFAULTS.logLevel,
    functionTimeoutMs:
      (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : DEFAULTS.functionTimeoutSeconds) * 1000,
  };
}
