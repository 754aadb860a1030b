// The scale-out run (scripts/scaleout.ts, `npm run scaleout`) at CI size: two
// instance processes, each with the built bundle loaded once, share one
// account quota at the Live emulator that two instances at LIVE_QPS overrun.
// Only the invariants are asserted, never timings: every invocation answered
// or threw as retryable, nothing lost, nothing deleted unasked.
import { runScript } from '../support/processes';

const CI_RUN = ['--instances', '2', '--invocations', '15', '--concurrency', '5', '--quota', '10', '--qps', '10', '--timeout', '10'];

describe('scale-out: instances sharing one account quota (built bundle)', () => {
  it('keeps every invariant when K instances overrun the account quota', async () => {
    const run = await runScript('scaleout.ts', [...CI_RUN, '--json'], {}, 60_000);
    if (run.code !== 0) throw new Error(`scaleout exited ${run.code}\n${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(run.stdout);
    expect(report.invariants).toEqual({
      'every invocation answered, or thrown as retryable': [],
      'nothing lost (each asked resource deleted, or its invocation threw)': [],
      'nothing deleted that was not asked for': [],
    });
    expect(report.ok).toBe(true);
    // Every invocation was run and ended one of the three acceptable ways.
    expect(report.invocations.total).toBe(30);
    expect(report.invocations.killed).toBe(0);
    expect(report.invocations.ok + report.invocations.thrown + report.invocations.failed).toBe(30);
  }, 60_000);

  it('--help prints the usage; a bad option prints one line and the usage, exit 2', async () => {
    const help = await runScript('scaleout.ts', ['--help']);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, expect.stringMatching(/^usage: npm run scaleout/)]);
    const bad = await runScript('scaleout.ts', ['--quota', '0']);
    expect(bad.code).toBe(2);
    const lines = bad.stderr.split('\n').filter((l) => !l.startsWith('npm warn'));
    expect(lines[0]).toMatch(/^npm run scaleout: --quota must be a whole number/);
    expect(lines[1]).toMatch(/^usage: npm run scaleout/);
  });
});
