// FC 2.0 entry point, `httpHandler(req, resp, context)`: the request
// translated to the one the FC 3.0 HTTP trigger gives, and answered alike.
import type { Readable } from 'node:stream';
import { functionTimeoutMs } from './config';
import { httpDelivery, httpRequestOf, MAX_HTTP_BODY_BYTES } from './delivery/http-event';
import { answerHttp } from './handler';
import { now as clock } from './policy/clock';
import { Deadline } from './policy/deadline';
import type { FcContext, HttpBody } from './types';

/** The FC 2.0 HTTP request: a readable stream with its request line and headers. */
export interface Fc2Request extends Readable {
  method?: string;
  path?: string;
  url?: string;
  queries?: Record<string, string | string[]>;
  headers?: Record<string, string | string[] | undefined>;
}

export interface Fc2Response {
  setStatusCode(code: number): void;
  setHeader(name: string, value: string): void;
  send(body: string | Buffer): void;
}

/**
 * The body, read until the invocation's deadline: a client that stalls gets
 * 408 in time, and nothing it sends later is acted on. Reads at most one
 * chunk past the body limit: enough to know it is too large, without
 * buffering whatever else a client streams. A stream that breaks (the client
 * went away) is still one JSON answer and one log line, never a rejection.
 */
function readBody(req: Readable, deadline: Deadline): Promise<HttpBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: HttpBody, stop: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (stop) req.destroy();
      resolve(body);
    };
    const timer = setTimeout(() => settle({ kind: 'late' }, true), deadline.remaining());
    req.on('data', (chunk: Buffer | string) => {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      chunks.push(buf);
      size += buf.length;
      if (size > MAX_HTTP_BODY_BYTES) settle({ kind: 'too-large', limit: MAX_HTTP_BODY_BYTES }, true);
    });
    req.on('end', () => settle({ kind: 'bytes', bytes: Buffer.concat(chunks) }, false));
    req.on('error', () => settle({ kind: 'broken' }, false));
    req.on('close', () => settle({ kind: 'broken' }, false));
  });
}

export async function httpHandler(req: Fc2Request, resp: Fc2Response, context?: FcContext | null): Promise<void> {
  const started = clock();
  const deadline = Deadline.forInvocation(functionTimeoutMs(context), clock, started);
  const request = httpRequestOf({
    method: req.method ?? 'GET',
    // FC 2.0 gives the query in queries; the URL's own copy of it is not read twice.
    path: req.path ?? (req.url ?? '/').split('?')[0],
    headers: req.headers ?? {},
    queries: req.queries,
    body: await readBody(req, deadline),
  });
  const answer = await answerHttp(httpDelivery(request), context, started);
  resp.setStatusCode(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) resp.setHeader(name, value);
  resp.send(answer.body);
}
