// The benchmark's floor: the least a handler can do for the same Live call.
// It signs ACS3-HMAC-SHA256 with node:crypto and sends over one keep-alive
// agent; no validation, no retries, no logging. Not shipped, only measured.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface Context {
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
}

export async function handler(event: Buffer, context: Context): Promise<unknown> {
  const { CasterId, ResourceId, RegionId } = JSON.parse(event.toString());
  const endpoint = new URL(process.env.LIVE_ENDPOINT ?? 'https://live.aliyuncs.com');
  const { accessKeyId, accessKeySecret, securityToken } = context.credentials;
  const query: Record<string, string> = { CasterId, RegionId, ResourceId };
  const queryString = Object.keys(query)
    .sort()
    .map((k) => `${k}=${enc(query[k])}`)
    .join('&');
  const headers: Record<string, string> = {
    host: endpoint.host,
    'x-acs-action': 'DeleteCasterVideoResource',
    'x-acs-version': '2016-11-01',
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': sha256(''),
    ...(securityToken ? { 'x-acs-security-token': securityToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    'POST',
    '/',
    queryString,
    names.map((n) => `${n}:${headers[n]}\n`).join(''),
    names.join(';'),
    headers['x-acs-content-sha256'],
  ].join('\n');
  const signature = createHmac('sha256', accessKeySecret)
    .update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`)
    .digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`;
  const isHttps = endpoint.protocol === 'https:';
  const text = await new Promise<string>((resolve, reject) => {
    const req = (isHttps ? https : http).request(
      {
        host: endpoint.hostname,
        port: endpoint.port,
        method: 'POST',
        path: `/?${queryString}`,
        headers,
        agent: isHttps ? agents.https : agents.http,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res
          .on('data', (c: Buffer) => chunks.push(c))
          .on('end', () => resolve(Buffer.concat(chunks).toString()))
          .on('error', reject);
      },
    );
    req.on('error', reject).end();
  });
  const body = JSON.parse(text);
  return body.Code ? { ok: false, code: body.Code } : { ok: true, requestId: body.RequestId };
}
