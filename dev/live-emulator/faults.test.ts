import { FaultQueue } from './faults';

/** A fixed sequence of draws in [0, 1). */
const draws = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('emulator FaultQueue', () => {
  it('keeps its FIFO-with-counts behaviour for faults without a probability', () => {
    const q = new FaultQueue();
    q.add({ kind: 'throttle', times: 2 });
    q.add({ kind: 'reset', action: 'DescribeCasterVideoResources' });
    q.add({ kind: 'internal' });
    expect(q.take('DescribeCasterVideoResources')?.kind).toBe('throttle');
    expect(q.take('DeleteCasterVideoResource')?.kind).toBe('throttle');
    expect(q.take('DeleteCasterVideoResource')?.kind).toBe('internal');
    expect(q.take('DeleteCasterVideoResource')).toBeUndefined();
    expect(q.take('DescribeCasterVideoResources')?.kind).toBe('reset');
    expect(q.take('DescribeCasterVideoResources')).toBeUndefined();
  });

  it('hits with its probability; a spared request does not use the fault up and goes on to the next', () => {
    const q = new FaultQueue();
    q.add({ kind: 'throttle', probability: 0.5, times: 1 });
    q.add({ kind: 'unavailable', probability: 0.2, times: Infinity });
    // 0.7 spares the throttle, 0.1 hits the 0.2 unavailable.
    expect(q.take('A', draws(0.7, 0.1))?.kind).toBe('unavailable');
    // 0.9 spares throttle, 0.9 spares unavailable: no fault.
    expect(q.take('A', draws(0.9, 0.9))).toBeUndefined();
    // 0.3 hits the throttle, using up its only time.
    expect(q.take('A', draws(0.3))?.kind).toBe('throttle');
    expect(q.take('A', draws(0.3, 0.9))).toBeUndefined();
  });

  it('draws only for faults whose action matches', () => {
    const q = new FaultQueue();
    q.add({ kind: 'reset', action: 'Other', probability: 0.5, times: Infinity });
    q.add({ kind: 'internal', probability: 0.5, times: Infinity });
    const random = jest.fn(draws(0.1));
    expect(q.take('DeleteCasterVideoResource', random)?.kind).toBe('internal');
    expect(random).toHaveBeenCalledTimes(1);
  });

  it('over many seeded draws, hits close to the probability', () => {
    let s = 42;
    const seeded = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
    const q = new FaultQueue();
    q.add({ kind: 'throttle', probability: 0.1, times: Infinity });
    const hits = Array.from({ length: 10_000 }, () => q.take('A', seeded)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(850);
    expect(hits).toBeLessThan(1150);
  });

  it.each([0, 1.5, Number.NaN])('refuses a probability of %p', (probability) => {
    expect(() => new FaultQueue().add({ kind: 'throttle', probability })).toThrow(/probability/);
  });

  it('refuses a status on any fault but echo', () => {
    expect(() => new FaultQueue().add({ kind: 'throttle', status: 400 })).toThrow(/echo/);
  });

  it('refuses an echo status Live does not answer with', () => {
    expect(() => new FaultQueue().add({ kind: 'echo', status: 418 as never })).toThrow(/echo/);
  });

  it('takes an echo with a status and a probability', () => {
    expect(() => new FaultQueue().add({ kind: 'echo', status: 503, probability: 1 })).not.toThrow();
  });
});
