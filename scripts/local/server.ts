// The local function server: HTTP-trigger semantics on every path, plus the
// FC 3.0 invoke API path of the one configured function, so FC clients (and
// `npm run smoke`) can be pointed at it and fail as they would against FC.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle } from '../../dev/bundle';
import type { HttpResponse } from '../../functions/delete-caster-video-resource/delivery/http-event';
import type { FcContext } from '../../functions/delete-caster-video-resource/types';
import { readBody, toHttpTriggerEvent, toInvokeFunctionEvent } from './http-event';
import { type AcceptedKey, authFailureBody, verifyTriggerRequest } from './trigger-auth';

/** FC 3.0 API paths this server answers: GetFunction (`GET /functions/{name}`) and InvokeFunction. */
const API_PATH = /^\/2023-03-30\/functions\/([^/]+)(\/invocations)?\/?$/;
const JSON_TYPE = 'application/json; charset=utf-8';

export interface LocalServerOptions {
  bundle: Bundle;
  context: (functionName?: string) => FcContext;
  /** The only name the invoke API answers for. */
  functionName: string;
  /** When set, the HTTP path accepts only requests signed by one of these keys (authType: function). */
  acceptedKeys?: readonly AcceptedKey[];
  host?: string;
  port?: number;
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function isHttpAnswer(value: unknown): value is HttpResponse & { isBase64Encoded?: boolean } {
  const v = value as Partial<HttpResponse> | null;
  return typeof v === 'object' && v !== null && typeof v.statusCode === 'number' && typeof v.body === 'string';
}

/** FC maps an HTTP-shaped return value to the HTTP response; anything else is the JSON body. */
function sendAnswer(res: ServerResponse, answer: unknown, requestId: string): void {
  const id = { 'x-fc-request-id': requestId };
  if (!isHttpAnswer(answer)) {
    send(res, 200, { 'content-type': JSON_TYPE, ...id }, typeof answer === 'string' ? answer : JSON.stringify(answer));
    return;
  }
  const body = answer.isBase64Encoded ? Buffer.from(answer.body, 'base64') : answer.body;
  send(res, answer.statusCode, { ...answer.headers, ...id }, body);
}

/** FC's own API errors, in FC 3.0's shape ({Code, Message, RequestId}). */
function fcError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  extra: Record<string, string> = {},
): void {
  send(
    res,
    status,
    { 'content-type': JSON_TYPE, 'x-fc-request-id': requestId, ...extra },
    JSON.stringify({ Code: code, Message: message, RequestId: requestId }),
  );
}

async function fcApi(
  opts: LocalServerOptions,
  name: string,
  invoke: boolean,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  res: ServerResponse,
): Promise<void> {
  const context = opts.context(opts.functionName);
  const requestId = context.requestId!;
  if (name !== opts.functionName)
    return fcError(res, 404, 'FunctionNotFound', `function '${name}' does not exist`, requestId);
  const allowed = invoke ? 'POST' : 'GET';
  if (req.method !== allowed)
    return fcError(res, 405, 'MethodNotAllowed', `${req.method} is not allowed here; use ${allowed}`, requestId, {
      allow: allowed,
    });
  if (!invoke) {
    const { function: fn } = context;
    const info = {
      functionName: name,
      runtime: 'nodejs20',
      handler: fn?.handler,
      memorySize: fn?.memory,
      timeout: fn?.timeout,
    };
    return send(res, 200, { 'content-type': JSON_TYPE, 'x-fc-request-id': requestId }, JSON.stringify(info));
  }
  try {
    sendAnswer(res, await opts.bundle.handler(toInvokeFunctionEvent(req, url, body, requestId), context), requestId);
  } catch (err) {
    // FC's invoke API reports a thrown error in x-fc-error-type, with status 200.
    const error = err as Error;
    const payload = JSON.stringify({ errorMessage: error.message, errorType: error.name });
    send(
      res,
      200,
      { 'content-type': JSON_TYPE, 'x-fc-request-id': requestId, 'x-fc-error-type': 'UnhandledInvocationError' },
      payload,
    );
  }
}

export async function startLocalServer(opts: LocalServerOptions): Promise<LocalServer> {
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const body = await readBody(req);
    const api = API_PATH.exec(url.pathname);
    if (api) return fcApi(opts, decodeURIComponent(api[1]), Boolean(api[2]), req, url, body, res);
    const context = opts.context();
    const requestId = context.requestId!;
    const refused = opts.acceptedKeys ? verifyTriggerRequest(req, opts.acceptedKeys) : null;
    if (refused)
      return send(
        res,
        403,
        { 'content-type': JSON_TYPE, 'x-fc-request-id': requestId },
        authFailureBody(refused, requestId),
      );
    sendAnswer(res, await opts.bundle.handler(toHttpTriggerEvent(req, url, body, requestId), context), requestId);
  };
  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((err: Error) => {
      // The bundle's HTTP path never throws; if it does, answer like FC's runtime would.
      send(
        res,
        502,
        { 'content-type': JSON_TYPE },
        JSON.stringify({ errorType: err.name, errorMessage: 'function error' }),
      );
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
