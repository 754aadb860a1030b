// The benchmark's naive reference: the handler the SDK's samples lead to,
// bundled by esbuild with default settings (bundles.ts).
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';

interface Context {
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
}

export async function handler(event: Buffer, context: Context): Promise<unknown> {
  const { CasterId, ResourceId, RegionId } = JSON.parse(event.toString());
  const endpoint = new URL(process.env.LIVE_ENDPOINT ?? 'https://live.aliyuncs.com');
  const client = new OpenApi(
    new $OpenApi.Config({
      ...context.credentials,
      endpoint: endpoint.host,
      protocol: endpoint.protocol.replace(':', ''),
    }),
  );
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
  const request = new $OpenApi.OpenApiRequest({ query: { CasterId, ResourceId, RegionId } });
  const response = await client.callApi(params, request, new $Util.RuntimeOptions({}));
  return { ok: true, requestId: response.body.RequestId };
}
