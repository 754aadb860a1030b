// `npm start` in-process: the banner under --auth, and --live going to the
// configured Live endpoint with the shell's keys, loudly. Serving and stopping as
// a real process: local-tools.test.ts; its usage errors: ../usage.test.ts.
import { createLiveEmulator, DEMO_CASTER_ID, DEMO_PLAIN_KEY, type LiveEmulator } from '../../dev/live-emulator';
import { setEnv } from '../in-process';
import { main, type Running } from './start';

const KEY = DEMO_PLAIN_KEY;
// What main sets (LIVE_ENDPOINT) and the tests set is put back for the next test file.
let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = setEnv({ LOG_LEVEL: 'silent' });
});
afterAll(() => restoreEnv());

describe('npm start -- --auth', () => {
  it('offers a ready npm run call, signed requests being the only ones taken', async () => {
    const running = await main(['--auth', '--port', '0']);
    await running.stop();
    expect(running.banner).toContain(
      `npm run call -- ${running.url}/casters/${DEMO_CASTER_ID}/video-resources/demo-resource-1 --method DELETE`,
    );
  });
});

describe('npm start -- --live', () => {
  let standIn: LiveEmulator; // stands in for live.aliyuncs.com
  let running: Running;

  beforeAll(async () => {
    jest.resetModules(); // the bundle keeps the environment of its first invocation
    standIn = createLiveEmulator();
    await standIn.start();
    Object.assign(process.env, {
      LIVE_REGION: 'cn-shanghai',
      LIVE_ENDPOINT: standIn.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
    });
    running = await main(['--live', '--port', '0']);
  });
  afterAll(async () => {
    await running.stop();
    await standIn.stop();
  });

  it('says so loudly on stderr, without the secret', () => {
    expect([running.live, running.banner]).toEqual([
      true,
      expect.stringMatching(/LIVE MODE: requests go to the REAL ApsaraVideo Live API/),
    ]);
    expect(running.banner).not.toContain(KEY.accessKeySecret);
  });

  it("deletes at the configured Live endpoint with the shell's key", async () => {
    const res = await fetch(`${running.url}/casters/${DEMO_CASTER_ID}/video-resources/demo-resource-2`, {
      method: 'DELETE',
    });
    expect(await res.json()).toMatchObject({ ok: true, outcome: 'deleted' });
    expect(standIn.requests.map((r) => r.accessKeyId)).toEqual([KEY.accessKeyId]);
  });
});
