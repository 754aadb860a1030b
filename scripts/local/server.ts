// The local function server: HTTP-trigger semantics on every path, plus the
// FC 3.0 invoke API path so FC clients (and `npm run smoke`) can be pointed at it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FcContext, HttpResponse } from '../../functions/delete-caster-video-resource/types';
import type { FunctionBundle } from './bundle';
import { readBody, toHttpTriggerEvent } from './http-event';

const INVOKE_PATH = /^\/2023-03-30\/functions\/([^/]+)\/invocations\/?$/;

export interface LocalServerOptions {
  bundle: FunctionBundle;
  context: (functionName?: string) => FcContext;
  host?: string;
  port?: number;
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** FC's invoke API: the function's return value as the body; a thrown error as x-fc-error-type. */
async function invokeApi(bundle: FunctionBundle, context: FcContext, body: Buffer, res: ServerResponse): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-fc-request-id': context.requestId! };
  try {
    const result = await bundle.handler(body, context);
    send(res, 200, headers, typeof result === 'string' ? result : JSON.stringify(result));
  } catch (err) {
    const error = err as Error;
    const payload = { errorMessage: error.message, errorType: error.name };
    send(res, 200, { ...headers, 'x-fc-error-type': 'UnhandledInvocationError' }, JSON.stringify(payload));
  }
}

export async function startLocalServer(opts: LocalServerOptions): Promise<LocalServer> {
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const body = await readBody(req);
    const invoke = req.method === 'POST' ? INVOKE_PATH.exec(url.pathname) : null;
    if (invoke) return invokeApi(opts.bundle, opts.context(decodeURIComponent(invoke[1])), body, res);
    const context = opts.context();
    const answer = (await opts.bundle.handler(toHttpTriggerEvent(req, url, body, context.requestId!), context)) as HttpResponse;
    send(res, answer.statusCode, { ...answer.headers, 'x-fc-request-id': context.requestId! }, answer.body);
  };
  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((err: Error) => {
      // The bundle's HTTP path never throws; if it does, answer like FC's runtime would.
      send(res, 502, { 'content-type': 'application/json' }, JSON.stringify({ errorType: err.name, errorMessage: 'function error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 9000, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
