// The account quota's wiring over HTTP (its sliding window is quota.test.ts's): Live's
// 400 Throttling.User beyond Q accepted requests in a second, for every key of the account.
import { createLiveEmulator, type LiveEmulator } from './index';
import { CASTER, deleteQuery, PLAIN, raw, STS } from './test-client';

const SEED = { casters: { [CASTER]: Array.from({ length: 10 }, (_, i) => `q-${i}`) } };
const RETRY_AFTER = 'x-acs-retry-after';

describe('Live emulator: account-wide quota over HTTP', () => {
  let emulator: LiveEmulator;
  const remove = (n: number, cred = STS) => raw(emulator, { cred, query: deleteQuery(`q-${n}`) });

  beforeEach(async () => {
    emulator = createLiveEmulator({ seed: SEED, accountQps: 2 });
    await emulator.start();
  });
  afterEach(() => emulator.stop());

  it('refuses a request beyond the quota, whatever its key, with Throttling.User, acting on nothing', async () => {
    const answers = [await remove(0, PLAIN), await remove(1, STS), await remove(2, PLAIN)];
    expect(answers.map((a) => [a.status, a.json.Code])).toEqual([
      [200, undefined],
      [200, undefined],
      [400, 'Throttling.User'],
    ]);
    expect([answers[2]!.json.Message, answers[2]!.headers[RETRY_AFTER]]).toEqual([
      'Request was denied due to user flow control.',
      undefined,
    ]);
    expect(emulator.resources(CASTER)).toContain('q-2');
  });

  it('sends x-acs-retry-after, the ms until a slot frees, once setAccountQuota asks for it', async () => {
    emulator.setAccountQuota(1, { retryAfterHeader: true });
    await remove(0);
    const ms = Number((await remove(1)).headers[RETRY_AFTER]);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(1000);
  });

  it.each<[string, (e: LiveEmulator) => void]>([
    ['setAccountQuota(undefined) lifts the quota', (e) => e.setAccountQuota(undefined)],
    ['reset() empties the window', (e) => e.reset()],
  ])('%s', async (_title, change) => {
    await remove(0);
    await remove(1);
    change(emulator);
    expect((await remove(2)).status).toBe(200);
  });
});
