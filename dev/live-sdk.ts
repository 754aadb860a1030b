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

/** One RPC call with its parameters in the query, as the function sends them; the SDK's own retries off. */
export function callLiveSdk(
  client: OpenApi,
  action: string,
  query: Record<string, string>,
  options: { runtime?: $Util.RuntimeOptions } = {},
) {
  const params = new $OpenApi.Params({
    action,
    version: '2016-11-01',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  const runtime = options.runtime ?? new $Util.RuntimeOptions({ autoretry: false });
  return client.callApi(params, new $OpenApi.OpenApiRequest({ query }), runtime);
}
