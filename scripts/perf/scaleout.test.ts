// The scale-out run (`npm run scaleout`) at CI size:
// instance processes, each with the built bundle loaded once, share one
// account quota at the Live emulator that they overrun together. Only the
// invariants are asserted, never timings: every invocation answered or threw
// as retryable, nothing lost, nothing deleted unasked.
import { runScript } from '../../dev/processes';

const INVARIANTS = {
  'every invocation answered, or thrown as retryable': [],
  'nothing lost (each asked resource deleted, or its invocation threw)': [],
  'nothing deleted that was not asked for': [],
};

async function scaleout(args: string[]) {
  const run = await runScript('perf/scaleout.ts', [...args, '--json'], {}, 60_000);
  if (run.code !== 0) throw new Error(`scaleout exited ${run.code}\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('scale-out: instances sharing one account quota (built bundle)', () => {
  it('keeps every invariant with single-flight instances, as FC 3.0 runs them', async () => {
    const report = await scaleout([
      '--instances',
      '4',
      '--invocations',
      '6',
      '--quota',
      '2',
      '--qps',
      '10',
      '--timeout',
      '10',
    ]);
    expect(report.invariants).toEqual(INVARIANTS);
    expect(report.options.concurrency).toBe(1);
    expect(report.invocations.total).toBe(24);
    expect(report.invocations.killed).toBe(0);
  }, 60_000);

  it('keeps every invariant with instance concurrency and another client taking part of the quota', async () => {
    const report = await scaleout([
      '--instances',
      '2',
      '--invocations',
      '10',
      '--concurrency',
      '5',
      '--quota',
      '5',
      '--qps',
      '10',
      '--timeout',
      '10',
      '--other-qps',
      '2',
    ]);
    expect(report.invariants).toEqual(INVARIANTS);
    expect(report.other.requests).toBeGreaterThan(0);
    expect(report.invocations.total).toBe(20);
    expect(report.invocations.killed).toBe(0);
  }, 60_000);

  it('--help prints the usage; a bad option prints one line and the usage, exit 2', async () => {
    const help = await runScript('perf/scaleout.ts', ['--help']);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, expect.stringMatching(/^usage: npm run scaleout/)]);
    const bad = await runScript('perf/scaleout.ts', ['--quota', '0']);
    expect(bad.code).toBe(2);
    const lines = bad.stderr.split('\n').filter((l) => !l.startsWith('npm warn'));
    expect(lines[0]).toMatch(/^npm run scaleout: --quota must be a whole number/);
    expect(lines[1]).toMatch(/^usage: npm run scaleout/);
  });
});
