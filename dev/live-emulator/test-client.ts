// What the emulator's own tests share: clients signed as the SDK signs, and raw signed requests.
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { callLiveSdk, liveSdkClient } from '../live-sdk';
import { DEMO_PLAIN_KEY, DEMO_STS_KEY, type EmulatorCredential, type LiveEmulator } from './index';
import { ACS3, canonicalRequest, sha256Hex, sign, stringToSign } from './signature';

export const CASTER = 'LIVEPRODUCER_POST-cn-demo0001';
export const REGION = 'cn-shanghai';
export const PLAIN = DEMO_PLAIN_KEY;
export const STS = DEMO_STS_KEY;
export const UPPER_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

export type Query = Record<string, string>;

// ---- calling through the SDK, as the function does ----

export const client = (emulator: LiveEmulator, cred: EmulatorCredential = STS) => liveSdkClient(emulator.host, cred);
export const deleteQuery = (ResourceId: string, CasterId = CASTER): Query => ({
  CasterId,
  ResourceId,
  RegionId: REGION,
});
export const deleteResource = (api: ReturnType<typeof client>, resourceId: string, casterId = CASTER) =>
  callLiveSdk(api, 'DeleteCasterVideoResource', deleteQuery(resourceId, casterId));

// ---- raw requests with a small independent signer ----

export interface RawOptions {
  cred?: EmulatorCredential;
  action?: string;
  version?: string;
  query?: Query;
  date?: string;
  nonce?: string;
  body?: string;
  contentType?: string;
  /** The body hash to claim; defaults to the real one. */
  contentSha256?: string;
  signedHeaders?: string[];
  authorization?: string;
}

export const acsDate = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function signedRequest(emulator: LiveEmulator, o: RawOptions = {}) {
  const cred = o.cred ?? PLAIN;
  const query = o.query ?? deleteQuery('demo-resource-1');
  const body = o.body ?? '';
  const headers: Record<string, string> = {
    host: emulator.host,
    'x-acs-action': o.action ?? 'DeleteCasterVideoResource',
    'x-acs-version': o.version ?? '2016-11-01',
    'x-acs-date': o.date ?? acsDate(),
    'x-acs-signature-nonce': o.nonce ?? randomBytes(16).toString('hex'),
    'x-acs-content-sha256': o.contentSha256 ?? sha256Hex(body),
    accept: 'application/json',
  };
  if (o.contentType) headers['content-type'] = o.contentType;
  if (cred.securityToken) headers['x-acs-security-token'] = cred.securityToken;
  const signedHeaders =
    o.signedHeaders ??
    Object.keys(headers)
      .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
      .sort();
  const toSign = stringToSign(
    canonicalRequest({ method: 'POST', pathname: '/', query, headers, hashedPayload: sha256Hex(body), signedHeaders }),
  );
  headers.authorization =
    o.authorization ??
    `${ACS3.algorithm} Credential=${cred.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${sign(cred.accessKeySecret, toSign)}`;
  return { path: `/?${new URLSearchParams(query).toString()}`, headers, body };
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The whole body as text, then parsed when it is JSON. */
  text: string;
  json: any;
}

export function send(emulator: LiveEmulator, req: ReturnType<typeof signedRequest>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      `${emulator.url}${req.path}`,
      { method: 'POST', headers: req.headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const answer = { status: res.statusCode ?? 0, headers: res.headers, text, json: undefined };
          try {
            resolve({ ...answer, json: JSON.parse(text) });
          } catch {
            resolve(answer);
          }
        });
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

export const raw = (emulator: LiveEmulator, o: RawOptions = {}) => send(emulator, signedRequest(emulator, o));
