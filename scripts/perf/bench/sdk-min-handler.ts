// A diagnostic reference: the least a handler can do while
// @alicloud/openapi-client signs and sends. One SDK client, one Params and
// one RuntimeOptions for the life of the process, no validation, no retries,
// no logging; bundled like ours (minified, same bundle-time substitutions).
// What separates it from the floor is the SDK's own cost per call, which no
// handler that keeps the SDK can go below.
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';

interface Context {
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
}

const params = new $OpenApi.Params({
  action: 'DeleteCasterVideoResource',
  version: '2016-11-01',
  protocol: 'HTTPS',
  pathname: '/',
  method: 'POST',
  authType: 'AK',
  style: 'RPC',
  bodyType: 'json',
});
const runtime = new $Util.RuntimeOptions({ autoretry: false, readTimeout: 10_000, connectTimeout: 3_000 });
let client: OpenApi | undefined;

export async function handler(event: Buffer, context: Context): Promise<unknown> {
  const { CasterId, ResourceId, RegionId } = JSON.parse(event.toString());
  if (!client) {
    const endpoint = new URL(process.env.LIVE_ENDPOINT ?? 'https://live.aliyuncs.com');
    const answer = Promise.resolve({ ...context.credentials, type: 'sts' });
    client = new OpenApi(
      new $OpenApi.Config({
        credential: { getCredential: () => answer } as unknown as $OpenApi.Config['credential'],
        endpoint: endpoint.host,
        protocol: endpoint.protocol.replace(':', ''),
      }),
    );
  }
  const response = await client.callApi(
    params,
    new $OpenApi.OpenApiRequest({ query: { CasterId, ResourceId, RegionId } }),
    runtime,
  );
  return { ok: true, requestId: response.body.RequestId };
}
