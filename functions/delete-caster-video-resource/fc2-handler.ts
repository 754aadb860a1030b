// FC 2.0 entry point, `httpHandler(req, resp, context)`: the request
// translated to the one the FC 3.0 HTTP trigger gives, and answered alike.
import type { Readable } from 'node:stream';
import { header, MAX_HTTP_BODY_BYTES, mediaType, routeOf } from './delivery/http-event';
import { answerHttp } from './handler';
import type { FcContext, HttpBody, HttpRequest } from './types';

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
 * Reads at most one byte past the body limit: enough to know it is too large,
 * without buffering whatever else a client streams. A stream that breaks (the
 * client went away) is still one JSON answer and one log line, never a rejection.
 */
async function readBody(req: Readable): Promise<HttpBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      chunks.push(buf);
      size += buf.length;
      if (size > MAX_HTTP_BODY_BYTES) {
        req.destroy();
        return { kind: 'too-large', limit: MAX_HTTP_BODY_BYTES };
      }
    }
  } catch {
    return { kind: 'broken' };
  }
  return { kind: 'bytes', bytes: Buffer.concat(chunks) };
}

export async function httpHandler(req: Fc2Request, resp: Fc2Response, context?: FcContext | null): Promise<void> {
  const headers = req.headers ?? {};
  const request: HttpRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    route: routeOf(req.path ?? (req.url ?? '/').split('?')[0], headers),
    query: Object.entries(req.queries ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]),
    contentType: mediaType(header(headers, 'content-type')),
    body: await readBody(req),
    async: header(headers, 'x-fc-invocation-type')?.trim().toLowerCase() === 'async',
  };
  const answer = await answerHttp({ kind: request.route.kind === 'invoke' ? 'invoke' : 'http', request }, context);
  resp.setStatusCode(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) resp.setHeader(name, value);
  resp.send(answer.body);
}
