import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import { DEFAULTS, LIVE_API } from './constants';
import { FunctionError, fromLiveAnswer, TimeoutError, UpstreamUnavailableError } from './errors';
import type { Endpoint } from './config';
import type { Credentials } from './types';

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

/** One Live client per invocation: it holds that invocation's (rotating) credentials. */
export class LiveClient {
  private readonly client: OpenApi;

  constructor(endpoint: Endpoint, credentials: Credentials) {
    // A fixed credential object, so the client never runs the default provider
    // chain (environment, profile files, ECS metadata) behind our back.
    const credential = {
      getCredential: async () => ({
        accessKeyId: credentials.accessKeyId,
        accessKeySecret: credentials.accessKeySecret,
        securityToken: credentials.securityToken,
        type: credentials.securityToken ? 'sts' : 'access_key',
      }),
    };
    this.client = new OpenApi(
      new $OpenApi.Config({
        credential: credential as unknown as $OpenApi.Config['credential'],
        endpoint: endpoint.host,
        protocol: endpoint.protocol,
      }),
    );
  }

  async call({ action, query, timeoutMs, boundByDeadline }: LiveCall): Promise<LiveAnswer> {
    const params = new $OpenApi.Params({
      action,
      version: LIVE_API.version,
      protocol: 'HTTPS',
      pathname: LIVE_API.pathname,
      method: LIVE_API.method,
      authType: LIVE_API.authType,
      style: LIVE_API.style,
      bodyType: LIVE_API.bodyType,
    });
    // Retries are ours (retry-policy.ts): the client's own would ignore the deadline and the QPS limit.
    const runtime = new $Util.RuntimeOptions({
      autoretry: false,
      readTimeout: Math.max(1, Math.floor(timeoutMs)),
      connectTimeout: Math.max(1, Math.floor(Math.min(timeoutMs, DEFAULTS.connectTimeoutMs))),
    });
    try {
      const response = await this.client.callApi(params, new $OpenApi.OpenApiRequest({ query }), runtime);
      const body = (response?.body ?? {}) as Record<string, unknown>;
      return { requestId: typeof body.RequestId === 'string' ? body.RequestId : null, body };
    } catch (err) {
      throw classifyFailure(err, boundByDeadline);
    }
  }
}

/**
 * Live's answers keep their code; transport failures get ours. Messages are
 * composed here, never copied from the transport, so no header or URL leaks.
 */
export function classifyFailure(err: unknown, boundByDeadline: boolean): FunctionError {
  if (err instanceof FunctionError) return err;
  const e = (err ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const answered = fromLiveAnswer(e as Parameters<typeof fromLiveAnswer>[0]);
  if (answered) return answered;
  const name = typeof e.name === 'string' ? e.name : '';
  const timedOut = /Timeout/i.test(name) || e.code === 'ETIMEDOUT';
  if (timedOut && boundByDeadline) return new TimeoutError();
  if (timedOut) return new UpstreamUnavailableError('Live did not answer within the attempt timeout.');
  if (err instanceof SyntaxError) return new UpstreamUnavailableError('Live answered with a body that is not JSON.');
  const code = typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) ? ` (${e.code})` : '';
  return new UpstreamUnavailableError(`Could not reach Live${code}.`);
}
