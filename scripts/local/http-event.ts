// Turns a Node HTTP request into the FC 3.0 HTTP-trigger event FC would pass
// (the shape of events/sources/fc3-http-trigger-template.json).
import type { IncomingMessage } from 'node:http';
import type { HttpTriggerEvent } from '../../functions/delete-caster-video-resource/delivery/http-event';

/** FC's own HTTP-trigger payload limit is far larger; past this the function answers 413 anyway. */
const KEEP_BYTES = 64 * 1024 + 1;

/** Keeps the first bytes the function can judge and drains the rest, so the client still gets an answer. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    if (kept < KEEP_BYTES) {
      chunks.push(buf.subarray(0, KEEP_BYTES - kept));
      kept += Math.min(buf.length, KEEP_BYTES - kept);
    }
  }
  return Buffer.concat(chunks);
}

export function toHttpTriggerEvent(req: IncomingMessage, url: URL, body: Buffer, requestId: string): HttpTriggerEvent {
  const queryParameters: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    queryParameters[key] = values.length === 1 ? values[0] : values;
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  const now = new Date();
  return {
    version: 'v1',
    rawPath: url.pathname,
    headers,
    queryParameters,
    body: body.toString('base64'),
    isBase64Encoded: true,
    requestContext: {
      accountId: '0000000000000000',
      domainName: url.host,
      requestId,
      time: now.toISOString(),
      timeEpoch: String(now.getTime()),
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? '',
      },
    },
  };
}

/**
 * What FC 3.0 hands a function that has an HTTP trigger when it is called
 * through the InvokeFunction API (test/fixtures/reference/events/fc3-http-trigger-template.json):
 * the HTTP-trigger shape with the API's own path, `X-Acs-Action: InvokeFunction`,
 * `Content-Type: application/octet-stream` and the raw payload as the body.
 */
export function toInvokeFunctionEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  requestId: string,
): HttpTriggerEvent {
  const event = toHttpTriggerEvent(req, url, body, requestId);
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).filter(([k]) => k !== 'content-type' && k !== 'x-acs-action'),
  );
  return {
    ...event,
    headers: { ...headers, 'Content-Type': 'application/octet-stream', 'X-Acs-Action': 'InvokeFunction' },
    body: body.toString('utf8'),
    isBase64Encoded: false,
  };
}
