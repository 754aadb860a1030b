import type { Readable } from 'node:stream';
import { LIMITS } from '../constants';
import { InvalidRequestError } from '../errors';
import { handleHttp } from '../handler';
import type { FcContext, HttpTriggerEvent } from '../types';

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
 * Reads at most one byte past the body limit: enough for the HTTP path to
 * answer 413, without buffering whatever else a client streams.
 */
async function readLimited(req: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(buf);
    size += buf.length;
    if (size > limit) {
      req.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}

/** FC 2.0 `httpHandler(req, resp, context)`: the same behaviour and body as the FC 3.0 HTTP trigger. */
export async function httpHandler(req: Fc2Request, resp: Fc2Response, context?: FcContext | null): Promise<void> {
  let body: Buffer = Buffer.alloc(0);
  let unreadable: InvalidRequestError | undefined;
  try {
    body = await readLimited(req, LIMITS.maxHttpBodyBytes);
  } catch {
    // The client went away or the stream broke: still one JSON answer and one log line, never a rejection.
    unreadable = new InvalidRequestError([{ field: 'body', problem: 'the request stream failed before it ended' }]);
  }
  const path = req.path ?? (req.url ?? '/').split('?')[0];
  const event: HttpTriggerEvent = {
    rawPath: path,
    headers: req.headers ?? {},
    queryParameters: req.queries ?? {},
    body: body.toString('base64'),
    isBase64Encoded: true,
    requestContext: { http: { method: req.method ?? 'GET', path } },
  };
  const answer = await handleHttp(event, context, unreadable);
  resp.setStatusCode(answer.statusCode);
  for (const [name, value] of Object.entries(answer.headers)) resp.setHeader(name, value);
  resp.send(answer.body);
}
