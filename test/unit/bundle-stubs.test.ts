import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

/**
 * The modules scripts/build.mjs puts in place of SDK dependencies. Why each is
 * never reached is argued at the top of each file; here: a stub that is
 * reached fails loudly, and the httpx wrapper does what it says. That the
 * function never reaches a stub is shown by the integration suite, which runs
 * the built bundle (test/integration).
 */
const stubs = path.resolve(__dirname, '../../scripts/bundle-stubs');
const load = (file: string) => require(path.join(stubs, file));

describe('@alicloud/credentials stub', () => {
  const credentials = load('alicloud-credentials.js');

  it('throws if the SDK ever builds credentials itself', () => {
    expect(() => new credentials.default({ type: 'access_key' })).toThrow(/stubbed out of this bundle/);
    expect(() => new credentials.Config({})).toThrow(/stubbed out of this bundle/);
  });

  it('is not a tea Model class, like the real Credential, so a credential object passed in config goes through untouched', () => {
    expect(typeof credentials.default).toBe('function');
    expect(credentials.default.names).toBeUndefined();
    expect(credentials.default.types).toBeUndefined();
  });
});

describe('xmlbuilder stub', () => {
  it('throws if anything ever writes XML', () => {
    expect(() => load('xmlbuilder.js').create('Error')).toThrow(/nothing here writes XML/);
  });
});

describe('httpx read-timer wrapper', () => {
  const wrapped = load('httpx-timeouts.js');
    const raw = require('httpx');
  let server: http.Server;
  let url: string;
  let stall = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
        if (stall) res.write('{"RequestId":'); // headers and half a body, then nothing
        else res.end('{"RequestId":"R1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/?Action=x`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const readTimerOf = (socket: Socket) => {
    const key = Object.getOwnPropertySymbols(socket).find((s) => s.description === 'TIMER::READ_TIMER')!;
    return (socket as unknown as Record<symbol, { _destroyed: boolean }>)[key];
  };

  /** Reads the body the way @alicloud/tea-util does: its own data/end listeners, not httpx.read. */
  async function callAndRead(httpx: typeof raw) {
    const response: http.IncomingMessage = await httpx.request(url, { method: 'POST', readTimeout: 5_000, connectTimeout: 1_000 });
    const timer = readTimerOf(response.socket);
    const chunks: Buffer[] = [];
    await new Promise((resolve, reject) => {
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', resolve);
      response.on('error', reject);
    });
    return { timer, body: Buffer.concat(chunks).toString() };
  }

  it('keeps every export of httpx', () => {
    expect(Object.keys(wrapped).sort()).toEqual(Object.keys(raw).sort());
  });

  it('ends the read timer with the response, which httpx alone leaves running for readTimeout', async () => {
    stall = false;
    const ours = await callAndRead(wrapped);
    expect(ours.body).toBe('{"RequestId":"R1"}');
    await new Promise(setImmediate);
    expect(ours.timer._destroyed).toBe(true);

    // The reason for the wrapper: read like tea-util does, and httpx's timer (and all it holds) lives on.
    const alone = await callAndRead(raw);
    expect(alone.timer._destroyed).toBe(false);
    clearTimeout(alone.timer as unknown as NodeJS.Timeout);
  });

  it('still times out a body that stalls', async () => {
    stall = true;
    const response: http.IncomingMessage = await wrapped.request(url, { method: 'POST', readTimeout: 300, connectTimeout: 1_000 });
    const outcome = await new Promise((resolve) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve('end'));
      response.on('error', (err: NodeJS.ErrnoException) => resolve(err.code));
    });
    // httpx aborts the request when its read timer fires; the reader sees the reset.
    expect(outcome).toBe('ECONNRESET');
  });
});

describe('debug stub', () => {
  it('gives silent loggers that report themselves disabled, whatever DEBUG says', () => {
    const createDebug = load('debug.js');
    const logger = createDebug('httpx:header');
    expect(logger.enabled).toBe(false);
    expect(logger('> %s', 'x-acs-security-token: t')).toBeUndefined();
  });
});

describe('xml2js lazy wrapper', () => {
  it('loads the real xml2js only when tea-xml first reaches for its Parser, then parses with it', () => {
    jest.isolateModules(() => {
      let loaded = 0;
      jest.doMock('xml2js', () => {
        loaded += 1;
        return jest.requireActual('xml2js');
      });
      const lazy = load('xml2js-lazy.js');
      expect(loaded).toBe(0);
      const parser = new lazy.Parser({ explicitArray: false });
      expect(loaded).toBe(1);
      let out: unknown;
      parser.parseString('<Error><Code>Throttling.User</Code></Error>', (_err: unknown, value: unknown) => (out = value));
      expect(out).toEqual({ Error: { Code: 'Throttling.User' } });
      expect(lazy.Builder).toBe(jest.requireActual('xml2js').Builder);
      expect(loaded).toBe(1);
    });
  });
});
