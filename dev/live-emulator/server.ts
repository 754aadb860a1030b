// The emulator's HTTP server: authenticate, route, apply faults, run the action,
// record every request. node:http only, so it runs wherever the tests run.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolveAction } from './actions';
import { authenticate } from './auth';
import { ACS_HEADERS, CONTENT_TYPES, MAX_SKEW_MS } from './constants';
import { CredentialStore, DEMO_CREDENTIALS } from './credentials';
import { errorBody, isLiveError, type LiveError, liveError } from './errors';
import { echoErrorCode, FaultQueue, faultErrorCode, spoilList } from './faults';
import { NonceStore } from './nonces';
import { AccountQuota } from './quota';
import { send, sendBadGateway, sendFlood, sendJson } from './reply';
import { readCall, redactQuery } from './request';
import { CasterState, DEFAULT_SEED } from './state';
import type { EmulatorOptions, FaultKind, LiveEmulator, RecordedRequest } from './types';

export function createLiveEmulator(options: EmulatorOptions = {}): LiveEmulator {
  const seed = options.seed ?? DEFAULT_SEED;
  const credentials = new CredentialStore(options.credentials ?? DEMO_CREDENTIALS);
  const state = new CasterState(seed);
  // A nonce can be replayed while its x-acs-date is still within ±skew: at most 2×skew after first use.
  const nonces = new NonceStore(2 * MAX_SKEW_MS, Date.now);
  const faults = new FaultQueue();
  const quota = new AccountQuota(options.accountQps, Date.now);
  let retryAfterHeader = options.retryAfterHeader ?? false;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let server: Server | undefined;
  let hostPort = '';

  /** Resolves after ms, unless stop() comes first: then it never resolves and the request is dropped. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = Date.now();
    const requestId = randomUUID().toUpperCase();
    const call = await readCall(req);
    const hostId = call.headers.host ?? '';
    const action = call.headers[ACS_HEADERS.action] ?? null;
    let accessKeyId: string | null = null;
    let fault: FaultKind | null = null;
    const record = (status: number, code: string | null) =>
      requests.push({ time, action, query: redactQuery(call.query), accessKeyId, status, code, fault, requestId });
    const fail = (error: LiveError) => {
      record(error.status, error.code);
      sendJson(res, error.status, errorBody(error, requestId, hostId), requestId);
    };

    const auth = authenticate(call, { credentials, nonces });
    accessKeyId = auth.accessKeyId;
    if (!auth.ok) return fail(auth.error);
    const run = resolveAction(call.headers[ACS_HEADERS.version], action ?? undefined);
    if (isLiveError(run)) return fail(run);
    // The gateway's flow control comes before Live (and any injected fault) sees the call.
    const admitted = quota.admit(time);
    if (!admitted.ok) {
      if (retryAfterHeader) res.setHeader(ACS_HEADERS.retryAfter, String(admitted.retryAfterMs));
      return fail(liveError('Throttling.User'));
    }

    const spec = faults.take(action!);
    fault = spec?.kind ?? null;
    if (spec?.kind === 'reset' || spec?.kind === 'hang') {
      record(0, null);
      // 'hang' keeps the socket open until the client gives up or stop() destroys it.
      if (spec.kind === 'reset') req.socket.destroy();
      return;
    }
    if (spec?.kind === 'badBody') {
      record(502, null);
      return sendBadGateway(res, requestId);
    }
    if (spec?.kind === 'answer' && spec.answer) {
      const { status, code, contentType, body } = spec.answer;
      record(status, code ?? null);
      const text =
        body ??
        JSON.stringify({
          RequestId: requestId,
          HostId: hostId,
          ...(code ? { Code: code } : {}),
          Message: `Answered ${status}.`,
        });
      return send(res, status, contentType ?? CONTENT_TYPES.json, text, requestId);
    }
    if (spec?.kind === 'flood' && spec.flood) {
      record(200, null);
      return sendFlood(res, spec.flood.bytes, spec.flood.chunked ?? false, requestId);
    }
    if (spec?.kind === 'echo') {
      // A badly behaved upstream: quotes the caller's token (as sent, and
      // percent-encoded once and twice, the way a V2 string-to-sign would) and
      // the AccessKey secret it holds for the caller's key.
      const token = call.headers[ACS_HEADERS.securityToken] ?? '';
      const secret = credentials.find(accessKeyId!)?.accessKeySecret ?? '';
      const once = encodeURIComponent(token);
      return fail(
        liveError(
          echoErrorCode(spec),
          `Echo: token=${token} secret=${secret} encoded=${once} stringToSign=POST&%2F&SecurityToken%3D${encodeURIComponent(once)}`,
        ),
      );
    }
    const faultCode = spec && faultErrorCode(spec.kind);
    if (faultCode) return fail(liveError(faultCode));
    // Like a slow Live, a delayed call still takes effect even if the client stopped waiting.
    if (spec?.kind === 'delay') await sleep(spec.delayMs ?? 0);

    const result = run(call.query, state);
    if (isLiveError(result)) return fail(result);
    record(200, null);
    sendJson(
      res,
      200,
      { RequestId: requestId, ...(spec?.kind === 'list' && spec.list ? spoilList(result, spec.list) : result) },
      requestId,
    );
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    handle(req, res).catch(() => {
      // A bug or an aborted upload; answer like Live would rather than leave the client waiting.
      const requestId = randomUUID().toUpperCase();
      sendJson(res, 500, errorBody(liveError('InternalError'), requestId, req.headers.host ?? ''), requestId);
    });
  }

  async function start(): Promise<string> {
    if (server) return emulator.url;
    const created = createServer(onRequest);
    created.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(0, '127.0.0.1', () => {
        created.off('error', reject);
        resolve();
      });
    });
    server = created;
    hostPort = `127.0.0.1:${(created.address() as AddressInfo).port}`;
    return emulator.url;
  }

  async function stop(): Promise<void> {
    const closing = server;
    if (!closing) return;
    server = undefined;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
    // close() alone waits for keep-alive and hanging sockets; end them now.
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  }

  const emulator: LiveEmulator = {
    get url() {
      return hostPort ? `http://${hostPort}` : '';
    },
    get host() {
      return hostPort;
    },
    start,
    stop,
    requests,
    injectFault: (spec) => faults.add(spec),
    setAccountQuota(qps, opts) {
      quota.setLimit(qps);
      if (opts?.retryAfterHeader !== undefined) retryAfterHeader = opts.retryAfterHeader;
    },
    resources: (casterId) => state.ids(casterId),
    addCaster: (casterId, resourceIds) => state.addCaster(casterId, resourceIds),
    reset() {
      state.load(seed);
      requests.length = 0;
      faults.clear();
      nonces.clear();
      quota.clear();
    },
  };
  return emulator;
}
