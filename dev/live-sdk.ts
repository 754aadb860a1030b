// Live called as Alibaba's SDK calls it, for the tools and the tests that play
// a client of Live: the emulator's own tests, the other client of a scale-out run.
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';

export interface SdkCredential {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

/** An SDK client of the Live API at `host` (plain http: the local emulator). */
export function liveSdkClient(host: string, credential: SdkCredential): OpenApi {
  return new OpenApi(new $OpenApi.Config({ ...credential, endpoint: host, protocol: 'http' }));
}

/** The description of one Live action, as the SDK's generated clients give it. */
export function liveParams(action: string, options: { version?: string; reqBodyType?: string } = {}): $OpenApi.Params {
  return new $OpenApi.Params({
    action,
    version: options.version ?? '2016-11-01',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: options.reqBodyType ?? 'json',
    bodyType: 'json',
  });
}

/** One call, the SDK's own retries off. */
export function callLiveSdk(
  client: OpenApi,
  action: string,
  query: Record<string, string>,
  options: {
    version?: string;
    reqBodyType?: string;
    body?: Record<string, string>;
    runtime?: $Util.RuntimeOptions;
  } = {},
) {
  const request = new $OpenApi.OpenApiRequest({ query, body: options.body });
  return client.callApi(
    liveParams(action, options),
    request,
    options.runtime ?? new $Util.RuntimeOptions({ autoretry: false }),
  );
}
