// Time limits that mean what they say: the 3 s connect timeout bounds
// connecting only, so a Live that answers slowly (but within the attempt's
// time) is waited for, not cut off and sent the DELETE again.
import { CASTER, deleteRequests, invoke, roleContext, useLive } from '../support/harness';

const live = useLive();

describe('slow Live answers (built bundle against the Live emulator)', () => {
  it.each([3_500, 6_000])(
    'waits for a delete Live answers after %i ms: deleted, 1 attempt, one DELETE',
    async (delayMs) => {
      live.emulator.injectFault({ kind: 'delay', delayMs, times: 1 });
      const started = Date.now();
      const result = await invoke(
        live,
        { CasterId: CASTER, ResourceId: 'demo-resource-1' },
        roleContext({ function: { timeout: 30 } }),
      );
      const tookMs = Date.now() - started;
      expect(result).toMatchObject({ ok: true, outcome: 'deleted', attempts: 1 });
      expect(deleteRequests(live)).toHaveLength(1);
      expect(tookMs).toBeGreaterThanOrEqual(delayMs - 50);
      // eslint-disable-next-line no-console
      console.log(
        `slow Live: answered after ${delayMs} ms, the invocation took ${tookMs} ms, ${deleteRequests(live).length} DELETE`,
      );
    },
    20_000,
  );

  it('still bounds an attempt by the invocation remaining time', async () => {
    live.emulator.injectFault({ kind: 'delay', delayMs: 6_000, times: 1 });
    const started = Date.now();
    await expect(
      invoke(live, { CasterId: CASTER, ResourceId: 'demo-resource-1' }, roleContext({ function: { timeout: 3 } })),
    ).rejects.toMatchObject({
      result: { error: { code: 'Timeout' } },
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 20_000);
});
