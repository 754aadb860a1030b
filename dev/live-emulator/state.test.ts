// The emulator's lifecycle and caster state.
import { rejection } from '../promises';
import { createLiveEmulator } from './index';
import { DEFAULT_SEED } from './state';
import { CASTER, client, deleteResource, send, signedRequest } from './test-client';

describe('Live emulator lifecycle and state', () => {
  it('stop() ends promptly while a request hangs, and the client sees the socket close', async () => {
    const emulator = createLiveEmulator();
    await emulator.start();
    emulator.injectFault({ kind: 'hang' });
    const pending = rejection(deleteResource(client(emulator), 'demo-resource-1'));
    await new Promise((r) => setTimeout(r, 100));
    expect(emulator.requests[0]).toMatchObject({ fault: 'hang', status: 0 });
    const started = Date.now();
    await emulator.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(String((await pending).message)).toMatch(/socket hang up|ECONNRESET/);
  });

  it('stop() does not wait for a pending delay, and can be called twice', async () => {
    const emulator = createLiveEmulator();
    await emulator.start();
    emulator.injectFault({ kind: 'delay', delayMs: 60_000 });
    const pending = rejection(deleteResource(client(emulator), 'demo-resource-1'));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await emulator.stop();
    await emulator.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await pending;
    expect(emulator.resources(CASTER)).toHaveLength(5);
  });

  it('reports url and host once started', async () => {
    const emulator = createLiveEmulator();
    expect(emulator.url).toBe('');
    const url = await emulator.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect([emulator.url, `http://${emulator.host}`]).toEqual([url, url]);
    await emulator.stop();
  });

  it('starts from DEFAULT_SEED, and reset() restores it and clears requests, faults and nonces', async () => {
    expect(DEFAULT_SEED.casters[CASTER]).toEqual([1, 2, 3, 4, 5].map((n) => `demo-resource-${n}`));
    const emulator = createLiveEmulator();
    await emulator.start();
    try {
      const req = signedRequest(emulator);
      await send(emulator, req);
      emulator.addCaster('LIVEPRODUCER_POST-cn-extra', ['a']);
      emulator.injectFault({ kind: 'throttle', times: Infinity });
      emulator.reset();
      expect([emulator.requests, emulator.resources(CASTER)?.length]).toEqual([[], 5]);
      expect(emulator.resources('LIVEPRODUCER_POST-cn-extra')).toBeUndefined();
      expect((await send(emulator, req)).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  it('takes a seed from its options, in place of the default one, and goes back to it on reset()', () => {
    const seed = { casters: { c1: ['r1', { ResourceId: 'r2', ResourceName: 'Cam 2' }] } };
    const emulator = createLiveEmulator({ seed });
    emulator.addCaster('c2', []);
    emulator.reset();
    const casters = ['c1', 'c2', CASTER].map((id) => emulator.resources(id));
    expect(casters).toEqual([['r1', 'r2'], undefined, undefined]);
  });

  it.each([
    ['an STS key without a token', { accessKeyId: 'STS.x', accessKeySecret: 's' }],
    ['a plain key with one', { accessKeyId: 'LTAIx', accessKeySecret: 's', securityToken: 't' }],
  ])('refuses %s', (_label, credential) => {
    expect(() => createLiveEmulator({ credentials: [credential] })).toThrow(/securityToken/);
  });
});
