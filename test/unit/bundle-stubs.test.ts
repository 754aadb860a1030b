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
        if (stall)
          res.write('{"RequestId":'); // headers and half a body, then nothing
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
    const response: http.IncomingMessage = await httpx.request(url, {
      method: 'POST',
      readTimeout: 5_000,
      connectTimeout: 1_000,
    });
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
    const response: http.IncomingMessage = await wrapped.request(url, {
      method: 'POST',
      readTimeout: 300,
      connectTimeout: 1_000,
    });
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

describe('XML error reader (in place of xml2js)', () => {
  const { Parser, Builder } = load('xml2js-error-reader.js');
  const real = jest.requireActual('xml2js');
  const parse = (text: string, parser: { parseString(t: string, cb: (e: unknown, v: unknown) => void): void }) => {
    let out: { err: unknown; value: unknown } | undefined;
    parser.parseString(text, (err, value) => (out = { err, value }));
    return out!;
  };
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

  it.each([
    [
      "Live's error document",
      "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>5C1A</RequestId><HostId>live.aliyuncs.com</HostId><Code>Throttling.User</Code><Message>Request was denied due to user flow control.</Message><Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=Throttling.User]]></Recommend></Error>",
    ],
    [
      'entities and a character reference',
      '<Error><Code>A&amp;B</Code><Message>&lt;x&gt; &quot;y&quot; &apos;z&apos; &#65;&#x42;</Message></Error>',
    ],
    ['whitespace between elements', '<Error>\n  <Code>X</Code>\n  <Message>m</Message>\n</Error>\n'],
    ['a repeated element', '<Error><Detail>a</Detail><Detail>b</Detail><Code>C</Code></Error>'],
    ['an empty element', '<Error><Code/><Message></Message></Error>'],
  ])('reads %s as xml2js does', (_name, text) => {
    const ours = parse(text, new Parser({ explicitArray: false }));
    const theirs = parse(text, new real.Parser({ explicitArray: false }));
    expect(ours.err).toBeNull();
    expect(plain(ours.value)).toEqual(plain(theirs.value));
  });

  it.each([
    ['an empty body', ''],
    ['text that is not XML', 'Service Unavailable'],
    ['an unclosed element', '<Error><Code>X</Code>'],
    ['mismatched tags', '<Error><Code>X</Message></Error>'],
    ['two root elements', '<A/><B/>'],
  ])('refuses %s with an error', (_name, text) => {
    expect(parse(text, new Parser({ explicitArray: false })).err).toBeInstanceOf(SyntaxError);
  });

  it('keeps an element named __proto__ an ordinary key', () => {
    const { value } = parse('<Error><__proto__><polluted>yes</polluted></__proto__></Error>', new Parser()) as {
      value: any;
    };
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value.Error)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(value.Error, '__proto__')?.value.polluted).toBe('yes');
  });

  it('writes no XML: the Builder throws', () => {
    expect(() => new Builder().buildObject({})).toThrow(/never writes XML/);
  });
});

describe('zlib lazy wrapper', () => {
  it("loads node's zlib only when a compressed answer first needs it, then inflates with it", () => {
    jest.isolateModules(() => {
      let loaded = 0;
      jest.doMock('node:zlib', () => {
        loaded += 1;
        return jest.requireActual('node:zlib');
      });
      const lazy = load('zlib-lazy.js');
      expect(loaded).toBe(0);
      const gunzip = lazy.createGunzip();
      expect(loaded).toBe(1);
      expect(typeof gunzip.pipe).toBe('function');
      lazy.createInflate();
      expect(loaded).toBe(1);
    });
  });
});
