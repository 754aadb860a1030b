import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import type { Endpoint } from '../config';
import { DEFAULTS, LIVE_API } from '../constants';
import { sameCredentials } from '../credentials';
import type { Credentials } from '../types';
import { classifyFailure } from './classify';

export type LiveAction = typeof LIVE_API.deleteAction | typeof LIVE_API.describeAction;

export interface LiveAnswer {
  requestId: string | null;
  body: Record<string, unknown>;
}

export interface LiveCall {
  action: LiveAction;
  query: Record<string, string>;
  /** Time this attempt may take; the caller derives it from the function's remaining time. */
  timeoutMs: number;
  /** True when `timeoutMs` is the invocation's remaining time, so running out of it is a Timeout. */
  boundByDeadline: boolean;
}

/** The operation's fixed description; callApi only reads it, so one per action serves every call. */
const PARAMS: Record<LiveAction, $OpenApi.Params> = {
  [LIVE_API.deleteAction]: paramsFor(LIVE_API.deleteAction),
  [LIVE_API.describeAction]: paramsFor(LIVE_API.describeAction),
};

function paramsFor(action: LiveAction): $OpenApi.Params {
  return new $OpenApi.Params({
    action,
    version: LIVE_API.version,
    protocol: 'HTTPS',
    pathname: LIVE_API.pathname,
    method: LIVE_API.method,
    authType: LIVE_API.authType,
    style: LIVE_API.style,
    bodyType: LIVE_API.bodyType,
  });
}

/** What one call saw of Live's response headers (handed over by the httpx wrapper's hook). */
interface Seen {
  retryAfterMs?: number;
}

/**
 * A signature nonce only has to be unique (Live refuses one it has seen
 * within 15 minutes): an instance prefix drawn once and a counter, as the
 * SDK's own (kitx) draws from hostname, pid, time and Math.random.
 */
const NONCE_PREFIX = `${process.pid.toString(36)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-`;
let nonceCount = 0;

/** Calls in flight, by the nonce each was signed with. */
const inFlight = new Map<string, Seen>();
const NONCE = 'x-acs-signature-nonce';

/**
 * The SDK drops the headers of an error answer; scripts/bundle-stubs/httpx-timeouts.js
 * hands every response's headers here with its request's. The signature nonce,
 * unique per request and chosen here, tells which call they belong to: cheaper
 * than an AsyncLocalStorage, whose promise hooks slow every await in the process.
 */
(globalThis as Record<symbol, unknown>)[Symbol.for('caster-video-resource-delete.responseHeaders')] = (
  headers: Record<string, string | string[] | undefined>,
  requestHeaders: Record<string, unknown> | undefined,
) => {
  const seen = inFlight.get(String(requestHeaders?.[NONCE]));
  const raw = Number(headers['x-acs-retry-after']);
  if (seen && Number.isFinite(raw) && raw > 0) seen.retryAfterMs = Math.min(raw, 60_000);
};

/**
 * The instance's way to Live: one endpoint, one SDK client for the current
 * credentials. The SDK client keeps no per-call state (callApi works in
 * locals), so building one per invocation (a Config model, ~30 fields copied)
 * buys nothing while the credentials stay the same. Credentials are still read
 * from every invocation's context and compared here: when the role's STS
 * credentials rotate, the next invocation gets a new SDK client, and one still
 * running with the old ones keeps its own. Only the most recent is kept, so
 * at most one old secret stays in memory.
 */
export class LiveConnection {
  private current: { credentials: Credentials; client: LiveClient } | undefined;
  private runtime: { readTimeout: number; connectTimeout: number; options: $Util.RuntimeOptions } | undefined;

  constructor(private readonly endpoint: Endpoint) {}

  /** Live for one invocation, signed with its (rotating) credentials. */
  clientFor(credentials: Credentials): LiveClient {
    const last = this.current;
    if (last && sameCredentials(last.credentials, credentials)) return last.client;
    const client = new LiveClient(sdkClient(this.endpoint, credentials), (timeoutMs) => this.runtimeFor(timeoutMs));
    this.current = { credentials, client };
    return client;
  }

  /**
   * Retries are ours (policy/retry.ts): the client's own would ignore the
   * deadline and the QPS limit. The timeouts are the same for nearly every call
   * (the 10 s attempt cap unless the deadline is nearer), and callApi only reads
   * the options, so the last set is reused while they match.
   */
  private runtimeFor(timeoutMs: number): $Util.RuntimeOptions {
    const readTimeout = Math.max(1, Math.floor(timeoutMs));
    const connectTimeout = Math.max(1, Math.floor(Math.min(timeoutMs, DEFAULTS.connectTimeoutMs)));
    const last = this.runtime;
    if (last?.readTimeout === readTimeout && last.connectTimeout === connectTimeout) return last.options;
    const options = new $Util.RuntimeOptions({ autoretry: false, readTimeout, connectTimeout });
    this.runtime = { readTimeout, connectTimeout, options };
    return options;
  }
}

function sdkClient(endpoint: Endpoint, { accessKeyId, accessKeySecret, securityToken }: Credentials): OpenApi {
  // A fixed credential object, so the client never runs the default provider
  // chain (environment, profile files, ECS metadata) behind our back; nor
  // could it: that package is stubbed out of the bundle (scripts/bundle-stubs).
  const answer = Promise.resolve({
    accessKeyId,
    accessKeySecret,
    securityToken,
    type: securityToken ? 'sts' : 'access_key',
  });
  const credential = { getCredential: () => answer };
  return new OpenApi(
    new $OpenApi.Config({
      credential: credential as unknown as $OpenApi.Config['credential'],
      endpoint: endpoint.host,
      protocol: endpoint.protocol,
    }),
  );
}

/** Live signed with one set of credentials. */
export class LiveClient {
  constructor(
    private readonly client: OpenApi,
    private readonly runtimeFor: (timeoutMs: number) => $Util.RuntimeOptions,
  ) {}
  async call({ action, query, timeoutMs, boundByDeadline }: LiveCall): Promise<LiveAnswer> {
    const seen: Seen = {};
    const nonce = NONCE_PREFIX + (nonceCount++).toString(36);
    inFlight.set(nonce, seen);
    try {
      const request = new $OpenApi.OpenApiRequest({ query, headers: { [NONCE]: nonce } });
      const response = await this.client.callApi(PARAMS[action], request, this.runtimeFor(timeoutMs));
      const body = (response?.body ?? {}) as Record<string, unknown>;
      return { requestId: typeof body.RequestId === 'string' ? body.RequestId : null, body };
    } catch (err) {
      const error = classifyFailure(err, boundByDeadline);
      if (seen.retryAfterMs !== undefined) error.retryAfterMs = seen.retryAfterMs;
      throw error;
    } finally {
      inFlight.delete(nonce);
    }
  }
}
