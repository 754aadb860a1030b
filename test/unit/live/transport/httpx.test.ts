import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { sendFlood } from '../../../../dev/live-emulator/reply';

const transport = path.resolve(__dirname, '../../../../functions/delete-caster-video-resource/live/transport');
const load = (file: string) => require(path.join(transport, file));
const { watch, unwatch } = load('response-headers.ts');

// One spelling of XML content types is test/integration/xml-error-body.test.ts's.
describe('httpx read-timer wrapper', () => {
  const wrapped = load('httpx.js');
  const raw = require('httpx');
  let server: http.Server;
  let url: string;
  let stall = false;
  let flood: { bytes: number; chunked: boolean } | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (flood) return sendFlood(res, flood.bytes, flood.chunked, 'R1');
        res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'x-acs-retry-after': '750' });
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
  async function callAndRead(httpx: typeof raw, headers: Record<string, string> = {}) {
    const response: http.IncomingMessage = await httpx.request(url, {
      method: 'POST',
      headers,
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

  it('ends the read timer with the response', async () => {
    stall = false;
    const ours = await callAndRead(wrapped);
    expect(ours.body).toBe('{"RequestId":"R1"}');
    await new Promise(setImmediate);
    expect(ours.timer._destroyed).toBe(true);
  });

  it('is needed: read as tea-util reads, httpx alone leaves its timer (and all it holds) running', async () => {
    stall = false;
    const alone = await callAndRead(raw);
    expect(alone.timer._destroyed).toBe(false);
    clearTimeout(alone.timer as unknown as NodeJS.Timeout);
  });

  it("hands each response's headers to the call its nonce names", async () => {
    stall = false;
    const seen = watch('nonce-1');
    await callAndRead(wrapped, { 'x-acs-signature-nonce': 'nonce-1' });
    unwatch('nonce-1');
    expect(seen.retryAfterMs).toBe(750);
  });

  describe('answer size', () => {
    const LIMIT = 1024 * 1024;
    afterEach(() => {
      flood = undefined;
    });

    it.each([false, true])('reads an answer of exactly the limit whole (chunked: %s)', async (chunked) => {
      flood = { bytes: LIMIT, chunked };
      expect((await callAndRead(wrapped)).body).toHaveLength(LIMIT);
    });

    it('refuses an answer whose Content-Length is over the limit before reading it', async () => {
      flood = { bytes: LIMIT + 1, chunked: false };
      await expect(
        wrapped.request(url, { method: 'POST', readTimeout: 5_000, connectTimeout: 1_000 }),
      ).rejects.toMatchObject({ name: 'AnswerTooLargeError', limit: LIMIT });
    });

    it('destroys a chunked answer that grows past the limit, failing its reader', async () => {
      flood = { bytes: 64 * LIMIT, chunked: true };
      const response: http.IncomingMessage = await wrapped.request(url, {
        method: 'POST',
        readTimeout: 5_000,
        connectTimeout: 1_000,
      });
      let read = 0;
      const outcome = await new Promise((resolve) => {
        response.on('data', (c: Buffer) => (read += c.length));
        response.on('end', () => resolve('end'));
        response.on('error', (err: Error) => resolve(err.name));
      });
      expect([outcome, read <= LIMIT]).toEqual(['AnswerTooLargeError', true]);
    });
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
