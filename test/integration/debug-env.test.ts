import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BUNDLE_PATH } from '../../dev/bundle';
import { createLiveEmulator } from '../../dev/live-emulator';
import { CASTER, STS } from '../support/harness';

const run = promisify(execFile);

describe('DEBUG in the function environment', () => {
  it('never makes the bundle print request headers, so the security token stays out of the logs', async () => {
    const emulator = createLiveEmulator();
    await emulator.start();
    const script = `
      require(${JSON.stringify(BUNDLE_PATH)}).handler(Buffer.from(process.env.EVENT), JSON.parse(process.env.CONTEXT))
        .then((r) => process.stdout.write('RESULT ' + JSON.stringify(r) + '\\n'));`;
    try {
      const { stdout, stderr } = await run(process.execPath, ['-e', script], {
        env: {
          ...process.env,
          DEBUG: '*',
          LOG_LEVEL: 'debug',
          LIVE_ENDPOINT: emulator.url,
          EVENT: JSON.stringify({ CasterId: CASTER, ResourceId: 'demo-resource-1' }),
          CONTEXT: JSON.stringify({
            requestId: 'debug-env',
            region: 'cn-shanghai',
            credentials: STS,
            function: { timeout: 10 },
          }),
        },
      });
      expect(stdout).toMatch(/RESULT .*"outcome":"deleted"/);
      expect(stdout + stderr).not.toContain(STS.securityToken);
      expect(stdout + stderr).not.toContain(STS.accessKeySecret);
      expect(stderr).not.toMatch(/x-acs-/i);
    } finally {
      await emulator.stop();
    }
  });
});
