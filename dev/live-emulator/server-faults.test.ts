// The emulator's additive fault options over HTTP: seeded probabilistic
// faults and the 'echo' fault (an upstream that quotes credentials back).
import { callLiveSdk, liveSdkClient } from '../live-sdk';
import { rejection } from '../promises';
import { seededRandom } from '../random';
import { createLiveEmulator, DEMO_CREDENTIALS, type EmulatorCredential, type LiveEmulator } from './index';

const CASTER = 'LIVEPRODUCER_POST-cn-demo0001';
const STS = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
/** Values with the characters a real STS token holds, so encoded forms differ from the raw ones. */
const SPECIAL: EmulatorCredential = {
  accessKeyId: 'STS.specialCharsKey0001',
  accessKeySecret: 'sec+ret/Value=WithSpecials0001',
  securityToken: 'CAIS+tok/en=WithSpecials/0001==',
};

function deleteCall(emulator: LiveEmulator, resourceId: string, cred: EmulatorCredential = STS) {
  const query = { CasterId: CASTER, ResourceId: resourceId, RegionId: 'cn-shanghai' };
  return callLiveSdk(liveSdkClient(emulator.host, cred), 'DeleteCasterVideoResource', query);
}

describe('Live emulator: probabilistic and echo faults', () => {
  let emulator: LiveEmulator;
  afterEach(async () => emulator?.stop());

  it('applies a probabilistic fault plan repeatably with a seeded random', async () => {
    const plan = async () => {
      emulator = createLiveEmulator({
        random: seededRandom(7),
        credentials: [STS],
        seed: { casters: { [CASTER]: Array.from({ length: 40 }, (_, i) => `r${i}`) } },
      });
      await emulator.start();
      emulator.injectFault({ kind: 'throttle', probability: 0.3, times: Infinity });
      emulator.injectFault({ kind: 'unavailable', probability: 0.3, times: Infinity });
      for (let i = 0; i < 40; i += 1) await deleteCall(emulator, `r${i}`).catch(() => undefined);
      const faults = emulator.requests.map((r) => r.fault);
      await emulator.stop();
      return faults;
    };
    const first = await plan();
    const second = await plan();
    expect(first).toEqual(second);
    expect(first.filter((f) => f === 'throttle').length).toBeGreaterThan(3);
    expect(first.filter((f) => f === 'unavailable').length).toBeGreaterThan(3);
    expect(first.filter((f) => f === null).length).toBeGreaterThan(10);
  });

  it('echo answers 400 InvalidParameter quoting the caller token (raw, encoded once and twice) and secret', async () => {
    emulator = createLiveEmulator({ credentials: [SPECIAL] });
    await emulator.start();
    emulator.injectFault({ kind: 'echo' });
    const err = await rejection(deleteCall(emulator, 'demo-resource-1', SPECIAL));
    expect(err.code).toBe('InvalidParameter');
    expect(err.data.statusCode).toBe(400);
    const message = String(err.data.Message);
    expect(message).toContain(SPECIAL.securityToken);
    expect(message).toContain(SPECIAL.accessKeySecret);
    expect(message).toContain(encodeURIComponent(SPECIAL.securityToken!));
    expect(message).toContain(encodeURIComponent(encodeURIComponent(SPECIAL.securityToken!)));
    expect(emulator.requests[0]).toMatchObject({ fault: 'echo', status: 400, code: 'InvalidParameter' });
    // The record itself stays clean, and the resource was not touched.
    expect(JSON.stringify(emulator.requests)).not.toContain(SPECIAL.securityToken);
    expect(emulator.resources(CASTER)).toContain('demo-resource-1');
  });

  it('echo with status 503 answers ServiceUnavailable with the same quote', async () => {
    emulator = createLiveEmulator({ credentials: [SPECIAL] });
    await emulator.start();
    emulator.injectFault({ kind: 'echo', status: 503 });
    const err = await rejection(deleteCall(emulator, 'demo-resource-1', SPECIAL));
    expect(err.code).toBe('ServiceUnavailable');
    expect(err.data.statusCode).toBe(503);
    expect(String(err.data.Message)).toContain(SPECIAL.accessKeySecret);
  });
});
