import { Deadline } from '../../../functions/delete-caster-video-resource/policy/deadline';

describe('Deadline', () => {
  it.each([
    ['a tenth of the timeout', 5_000, 4_500],
    ['at least 150 ms', 1_000, 850],
    ['at most a second', 60_000, 59_000],
  ])('keeps back %s to answer in', (_name, timeoutMs, at) => {
    expect(Deadline.forInvocation(timeoutMs, () => 0, 0).at).toBe(at);
  });

  it('counts from the start of the invocation', () => {
    expect(Deadline.forInvocation(5_000, () => 0, 1_000).at).toBe(5_500);
  });

  it('has no time left once past', () => {
    expect(Deadline.forInvocation(1_000, () => 2_000, 0).remaining()).toBe(0);
  });

  it('gives part of the work a share of the time that is left', () => {
    const now = 500;
    expect(Deadline.forInvocation(5_000, () => now, 0).share(0.25).at).toBe(500 + (4_500 - 500) * 0.25);
  });
});
