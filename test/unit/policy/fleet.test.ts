// K FC instances, each with its own rate limiter, adaptive rate and retry
// policy, against one account quota, on a virtual clock (test/support/fleet-simulation.ts):
// convergence is checked without waiting for it.
import { simulateFleet } from '../../support/fleet-simulation';

const ACCOUNT = { quota: 10, qps: 10, timeoutSeconds: 30, concurrency: 1 };

describe('a fleet of single-flight instances sharing one account quota', () => {
  it.each([1, 2, 3])(
    'ten instances: every delete on first delivery, under 10 %% throttled, 85 %% of the quota or more (seed %i)',
    async (seed) => {
      const run = await simulateFleet({ ...ACCOUNT, instances: 10, instanceCap: 10, invocations: 240, seed });
      expect(run.thrown).toBe(0);
      expect(run.throttledShare).toBeLessThan(0.1);
      expect(run.goodput).toBeGreaterThanOrEqual(0.85);
    },
  );

  it.each([1, 2, 3])(
    'twenty instances: every delete on first delivery, the fleet settling near the quota (seed %i)',
    async (seed) => {
      const run = await simulateFleet({ ...ACCOUNT, instances: 20, instanceCap: 20, invocations: 240, seed });
      expect(run.thrown).toBe(0);
      expect(run.throttledShare).toBeLessThan(0.3);
      const sum = run.finalRates.reduce((a, b) => a + b, 0);
      expect(sum).toBeGreaterThan(0.6 * ACCOUNT.quota);
      expect(sum).toBeLessThan(1.4 * ACCOUNT.quota);
    },
  );

  it("twenty instances: each one slows to its share, as far as a fleet of the cap's size needs", async () => {
    const run = await simulateFleet({ ...ACCOUNT, instances: 20, instanceCap: 20, invocations: 240, seed: 4 });
    expect(Math.min(...run.finalRates)).toBeLessThan(ACCOUNT.quota / 20);
  });

  it('leaves room for another client of the account and still delivers everything', async () => {
    const run = await simulateFleet({
      ...ACCOUNT,
      instances: 10,
      instanceCap: 10,
      invocations: 240,
      otherQps: 4,
      seed: 1,
    });
    expect(run.thrown).toBe(0);
    expect(run.otherAccepted / (run.durationMs / 1000)).toBeGreaterThan(3);
    expect(run.goodput).toBeGreaterThan(0.7);
  });

  it('a lone fresh instance runs a 10-record batch within two seconds', async () => {
    const run = await simulateFleet({
      ...ACCOUNT,
      instances: 1,
      instanceCap: 10,
      concurrency: 4,
      invocations: 10,
      seed: 1,
    });
    expect(run.throttled).toBe(0);
    expect(run.durationMs).toBeLessThan(2000);
  });

  it('four instances with twenty invocations in flight each share a 20/s quota', async () => {
    const run = await simulateFleet({
      ...ACCOUNT,
      quota: 20,
      qps: 20,
      instances: 4,
      instanceCap: 4,
      concurrency: 20,
      invocations: 240,
      seed: 1,
    });
    expect(run.thrown).toBe(0);
    expect(run.goodput).toBeGreaterThanOrEqual(0.85);
    expect(run.throttledShare).toBeLessThan(0.25);
  });
});
