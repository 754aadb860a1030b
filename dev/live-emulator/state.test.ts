// The emulator's lifecycle and caster state.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rejection } from '../promises';
import { createLiveEmulator, DEFAULT_SEED, loadSeedFile } from './index';
import { CASTER, client, deleteResource, raw, send, signedRequest } from './test-client';

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
    const emulator = createLiveEmulator({ port: 0 });
    expect(emulator.url).toBe('');
    const url = await emulator.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.url).toBe(url);
    expect(emulator.host).toBe(url.replace('http://', ''));
    await emulator.stop();
  });

  it('uses the injected clock for the timestamp check', async () => {
    const frozen = Date.parse('2023-10-26T10:22:32Z');
    const emulator = createLiveEmulator({ now: () => frozen, maxSkewMs: 1000 });
    await emulator.start();
    try {
      expect((await raw(emulator, { date: '2023-10-26T10:22:33Z' })).status).toBe(200);
      expect((await raw(emulator, { date: '2023-10-26T10:22:35Z' })).json.Code).toBe('InvalidTimeStamp.Expired');
      expect(emulator.requests[0]!.time).toBe(frozen);
    } finally {
      await emulator.stop();
    }
  });

  it('starts from DEFAULT_SEED, and reset() restores it and clears requests, faults and nonces', async () => {
    expect(DEFAULT_SEED.casters[CASTER]).toEqual([
      'demo-resource-1',
      'demo-resource-2',
      'demo-resource-3',
      'demo-resource-4',
      'demo-resource-5',
    ]);
    const emulator = createLiveEmulator();
    await emulator.start();
    try {
      const req = signedRequest(emulator);
      await send(emulator, req);
      emulator.addCaster('LIVEPRODUCER_POST-cn-extra', ['a']);
      emulator.injectFault({ kind: 'throttle', times: Infinity });
      emulator.reset();
      expect(emulator.requests).toHaveLength(0);
      expect(emulator.resources(CASTER)).toHaveLength(5);
      expect(emulator.resources('LIVEPRODUCER_POST-cn-extra')).toBeUndefined();
      expect((await send(emulator, req)).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  const seed = { casters: { c1: ['r1', { ResourceId: 'r2', ResourceName: 'Camera 2' }] } };

  it('takes a seed from its options, in place of the default one', () => {
    const emulator = createLiveEmulator({ seed });
    expect([emulator.resources('c1'), emulator.resources(CASTER)]).toEqual([['r1', 'r2'], undefined]);
  });

  it('takes a seed from reset(seed), and goes back to its own on reset()', () => {
    const emulator = createLiveEmulator({ seed });
    emulator.reset({ casters: { c2: [] } });
    expect(emulator.resources('c2')).toEqual([]);
    emulator.reset();
    expect(emulator.resources('c1')).toEqual(['r1', 'r2']);
  });

  describe('loadSeedFile', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'live-seed-')), 'seed.json');

    it('reads a JSON seed file', () => {
      writeFileSync(file, JSON.stringify({ casters: { c3: ['x', { ResourceId: 'y', LocationId: 'RV09' }] } }));
      expect(loadSeedFile(file)).toEqual({ casters: { c3: ['x', { ResourceId: 'y', LocationId: 'RV09' }] } });
    });

    it('refuses an entry that is not a resource, naming its caster', () => {
      writeFileSync(file, JSON.stringify({ casters: { c3: [42] } }));
      expect(() => loadSeedFile(file)).toThrow(/c3/);
    });

    it('refuses a file that is not JSON', () => {
      writeFileSync(file, '{not json');
      expect(() => loadSeedFile(file)).toThrow(/Cannot read seed file/);
    });
  });

  it('refuses an STS key without a token and a plain key with one', () => {
    expect(() => createLiveEmulator({ credentials: [{ accessKeyId: 'STS.x', accessKeySecret: 's' }] })).toThrow(
      /securityToken/,
    );
    expect(() =>
      createLiveEmulator({ credentials: [{ accessKeyId: 'LTAIx', accessKeySecret: 's', securityToken: 't' }] }),
    ).toThrow(/securityToken/);
  });
});
